// error-prone: files that keep needing bug fixes (or collect error
// reports) although their tests cover them; kind "add-tests".
#pragma once

#include "rules/rule.h"

namespace stepup {

std::vector<Candidate> error_prone(const Report& signals, const RuleOptions& options);
RuleInfo error_prone_info();

}  // namespace stepup
