// What each rule's tasks mean to the people who get them: one line, why it
// matters, how to act, and topic tags. The one table of these texts, beside
// the registry (whose description says what a rule finds); SARIF's rule
// help and the Code Quality output are written from it.
#pragma once

#include <string>
#include <vector>

#include "model/report.h"
#include "rules/rule.h"

namespace stepup {

/// One row of the help table, keyed by rule id.
struct RuleHelp {
  std::string id;
  std::string short_description;  ///< one line, under 100 characters
  std::string why;                ///< why it matters
  std::string how;                ///< how to act on a task
  std::vector<std::string> tags;  ///< topics (the kind is added by rule_summary)
  bool risk = false;  ///< finds a risk (breakage, silent failure, slowness), not a suggestion
};

/// Every row, in registry order.
const std::vector<RuleHelp>& rule_help_table();

/// The row of a rule; nullptr when the table has none (a test keeps every
/// registered rule in the table).
const RuleHelp* rule_help(const std::string& id);

/// A rule as reports describe it: the registry's id, kind and description
/// plus its help row (tags: the kind first).
RuleSummary rule_summary(const RuleInfo& rule);

}  // namespace stepup
