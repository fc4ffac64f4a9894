// Reading coverage reports: recognising the format from the content.
#pragma once

#include <string>
#include <string_view>

#include "model/coverage.h"

namespace stepup {

/// The coverage formats stepup reads, recognised from the text itself.
enum class CoverageFormat { kGcovrJson, kLcov, kCobertura, kLlvmCov, kUnknown };

CoverageFormat detect_coverage_format(std::string_view text);

/// Imports text in whichever format it is. Throws InputError naming `name`
/// when the format is not recognised or the content is malformed.
CoverageData import_coverage(std::string_view text, const std::string& name);

/// Reads the file at path and imports it. Throws InputError for a missing,
/// unreadable or directory path.
CoverageData import_coverage_file(const std::string& path);

}  // namespace stepup
