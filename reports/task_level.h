// How serious a task is, for the formats that grade their results (SARIF's
// level, GitLab Code Quality's severity): one rule for both, from the
// task's score, its rule's kind of finding and the gate (docs/report-format.md).
#pragma once

#include <set>
#include <string>

#include "model/report.h"

namespace stepup {

/// A score at or above this is high: a risk rule's task becomes a SARIF
/// warning. 70 sits between "clearly worth doing" (60) and "the first thing
/// to pick up" (80+) on the common scale (docs/scoring.md).
inline constexpr int kHighScore = 70;
/// A score at or above this is a Code Quality "minor" rather than "info".
inline constexpr int kMinorScore = 40;

/// The grades, weakest first.
enum class TaskLevel {
  kSuggestion,  ///< an improvement to consider (a note), below kHighScore or not a risk
  kHighRisk,    ///< a risk rule's task scoring kHighScore or more (a warning)
  kGateFailure  ///< the task makes a failed --fail-on check fail (an error)
};

/// The level of every task of one report; built once per write.
class TaskLevels {
 public:
  explicit TaskLevels(const Report& report);
  TaskLevel of(const Candidate& c) const;

 private:
  std::set<std::string> gated_;       ///< ids named by a failed gate check
  std::set<std::string> risk_rules_;  ///< ids of the rules that find risks
};

}  // namespace stepup
