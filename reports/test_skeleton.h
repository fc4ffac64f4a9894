// The test skeleton of an add-tests ticket: which function the test calls
// (never one with internal linkage, nor main), where the test file goes and
// how it includes the code, the way the project's own tests do
// (docs/tickets.md). reports/skeleton_code writes the code.
#pragma once

#include <string>
#include <vector>

#include "model/report.h"
#include "reports/skeleton_code.h"

namespace stepup {

/// The plan for an add-tests candidate: focus is Candidate.focus, else the
/// target function (for a file task without either, its most complex
/// function with lines no test runs).
SkeletonPlan plan_skeleton(const Report& report, const Candidate& candidate);

/// Repo files (besides the candidate's own) whose text plan_skeleton reads
/// when it is there: the headers the target file includes, and its
/// same-named header. `next --report` loads them.
std::vector<std::string> skeleton_reads(const Report& report, const Candidate& candidate);

}  // namespace stepup
