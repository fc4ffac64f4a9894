// untested-hotspot: complex logic that no test runs, weighted by how often
// it changes and breaks (CRAP's idea, with churn); kind "add-tests".
#pragma once

#include "rules/rule.h"

namespace stepup {

std::vector<Candidate> untested_hotspot(const Report& signals, const RuleOptions& options);
RuleInfo untested_hotspot_info();

}  // namespace stepup
