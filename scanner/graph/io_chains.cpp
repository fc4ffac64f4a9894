#include "scanner/graph/io_chains.h"

#include <algorithm>
#include <deque>
#include <limits>

#include "scanner/graph/call_graph.h"

namespace stepup {
namespace {

constexpr int kFar = std::numeric_limits<int>::max();

}  // namespace

int add_io_chains(Report& report, const IoChainOptions& o) {
  if (!report.call_graph || o.depth < 1) return 0;
  const CallGraph& g = *report.call_graph;
  std::vector<FunctionFacts*> fn = node_functions(report);
  // dist[n]: repo calls from n's body to an I/O API (0: it calls one
  // itself); next[n]: the edge a chain from n follows, or -2 - o when n is a
  // virtual method whose override o does the I/O (io_virtual: a virtual
  // call runs an override, at no extra call). Breadth first up the callers
  // (0-1: overrides first), so every node keeps its shortest chain, the
  // earliest call winning a tie.
  std::vector<int> dist(g.nodes.size(), kFar), next(g.nodes.size(), -1);
  const std::vector<std::vector<int>> bases =
      o.follow_virtual ? bases_of(g) : std::vector<std::vector<int>>(g.nodes.size());
  std::vector<bool> done(g.nodes.size(), false);
  std::deque<int> queue;
  // The same precision as a direct call's: only I/O, and calls down to it,
  // that every call of the function reaches (not a cache miss's query).
  std::vector<const IoCall*> api(g.nodes.size(), nullptr);
  for (size_t n = 0; n < g.nodes.size(); ++n) {
    if (!fn[n]) continue;
    for (const IoCall& io : fn[n]->io_calls) {
      if (io.conditional) continue;
      api[n] = &io;
      dist[n] = 0;
      queue.push_back(static_cast<int>(n));
      break;
    }
  }
  while (!queue.empty()) {
    int n = queue.front();
    queue.pop_front();
    if (done[n]) continue;
    done[n] = true;
    for (int b : bases[n]) {
      if (dist[n] < dist[b]) {
        dist[b] = dist[n];
        next[b] = -2 - n;
        queue.push_front(b);
      }
    }
    if (dist[n] + 1 > o.depth - 1) continue;  // a caller's loop would follow depth + 1 calls
    for (int e : g.callers_of[n]) {
      const CallEdge& edge = g.edges[e];
      if ((edge.is_virtual && !o.follow_virtual) || edge.conditional) continue;
      int c = edge.caller;
      if (done[c]) continue;
      if (dist[n] + 1 < dist[c] ||
          (dist[n] + 1 == dist[c] && next[c] >= 0 && edge.line < g.edges[next[c]].line)) {
        dist[c] = dist[n] + 1;
        next[c] = e;
        queue.push_back(c);
      }
    }
  }
  int added = 0;
  const std::vector<std::string>& targets = report.target_roles;
  for (size_t n = 0; n < g.nodes.size(); ++n) {
    // Production only (or the roles rules.roles adds): a test's loop of
    // writes is its set-up, a benchmark's its point.
    if (!fn[n] || std::find(targets.begin(), targets.end(), g.nodes[n].role) == targets.end()) {
      continue;
    }
    FunctionFacts& f = *fn[n];
    std::vector<Finding> found;
    for (int e : g.callees_of[n]) {
      const CallEdge& edge = g.edges[e];
      if (edge.loop_line == 0 || dist[edge.callee] == kFar) continue;
      if (edge.is_virtual && !o.follow_virtual) continue;
      auto same_line = [&](const Finding& x) {
        return x.kind == "io-in-loop" && x.line == edge.line;
      };
      if (std::any_of(f.findings.begin(), f.findings.end(), same_line) ||
          std::any_of(found.begin(), found.end(), same_line)) {
        continue;  // the loop's own I/O call on that line says it already
      }
      Finding x;
      x.kind = "io-in-loop";
      x.line = edge.line;
      x.chain.push_back({g.nodes[edge.callee].qualified_name, g.nodes[n].path, edge.line});
      int at = edge.callee;
      while (true) {
        if (next[at] <= -2) {  // the override that a virtual call of at runs
          const CallNode& over = g.nodes[-2 - next[at]];
          x.chain.push_back({over.qualified_name + " (override)", over.path, over.line});
          at = -2 - next[at];
        } else if (dist[at] > 0) {
          const CallEdge& down = g.edges[next[at]];
          x.chain.push_back({g.nodes[down.callee].qualified_name, g.nodes[at].path, down.line});
          at = down.callee;
        } else {
          break;
        }
      }
      const IoCall& io = *api[at];
      x.chain.push_back({io.api, g.nodes[at].path, io.line});
      x.detail = g.nodes[edge.callee].qualified_name + "() inside the loop at line " +
                 std::to_string(edge.loop_line) + " reaches " + io.api + "() through " +
                 std::to_string(dist[edge.callee] + 1) +
                 (dist[edge.callee] == 0 ? " call" : " calls") + " (N+1: once per element)";
      found.push_back(std::move(x));
    }
    if (found.empty()) continue;
    added += static_cast<int>(found.size());
    for (Finding& x : found) f.findings.push_back(std::move(x));
    std::stable_sort(f.findings.begin(), f.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.line < b.line; });
  }
  return added;
}

}  // namespace stepup
