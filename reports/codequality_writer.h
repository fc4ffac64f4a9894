// gl-code-quality-report.json: GitLab's Code Quality format (a subset of the
// Code Climate spec), one issue per candidate, for the merge request widget
// (artifacts:reports:codequality).
#pragma once

#include <ostream>

#include "model/report.h"
#include "reports/task_level.h"

namespace stepup {

/// A task's Code Quality severity: "blocker" for a gate failure, "critical"
/// for a high-scoring risk, then by score alone: "major" from kHighScore,
/// "minor" from kMinorScore, "info" below.
const char* codequality_severity(TaskLevel level, int score);

/// One issue per candidate, in rank order: description (the title, score
/// and effort), check_name (the rule), fingerprint (the stable id, so the
/// widget matches tasks across pipelines), severity, location.path
/// (repo-relative; a module task's folder) and location.lines.begin.
void write_codequality(const Report& report, std::ostream& out);

}  // namespace stepup
