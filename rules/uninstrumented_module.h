// uninstrumented-module: a module of real code with no or very few log
// calls, weighted by how much it changes, breaks and swallows errors; kind
// "add-instrumentation".
#pragma once

#include "rules/rule.h"

namespace stepup {

std::vector<Candidate> uninstrumented_module(const Report& signals, const RuleOptions& options);
RuleInfo uninstrumented_module_info();

}  // namespace stepup
