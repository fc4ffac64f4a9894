// The call graph's stage of the pipeline (docs/callgraph.md): the graph,
// then io-in-loop through calls and hot paths through callers.
#pragma once

#include <vector>

#include "model/config.h"
#include "model/report.h"

namespace stepup {

/// Runs build_call_graph, add_io_chains (signals.io_depth, io_virtual) and
/// infer_hot_callees on every file (before --team keeps some: a caller is
/// a caller whoever owns it), and says what they found in one info
/// diagnostic. Does nothing when signals.call_graph is off or in quick mode.
void add_call_graph(Report& report, const SignalConfig& signals, std::vector<Diagnostic>& diags);

}  // namespace stepup
