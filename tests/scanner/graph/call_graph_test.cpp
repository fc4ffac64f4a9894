#include "scanner/graph/call_graph.h"

#include <catch2/catch.hpp>

#include "tests/scanner/graph/graph_builder.h"

using namespace stepup;
using stepup::test::add_call;
using stepup::test::add_function;

TEST_CASE("call graph: distinct callers and callees, self calls, unresolved and macro calls") {
  Report r;
  add_function(r, "a/a.cc", "A::run", 3);
  add_function(r, "a/a.cc", "A::step", 20);
  add_function(r, "b/b.cc", "B::go", 5, "test");
  add_call(r, "A::run", "A::step", 4);
  add_call(r, "A::run", "A::step", 6);  // a second call site: still one callee
  add_call(r, "A::step", "A::step", 22);  // recursion
  add_call(r, "B::go", "A::run", 7);
  add_call(r, "B::go", "A::step", 8);
  add_call(r, "B::go", "lib_only", 9);     // declared in the repo, defined nowhere scanned
  add_call(r, "B::go", "c:@macro@LOG", 10);  // a macro: no edge, not unresolved
  r.declarations["c:@macro@LOG"].is_macro = true;
  build_call_graph(r);
  REQUIRE(r.call_graph);
  const CallGraph& g = *r.call_graph;
  CHECK(g.nodes.size() == 3);
  CHECK(g.edges.size() == 5);
  CHECK(g.unresolved == 1);
  const FunctionFacts &run = r.files[0].functions[0], &step = r.files[0].functions[1],
                      &go = r.files[1].functions[0];
  CHECK(run.callers == 1);  // B::go
  CHECK(run.callees == 1);  // A::step, twice
  CHECK(step.callers == 3);  // A::run, itself, B::go
  CHECK(step.callees == 1);  // itself
  CHECK(go.callers == 0);
  CHECK(go.callees == 2);
  CHECK(g.nodes[g.node_of.at("B::go")].role == "test");
  CHECK(g.nodes[g.node_of.at("A::step")].module == "a");
}

TEST_CASE("call graph: quick mode has none") {
  Report r;
  r.signals.parse = "quick";
  add_function(r, "a/a.cc", "f", 1);
  build_call_graph(r);
  CHECK_FALSE(r.call_graph);
  CHECK_FALSE(r.files[0].functions[0].callers);
}
