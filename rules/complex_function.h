// complex-function: functions whose cognitive complexity makes them hard to
// change safely; kind "refactor".
#pragma once

#include "rules/rule.h"

namespace stepup {

std::vector<Candidate> complex_function(const Report& signals, const RuleOptions& options);
RuleInfo complex_function_info();

}  // namespace stepup
