#include "scanner/graph/call_graph.h"

#include <algorithm>
#include <set>

namespace stepup {
namespace {

// The scanned file at path (report.files is sorted by path); nullptr when
// the declaration is in a file the scan did not keep.
const FileFacts* file_at(const Report& report, const std::string& path) {
  auto it = std::lower_bound(report.files.begin(), report.files.end(), path,
                             [](const FileFacts& f, const std::string& p) { return f.path < p; });
  return it != report.files.end() && it->path == path ? &*it : nullptr;
}

}  // namespace

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
  // A virtual method no scanned file defines (an interface's pure virtual)
  // is still what a virtual call names, and what overrides override: a
  // node, at its declaration.
  auto declared = [&](const std::string& usr) {
    auto it = g.node_of.find(usr);
    if (it != g.node_of.end()) return it->second;
    auto d = report.declarations.find(usr);
    if (d == report.declarations.end() || d->second.is_macro) return -1;
    int n = static_cast<int>(g.nodes.size());
    g.node_of.emplace(usr, n);
    const std::string& path = d->second.path;
    const FileFacts* f = file_at(report, path);
    std::string module = f ? f->module : path.substr(0, std::min(path.rfind('/'), path.size()));
    CallNode node{usr, d->second.qualified_name, path, d->second.line, module,
                  f ? f->role : "production"};
    node.declared_only = true;
    g.nodes.push_back(std::move(node));
    return n;
  };
  std::vector<std::pair<int, int>> overrides;  // (base, override)
  for (size_t n = 0; n < fns.size(); ++n) {
    for (const std::string& base : fns[n]->overrides) {
      int b = declared(base);
      if (b >= 0) overrides.emplace_back(b, static_cast<int>(n));
    }
  }
  for (size_t n = 0; n < fns.size(); ++n) {
    for (const CallSite& c : fns[n]->calls) {
      int callee = -1;
      auto it = g.node_of.find(c.callee_usr);
      if (it != g.node_of.end()) {
        callee = it->second;
      } else if (c.is_virtual) {
        callee = declared(c.callee_usr);
      }
      if (callee < 0) {
        auto d = report.declarations.find(c.callee_usr);
        if (d == report.declarations.end() || !d->second.is_macro) ++g.unresolved;
        continue;
      }
      g.edges.push_back(
          {static_cast<int>(n), callee, c.line, c.is_virtual, c.loop_line, c.conditional});
    }
  }
  g.callers_of.assign(g.nodes.size(), {});
  g.callees_of.assign(g.nodes.size(), {});
  g.overriders_of.assign(g.nodes.size(), {});
  for (size_t e = 0; e < g.edges.size(); ++e) {
    g.callees_of[g.edges[e].caller].push_back(static_cast<int>(e));
    g.callers_of[g.edges[e].callee].push_back(static_cast<int>(e));
  }
  for (const auto& [base, over] : overrides) g.overriders_of[base].push_back(over);
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

std::vector<FunctionFacts*> node_functions(Report& report) {
  const CallGraph& g = *report.call_graph;
  std::vector<FunctionFacts*> fn(g.nodes.size(), nullptr);
  for (FileFacts& file : report.files) {
    for (FunctionFacts& f : file.functions) {
      auto it = g.node_of.find(f.usr);
      if (it != g.node_of.end() && !fn[it->second]) fn[it->second] = &f;
    }
  }
  return fn;
}

std::vector<std::vector<int>> bases_of(const CallGraph& g) {
  std::vector<std::vector<int>> bases(g.nodes.size());
  for (size_t b = 0; b < g.overriders_of.size(); ++b) {
    for (int over : g.overriders_of[b]) bases[over].push_back(static_cast<int>(b));
  }
  return bases;
}

}  // namespace stepup
