// knowledge-silo: one author holds most of the changes of an active
// module; kind "pair" (pair with them, or write down what they know).
#pragma once

#include "rules/rule.h"

namespace stepup {

std::vector<Candidate> knowledge_silo(const Report& signals, const RuleOptions& options);
RuleInfo knowledge_silo_info();

}  // namespace stepup
