// The repository's call graph (docs/callgraph.md), built after the join from
// every function's call sites (FunctionFacts::calls), so the facts cache and
// sharded scans give the same graph as one whole scan: no second parse.
#pragma once

#include "model/report.h"

namespace stepup {

/// Builds report.call_graph from report.files: a node per function
/// definition with a USR, plus a declared-only node per virtual method that
/// a virtual call names or a definition overrides but no scanned file
/// defines; an edge per call site whose callee is a node (macro call sites
/// are not edges; other callees count as unresolved); overriders_of from
/// each definition's FunctionFacts::overrides.
/// Sets each function's callers and callees: distinct functions, as
/// clangd's call hierarchy lists them. Does nothing in quick mode.
void build_call_graph(Report& report);

/// The definition behind each node of report.call_graph, by node index;
/// nullptr for declared-only nodes.
std::vector<FunctionFacts*> node_functions(Report& report);

/// For each node, the virtual methods it overrides (overriders_of turned
/// around).
std::vector<std::vector<int>> bases_of(const CallGraph& graph);

}  // namespace stepup
