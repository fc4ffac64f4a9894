// clang-tidy's text output (and compilers' warnings in the same shape).
#pragma once

#include <string>
#include <string_view>

#include "scanner/evidence/findings.h"

namespace stepup {

/// Reads "path:line:col: warning|error: message [check-name]" lines;
/// "note:" lines, code snippets and carets are skipped. A "[-Wflag]" check
/// is a compiler warning (tool "compiler"). Throws InputError
/// "<name>:<line>: ..." for a diagnostic line whose line number is not one.
FindingsData import_clang_tidy(std::string_view text, const std::string& name);

/// True when some line of text has the "path:line:col: warning:" shape.
bool looks_like_clang_tidy(std::string_view text);

}  // namespace stepup
