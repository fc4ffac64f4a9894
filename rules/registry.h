// The explicit table of rules: adding a rule adds one row here.
#pragma once

#include <vector>

#include "rules/rule.h"

namespace stepup {

const std::vector<RuleInfo>& rule_registry();

/// Runs every rule on the signals in report, merges duplicates (one
/// candidate per target and kind, the strongest kept), ranks them, and
/// sets each module's score. options holds every rule's options.
void apply_rules(Report& report, const std::map<std::string, RuleOptions>& options);

/// Ranks report.candidates 1..n in their order, sets each module's score
/// (its best candidate's) and the summary's count; after apply_rules, and
/// again when CI mode keeps only some candidates.
void number_candidates(Report& report);

}  // namespace stepup
