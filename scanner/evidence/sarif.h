// SARIF 2.1.0 static-analysis results (clang-tidy via converters, GCC's
// -fdiagnostics-format=sarif-file, CodeQL, PVS-Studio, MSVC /analyze ...).
#pragma once

#include <string>
#include <string_view>

#include "scanner/evidence/findings.h"

namespace stepup {

/// Reads runs[].results[]: ruleId, message.text, the first location's
/// artifact URI (uriBaseId resolved through originalUriBaseIds, file://
/// URIs and percent-escapes decoded) and region.startLine. Results whose
/// kind is not "fail" and suppressed results are skipped. Throws InputError
/// for malformed JSON (with line:column) or a field of the wrong type (with
/// its JSON path).
FindingsData import_sarif(std::string_view text, const std::string& name);

/// "file:///a%20b/c.cc" -> "/a b/c.cc"; other URIs are percent-decoded.
std::string sarif_uri_to_path(std::string_view uri);

}  // namespace stepup
