#include "reports/callgraph_writer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace stepup;

namespace {

Report graph_report() {
  Report r;
  r.commit = std::string(40, 'a');
  r.call_graph = CallGraph{};
  CallGraph& g = *r.call_graph;
  g.nodes = {{"u0", "a::run", "src/a.cc", 3, "src", "production"},
             {"u1", "x\"y\\z\nw", "src/b.cc", 7, "src", "production"},
             {"u2", "t::Case", "tests/t.cc", 1, "tests", "test"}};
  g.edges = {{0, 1, 4, false, 0}, {0, 1, 5, false, 5}, {2, 0, 2, true, 0}};
  g.callers_of = {{2}, {0, 1}, {}};
  g.callees_of = {{0, 1}, {}, {2}};
  g.unresolved = 3;
  return r;
}

Report graph_report_without_graph() {
  Report r = graph_report();
  r.call_graph.reset();
  return r;
}

}  // namespace

TEST_CASE("callgraph.json: every node with its counts, every call site") {
  std::ostringstream out;
  write_callgraph_json(graph_report(), out);
  auto j = nlohmann::json::parse(out.str());
  CHECK(j["schema"] == "stepup-callgraph/1");
  CHECK(j["available"] == true);
  CHECK(j["unresolved"] == 3);
  REQUIRE(j["nodes"].size() == 3);
  CHECK(j["nodes"][1]["function"] == "x\"y\\z\nw");
  CHECK(j["nodes"][1]["callers"] == 1);  // two call sites, one caller
  CHECK(j["nodes"][0]["callees"] == 1);
  REQUIRE(j["edges"].size() == 3);
  CHECK(j["edges"][1]["loop_line"] == 5);
  CHECK(j["edges"][2]["virtual"] == true);

  std::ostringstream none;
  const Report empty = graph_report_without_graph();
  write_callgraph_json(empty, none);
  auto k = nlohmann::json::parse(none.str());
  CHECK(k["available"] == false);
  CHECK(k["nodes"].empty());
}

TEST_CASE("callgraph.dot: clusters, one edge per pair, names escaped") {
  std::ostringstream out;
  write_callgraph_dot(graph_report(), out);
  const std::string dot = out.str();
  CHECK(dot.rfind("digraph callgraph {", 0) == 0);
  CHECK(dot.find("label=\"x\\\"y\\\\z w\"") != std::string::npos);  // quote, backslash, newline
  CHECK(dot.find("n0 -> n1 [label=\"2\", penwidth=2];") != std::string::npos);
  CHECK(dot.find("n2 -> n0 [style=dashed];") != std::string::npos);
  CHECK(dot.find("subgraph cluster_0 {\n    label=\"src\";") != std::string::npos);
  CHECK(dot_quoted("a\"b\\c\td") == "\"a\\\"b\\\\c d\"");
}
