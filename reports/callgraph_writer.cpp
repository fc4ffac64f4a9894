#include "reports/callgraph_writer.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

namespace stepup {
namespace {

using Json = nlohmann::ordered_json;

// Distinct callers and callees of node n.
std::pair<size_t, size_t> fan(const CallGraph& g, size_t n) {
  std::set<int> in, out;
  for (int e : g.callers_of[n]) in.insert(g.edges[e].caller);
  for (int e : g.callees_of[n]) out.insert(g.edges[e].callee);
  return {in.size(), out.size()};
}

}  // namespace

void write_callgraph_json(const Report& report, std::ostream& out) {
  Json nodes = Json::array(), edges = Json::array();
  const CallGraph* g = report.call_graph ? &*report.call_graph : nullptr;
  if (g) {
    for (size_t n = 0; n < g->nodes.size(); ++n) {
      const CallNode& node = g->nodes[n];
      auto [callers, callees] = fan(*g, n);
      nodes.push_back({{"id", n},
                       {"usr", node.usr},
                       {"function", node.qualified_name},
                       {"file", node.path},
                       {"line", node.line},
                       {"module", node.module},
                       {"role", node.role},
                       {"defined", !node.declared_only},
                       {"callers", callers},
                       {"callees", callees}});
    }
    for (const CallEdge& e : g->edges) {
      edges.push_back({{"caller", e.caller},
                       {"callee", e.callee},
                       {"line", e.line},
                       {"virtual", e.is_virtual},
                       {"loop_line", e.loop_line}});
    }
  }
  Json overrides = Json::array();
  if (g) {
    for (size_t b = 0; b < g->overriders_of.size(); ++b) {
      for (int over : g->overriders_of[b]) overrides.push_back({{"base", b}, {"override", over}});
    }
  }
  Json j{{"schema", kCallGraphSchema},
         {"commit", report.commit ? Json(*report.commit) : Json(nullptr)},
         {"available", g != nullptr},
         {"nodes", std::move(nodes)},
         {"edges", std::move(edges)},
         {"overrides", std::move(overrides)},
         {"unresolved", g ? g->unresolved : 0}};
  out << j.dump(2) << "\n";
}

std::string dot_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

void write_callgraph_dot(const Report& report, std::ostream& out) {
  out << "digraph callgraph {\n  rankdir=LR;\n  node [shape=box, fontsize=10];\n";
  if (report.call_graph) {
    const CallGraph& g = *report.call_graph;
    std::map<std::string, std::vector<size_t>> by_module;
    for (size_t n = 0; n < g.nodes.size(); ++n) by_module[g.nodes[n].module].push_back(n);
    int cluster = 0;
    for (const auto& [module, members] : by_module) {
      out << "  subgraph cluster_" << cluster++ << " {\n    label=" << dot_quoted(module)
          << ";\n";
      for (size_t n : members) {
        const CallNode& node = g.nodes[n];
        out << "    n" << n << " [label=" << dot_quoted(node.qualified_name)
            << ", tooltip=" << dot_quoted(node.path + ":" + std::to_string(node.line))
            << (node.declared_only ? ", style=dashed" : "") << "];\n";
      }
      out << "  }\n";
    }
    // (caller, callee) -> call sites, virtual, any in a per-element loop
    std::map<std::pair<int, int>, std::tuple<int, bool, bool>> pairs;
    for (const CallEdge& e : g.edges) {
      auto& [sites, is_virtual, in_loop] = pairs[{e.caller, e.callee}];
      ++sites;
      is_virtual = is_virtual || e.is_virtual;
      in_loop = in_loop || e.loop_line != 0;
    }
    for (const auto& [pair, what] : pairs) {
      auto [sites, is_virtual, in_loop] = what;
      out << "  n" << pair.first << " -> n" << pair.second;
      std::string attrs;
      if (sites > 1) attrs += "label=\"" + std::to_string(sites) + "\"";
      if (is_virtual) attrs += std::string(attrs.empty() ? "" : ", ") + "style=dashed";
      if (in_loop) attrs += std::string(attrs.empty() ? "" : ", ") + "penwidth=2";
      if (!attrs.empty()) out << " [" << attrs << "]";
      out << ";\n";
    }
  }
  out << "}\n";
}

}  // namespace stepup
