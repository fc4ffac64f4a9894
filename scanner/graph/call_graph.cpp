#include "scanner/graph/call_graph.h"

#include <algorithm>
#include <set>

namespace stepup {

void build_call_graph(Report& report) {
  if (report.signals.parse != "semantic") return;  // quick mode sees no calls
  CallGraph g;
  std::vector<const FunctionFacts*> fns;
  for (const FileFacts& file : report.files) {
    for (const FunctionFacts& fn : file.functions) {
      if (fn.usr.empty() || g.node_of.count(fn.usr)) continue;
      g.node_of.emplace(fn.usr, static_cast<int>(g.nodes.size()));
      g.nodes.push_back({fn.usr, fn.qualified_name, file.path, fn.line, file.module, file.role});
      fns.push_back(&fn);
    }
  }
  for (size_t n = 0; n < fns.size(); ++n) {
    for (const CallSite& c : fns[n]->calls) {
      auto it = g.node_of.find(c.callee_usr);
      if (it == g.node_of.end()) {
        auto d = report.declarations.find(c.callee_usr);
        if (d == report.declarations.end() || !d->second.is_macro) ++g.unresolved;
        continue;
      }
      g.edges.push_back({static_cast<int>(n), it->second, c.line, c.is_virtual, c.loop_line});
    }
  }
  g.callers_of.assign(g.nodes.size(), {});
  g.callees_of.assign(g.nodes.size(), {});
  for (size_t e = 0; e < g.edges.size(); ++e) {
    g.callees_of[g.edges[e].caller].push_back(static_cast<int>(e));
    g.callers_of[g.edges[e].callee].push_back(static_cast<int>(e));
  }
  auto distinct = [&](const std::vector<int>& edges, bool callers) {
    std::set<int> seen;
    for (int e : edges) seen.insert(callers ? g.edges[e].caller : g.edges[e].callee);
    return static_cast<int>(seen.size());
  };
  for (FileFacts& file : report.files) {
    for (FunctionFacts& fn : file.functions) {
      auto it = g.node_of.find(fn.usr);
      if (it == g.node_of.end()) continue;
      fn.callers = distinct(g.callers_of[it->second], true);
      fn.callees = distinct(g.callees_of[it->second], false);
    }
  }
  report.call_graph = std::move(g);
}

}  // namespace stepup
