// hot-path: functions where the profile says time goes that are also
// complex or untested; kind "investigate-performance". Runs only with
// --profile.
#pragma once

#include "rules/rule.h"

namespace stepup {

std::vector<Candidate> hot_path(const Report& signals, const RuleOptions& options);
RuleInfo hot_path_info();

}  // namespace stepup
