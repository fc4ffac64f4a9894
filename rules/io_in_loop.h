// io-in-loop: I/O (database, network, file, sleep) called inside a loop,
// the N+1 pattern; kind "investigate-performance".
#pragma once

#include "rules/rule.h"

namespace stepup {

std::vector<Candidate> io_in_loop(const Report& signals, const RuleOptions& options);
RuleInfo io_in_loop_info();

}  // namespace stepup
