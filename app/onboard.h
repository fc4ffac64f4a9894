// The plan `stepup onboard` prints (docs/onboard.md), assembled from a
// finished report: its call and include graphs, history and tasks.
#pragma once

#include <functional>
#include <string>

#include "app/commands/task_pick.h"
#include "model/onboard.h"

namespace stepup {

struct OnboardOptions {
  TaskFilter scope;  ///< module and team only
  int count = 3;     ///< solo and pair tickets each
  /// A repository file's text by repo-relative path ("" when unreadable):
  /// for the summaries of files whose text the report does not carry.
  std::function<std::string(const std::string&)> read;
};

/// The plan: 5 to 10 must-read files (ranked by MustRead::centrality, then
/// grouped so the module the rest of the code calls most comes first), up
/// to count solo tickets (newcomer-friendly, effort S, fewer than 10
/// callers, not performance work) and count pair tickets (knowledge
/// silos, must-read files, functions with 10 or more callers), never one
/// task twice, and a five-day order: read, then solo, then pair.
OnboardPlan plan_onboarding(const Report& report, const OnboardOptions& options);

/// The first comment of a file's head that is not a licence, modeline or
/// include guard, cut to its first sentence (at most 200 characters); "" if
/// none. Exposed for tests.
std::string head_comment(const std::string& text);

}  // namespace stepup
