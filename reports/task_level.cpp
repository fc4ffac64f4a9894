#include "reports/task_level.h"

namespace stepup {

TaskLevels::TaskLevels(const Report& report) {
  for (const GateCheck& g : report.gate) {
    if (g.failed) gated_.insert(g.candidates.begin(), g.candidates.end());
  }
  for (const RuleSummary& rule : report.rules) {
    if (rule.risk) risk_rules_.insert(rule.id);
  }
}

TaskLevel TaskLevels::of(const Candidate& c) const {
  if (gated_.count(c.id)) return TaskLevel::kGateFailure;
  if (c.score >= kHighScore && risk_rules_.count(c.rule)) return TaskLevel::kHighRisk;
  return TaskLevel::kSuggestion;
}

}  // namespace stepup
