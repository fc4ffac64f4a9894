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

}  // namespace stepup
