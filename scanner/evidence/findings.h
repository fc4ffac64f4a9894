// Reading static-analysis results (--findings): the shared model, format
// detection, and reading the file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/report.h"

namespace stepup {

/// One static-analysis result at one place.
struct StaticFinding {
  std::string tool;  ///< "cppcheck", "clang-tidy", SARIF's tool.driver.name
  std::string rule;  ///< "nullPointer", "bugprone-use-after-move"
  std::string message;
  std::string path;  ///< as written (SARIF URIs decoded to paths)
  int line = 0;      ///< 0: the whole file
  int column = 0;
};

/// Everything one findings file holds.
struct FindingsData {
  std::string format;  ///< "sarif", "cppcheck" or "clang-tidy"
  std::vector<StaticFinding> findings;
  int skipped = 0;  ///< results without a location, notes, passes, suppressions
  /// Results with an odd value (a field of the wrong type, a negative line):
  /// skipped, one warning per file counting them and quoting the first.
  std::vector<Diagnostic> diagnostics;
};

/// The findings formats stepup reads, recognised from the text itself.
enum class FindingsFormat { kSarif, kCppcheckXml, kClangTidy, kUnknown };

FindingsFormat detect_findings_format(std::string_view text);

/// Imports text in whichever format it is. Throws InputError naming `name`
/// (and the line, or the JSON path) when it is malformed or not a format
/// stepup reads.
FindingsData import_findings(std::string_view text, const std::string& name);

}  // namespace stepup
