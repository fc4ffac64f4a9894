// gcovr's JSON format ("gcovr/format_version" 0.2 through 0.14).
#pragma once

#include <string>
#include <string_view>

#include "model/coverage.h"

namespace stepup {

/// Reads gcovr --json output. Throws InputError naming `name` and the
/// line:column (or the file entry) for malformed input or an unknown
/// format version.
CoverageData import_gcovr_json(std::string_view text, const std::string& name);

}  // namespace stepup
