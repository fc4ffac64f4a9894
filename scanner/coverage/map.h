// Mapping coverage onto the repository: paths, merging, exclusion markers,
// and the totals of files and functions.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/config.h"
#include "model/coverage.h"
#include "scanner/common/discover.h"

namespace stepup {

/// Lines that exclusion markers in a source file take out of coverage.
struct Exclusions {
  std::set<int> lines;     ///< GCOVR_EXCL_LINE, _START.._STOP, LCOV_EXCL_*
  std::set<int> branches;  ///< GCOVR_EXCL_BR_*, LCOV_EXCL_BR_*: branches only
};

/// Finds the markers in a source file's text.
Exclusions exclusion_markers(std::string_view text);

/// Coverage merged per repo file (indexed like the discovered files).
struct MappedCoverage {
  std::vector<std::optional<FileCoverage>> files;
  std::vector<Diagnostic> diagnostics;
};

/// Maps every coverage file of every report onto repo files: path_map rules
/// first, then the path as written (absolute, or relative to the format's
/// base folders or to the repo), then a case-insensitive comparison, then an
/// unambiguous suffix match for paths that do not exist on this machine.
/// Records for the same repo file are merged: hits add up, branches add up
/// position by position, functions merge by name and line (so constructor
/// and destructor variants become one).
MappedCoverage map_coverage(const std::vector<CoverageData>& reports,
                            const std::vector<std::string>& report_names,
                            const std::string& root,
                            const std::vector<SourceFile>& files,
                            const std::vector<PathMapping>& path_map);

/// Removes excluded lines and branches from a file's coverage.
void apply_exclusions(FileCoverage& coverage, const Exclusions& exclusions);

/// Totals of a file: lines, branches (without exception-only ones; the raw
/// figures ride along), functions.
Coverage file_totals(const FileCoverage& coverage);

/// Totals of lines first..last (a function's extent).
Coverage range_totals(const FileCoverage& coverage, int first, int last);

}  // namespace stepup
