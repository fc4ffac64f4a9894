// Hot paths through callers (docs/callgraph.md): a profile's stacks lose
// functions the compiler inlined, and stacks cut at a depth lose the rest;
// a function a hot per-element loop calls is on the hot path all the same.
#pragma once

#include "model/report.h"

namespace stepup {

/// For each function the profile never saw on a stack (no profile samples)
/// that a per-element loop of a function it did see calls (not virtually:
/// an override may run instead), sets its profile
/// to the hottest such caller's total share with ProfileShare::via naming
/// that caller: an upper bound, one hop from measured code only. Needs
/// report.call_graph and a profile (no-op without). Also sets each
/// profiled function's ProfileShare::path, walking up through callers and
/// through virtual calls of the methods it overrides. Returns how many it
/// inferred.
int infer_hot_callees(Report& report);

}  // namespace stepup
