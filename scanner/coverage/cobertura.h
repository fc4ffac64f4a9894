// Cobertura XML (gcovr --xml, coverage.py, JaCoCo converters...).
#pragma once

#include <string>
#include <string_view>

#include "model/coverage.h"

namespace stepup {

/// Reads a Cobertura report's text. `name` is the file's name for messages.
/// Classes that share a filename are merged into one FileCoverage whose
/// `bases` are the report's <source> folders. Entities are never expanded.
/// Throws InputError("<name>:<line>:<col>: ...") on malformed input.
CoverageData import_cobertura(std::string_view text, const std::string& name);

}  // namespace stepup
