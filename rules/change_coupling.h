// change-coupling: files in different modules that keep changing in the
// same commits, a dependency the module layout does not show; kind
// "refactor".
#pragma once

#include "rules/rule.h"

namespace stepup {

std::vector<Candidate> change_coupling(const Report& signals, const RuleOptions& options);
RuleInfo change_coupling_info();

}  // namespace stepup
