#include "scanner/graph/hot_callees.h"

#include <algorithm>

namespace stepup {
namespace {

bool measured(const FunctionFacts* f) {
  return f && f->profile && f->profile->via.empty() && f->profile->total_samples > 0;
}

}  // namespace

int infer_hot_callees(Report& report) {
  if (!report.call_graph || !report.signals.profile) return 0;
  const CallGraph& g = *report.call_graph;
  std::vector<FunctionFacts*> fn(g.nodes.size(), nullptr);
  for (FileFacts& file : report.files) {
    for (FunctionFacts& f : file.functions) {
      auto it = g.node_of.find(f.usr);
      if (it != g.node_of.end() && !fn[it->second]) fn[it->second] = &f;
    }
  }
  // A method is called through the virtual methods it overrides too.
  std::vector<std::vector<int>> bases_of(g.nodes.size());
  for (size_t b = 0; b < g.overriders_of.size(); ++b) {
    for (int over : g.overriders_of[b]) bases_of[over].push_back(static_cast<int>(b));
  }
  auto callers = [&](int n) {
    std::vector<int> out;
    for (int e : g.callers_of[n]) out.push_back(g.edges[e].caller);
    for (int b : bases_of[n]) {
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
