// swallowed-errors: silent catches and unlogged error paths in code that
// breaks (bug-fix commits, error reports); kind "add-instrumentation".
#pragma once

#include "rules/rule.h"

namespace stepup {

std::vector<Candidate> swallowed_errors(const Report& signals, const RuleOptions& options);
RuleInfo swallowed_errors_info();

}  // namespace stepup
