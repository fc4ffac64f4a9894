// Helpers for outside input given as text: positions and JSON documents
// whose errors name the file and the line:column.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace stepup {

/// Reads a whole input file (coverage, evidence, a report) in one buffer of
/// its size; pipes work too. Throws InputError "<path>: is a directory, not
/// a <what> file[hint]" or "<path>: cannot read <what> file: <reason>".
std::string read_input_file(const std::string& path, const std::string& what,
                            const std::string& directory_hint = "");

/// "line:column" of a byte offset in text (both 1-based).
std::string line_col(std::string_view text, size_t offset);

/// Parses JSON text. Throws InputError "<name>:<line>:<col>: malformed
/// <what> (byte N): <reason>"; errors without an offset (a number too large
/// for a double) name the file only.
nlohmann::json parse_json_input(std::string_view text, const std::string& name,
                                const std::string& what);

}  // namespace stepup
