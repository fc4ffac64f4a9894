#include "scanner/graph/hot_callees.h"

#include <algorithm>

#include "scanner/graph/call_graph.h"

namespace stepup {
namespace {

bool measured(const FunctionFacts* f) {
  return f && f->profile && f->profile->via.empty() && f->profile->total_samples > 0;
}

}  // namespace

int infer_hot_callees(Report& report) {
  if (!report.call_graph || !report.signals.profile) return 0;
  const CallGraph& g = *report.call_graph;
  std::vector<FunctionFacts*> fn = node_functions(report);
  // A method is called through the virtual methods it overrides too.
  const std::vector<std::vector<int>> bases = bases_of(g);
  auto callers = [&](int n) {
    std::vector<int> out;
    for (int e : g.callers_of[n]) out.push_back(g.edges[e].caller);
    for (int b : bases[n]) {
      for (int e : g.callers_of[b]) {
        if (g.edges[e].is_virtual) out.push_back(g.edges[e].caller);
      }
    }
    return out;
  };
  // The path first, from measured shares only.
  for (size_t n = 0; n < g.nodes.size(); ++n) {
    if (!measured(fn[n])) continue;
    std::vector<int> up = {static_cast<int>(n)};
    while (up.size() < 6) {
      int best = -1;
      for (int c : callers(up.back())) {
        if (!measured(fn[c]) || std::find(up.begin(), up.end(), c) != up.end()) continue;
        if (best < 0 || fn[c]->profile->total_share > fn[best]->profile->total_share ||
            (fn[c]->profile->total_share == fn[best]->profile->total_share && c < best)) {
          best = c;
        }
      }
      if (best < 0) break;
      up.push_back(best);
    }
    std::vector<std::string>& path = fn[n]->profile->path;
    path.clear();
    for (auto it = up.rbegin(); it != up.rend(); ++it) path.push_back(g.nodes[*it].qualified_name);
  }
  int inferred = 0;
  for (size_t n = 0; n < g.nodes.size(); ++n) {
    FunctionFacts* f = fn[n];
    if (!f || (f->profile && f->profile->total_samples > 0)) continue;
    int best = -1;
    for (int e : g.callers_of[n]) {
      int c = g.edges[e].caller;
      // A virtual call may run an override instead: no heat passes.
      if (g.edges[e].loop_line == 0 || g.edges[e].is_virtual || !measured(fn[c])) continue;
      if (best < 0 || fn[c]->profile->total_share > fn[best]->profile->total_share) best = c;
    }
    if (best < 0) continue;
    ProfileShare p;
    p.total_share = fn[best]->profile->total_share;
    p.via = g.nodes[best].qualified_name;
    p.path = fn[best]->profile->path;
    p.path.push_back(g.nodes[n].qualified_name);
    f->profile = std::move(p);
    ++inferred;
  }
  return inferred;
}

}  // namespace stepup
