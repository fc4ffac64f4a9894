// Reading error and crash reports: JSON (an array or JSON Lines, plain or
// Sentry-style events) and text (sanitizer and gdb backtraces, log lines
// naming path:line).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stepup {

/// One stack frame of a report; any of its fields may be missing.
struct ErrorFrame {
  std::string path;      ///< as written; "" when unknown
  int line = 0;          ///< 0 when unknown
  std::string function;  ///< as written; "" when unknown
};

/// One error or crash, seen `count` times; frames innermost first.
struct ErrorReport {
  std::vector<ErrorFrame> frames;
  int64_t count = 1;
  int source_line = 0;  ///< where it starts in the input (1-based)
};

/// Everything one input file holds.
struct ErrorReports {
  std::string format;  ///< "json", "json-lines" or "text"
  std::vector<ErrorReport> reports;
  int64_t total = 0;  ///< sum of the counts
};

/// Parses reports, recognising JSON from a leading '[' or '{' and reading
/// anything else as text. Throws InputError "<name>:<line>[:<col>]: ..." for
/// malformed JSON, a field of the wrong type, a count that is negative or
/// exceeds 2^63-1, or counts whose sum does.
ErrorReports parse_error_reports(std::string_view text, const std::string& name);

/// A frame written as one string: "src/a.cc:42", "ns::fn",
/// "ns::fn (src/a.cc:42)", "ns::fn at src/a.cc:42:7".
ErrorFrame parse_frame_text(std::string_view text);

/// Reads "path:line" or "path:line:col" (surrounding punctuation allowed).
/// False when the token is not one.
bool parse_location(std::string_view token, std::string* path, int* line);

}  // namespace stepup
