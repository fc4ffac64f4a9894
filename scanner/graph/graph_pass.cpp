#include "scanner/graph/graph_pass.h"

#include "scanner/graph/call_graph.h"
#include "scanner/graph/hot_callees.h"
#include "scanner/graph/io_chains.h"

namespace stepup {

void add_call_graph(Report& report, const SignalConfig& s, std::vector<Diagnostic>& diags) {
  if (!s.call_graph) return;
  build_call_graph(report);
  if (!report.call_graph) return;
  int chains = add_io_chains(report, {s.io_depth, s.io_virtual});
  int hot = infer_hot_callees(report);
  const CallGraph& g = *report.call_graph;
  std::string msg = "call graph: " + std::to_string(g.nodes.size()) + " functions, " +
                    std::to_string(g.edges.size()) + " call sites; " + std::to_string(chains) +
                    " io-in-loop through calls";
  if (report.signals.profile) {
    msg += "; " + std::to_string(hot) + " functions hot through a caller's loop";
  }
  if (g.unresolved > 0) {
    msg += "; " + std::to_string(g.unresolved) +
           " calls of repo-declared functions defined in no scanned file";
  }
  diags.push_back({Diagnostic::Level::kInfo, "callgraph", msg, std::nullopt});
}

}  // namespace stepup
