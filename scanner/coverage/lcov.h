// lcov tracefiles (geninfo(1)): `lcov --capture` output, 1.x and 2.x records.
#pragma once

#include <string>
#include <string_view>

#include "model/coverage.h"

namespace stepup {

/// Reads an lcov tracefile's text. `name` is the file's name for messages.
/// Returns one FileCoverage per SF...end_of_record record, in order: a raw
/// capture repeats a header once per TU and merging them is the mapping
/// stage's job. Lines come only from DA records (LF/LH are not trusted).
/// Throws InputError("<name>:<line>: ...") on malformed input.
CoverageData import_lcov(std::string_view text, const std::string& name);

}  // namespace stepup
