// Reading a report.json back: the --baseline of a CI run and the --report
// of `stepup next`.
#pragma once

#include <string>
#include <string_view>

#include "model/report.h"

namespace stepup {

/// Parses report.json text (schema stepup-report/1) into a Report: summary,
/// signals, modules, files with their functions, candidates and
/// diagnostics. Throws InputError naming `name` and the line:column of a
/// syntax error or the JSON path of a missing or mistyped field; a report
/// of another schema is an error that says which schema it is.
Report parse_report(std::string_view text, const std::string& name);

/// Reads and parses a report.json file.
Report read_report_file(const std::string& path);

}  // namespace stepup
