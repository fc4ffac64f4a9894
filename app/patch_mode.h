// --diff-base: judge only the code a change touches, and measure its
// coverage.
#pragma once

#include <string>

#include "model/report.h"
#include "scanner/history/git_diff.h"

namespace stepup {

/// Fills report.patch (changed lines, patch line and branch coverage, the
/// changed files coverage does not mention; in a file whose coverage is
/// stale every changed code line counts as executable and uncovered, and
/// the file is listed in stale_files; per file in file_coverage) and keeps
/// only candidates on changed code: a function target whose extent holds a
/// changed line, a file target with a changed line, a module target with a
/// changed file.
/// Ranks and module scores are recomputed over what is left.
void apply_patch_mode(Report& report, const ChangedLines& changed, const std::string& base);

}  // namespace stepup
