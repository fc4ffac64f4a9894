// io-in-loop through calls (docs/callgraph.md): "does I/O" spreads up the
// call graph from the functions that call a round-trip I/O API, and a loop
// that runs per element and calls such a function gets a finding carrying
// the chain down to the API.
#pragma once

#include "model/report.h"

namespace stepup {

/// depth: the most repo-function calls a chain follows before the I/O API
/// (signals.io_depth; `balance -> read_entries -> PQexec` follows 2).
/// follow_virtual: whether virtual edges carry I/O (signals.io_virtual);
/// off by default, as the override that runs is not known.
struct IoChainOptions {
  int depth = 4;
  bool follow_virtual = false;
};

/// Adds an io-in-loop finding (Finding::chain set) to every function of a
/// target role (Report::target_roles: production by default) with a
/// call, always reached from a per-element loop's body, of a repo function
/// that does I/O within the depth; a line that already holds a direct
/// io-in-loop finding gets none. Needs report.call_graph (no-op without).
/// Returns the number of findings added.
int add_io_chains(Report& report, const IoChainOptions& options);

}  // namespace stepup
