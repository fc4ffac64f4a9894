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

/// A region marker without its partner: a _START never closed, a _STOP
/// never opened.
struct UnmatchedMarker {
  int line = 0;
  std::string marker;  ///< "GCOVR_EXCL_START", "LCOV_EXCL_BR_STOP"...
};

/// Lines that exclusion markers in a source file take out of coverage.
struct Exclusions {
  std::set<int> lines;     ///< GCOVR_EXCL_LINE, _START.._STOP, LCOV_EXCL_*
  std::set<int> branches;  ///< GCOVR_EXCL_BR_*, LCOV_EXCL_BR_*: branches only
  std::vector<UnmatchedMarker> unmatched;
};

/// Finds the markers in a source file's text (any line-ending convention).
/// As gcovr does, a region whose _START has no _STOP excludes nothing, and
/// a _STOP outside a region does nothing; both are listed in `unmatched`.
Exclusions exclusion_markers(std::string_view text);

/// Coverage merged per repo file (indexed like the discovered files).
struct MappedCoverage {
  std::vector<std::optional<FileCoverage>> files;
  std::vector<Diagnostic> diagnostics;
};

/// Maps every coverage file of every report onto repo files through
/// PathResolver (path normalisation, path_map, the path as written, case,
/// suffix). Records for the same repo file are merged: hits add up,
/// branches add up position by position, and the functions of one line
/// become one (template instantiations, constructor and destructor
/// variants: merge_function_instances).
MappedCoverage map_coverage(const std::vector<CoverageData>& reports,
                            const std::vector<std::string>& report_names, const std::string& root,
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
