#include "scanner/graph/io_chains.h"

#include <catch2/catch.hpp>

#include "scanner/graph/call_graph.h"
#include "tests/scanner/graph/graph_builder.h"

using namespace stepup;
using stepup::test::add_call;
using stepup::test::add_function;

namespace {

// report (loop at 10, call at 11) -> balance -> read -> query -> PQexec
Report chain_repo() {
  Report r;
  add_function(r, "app/report.cc", "report", 9);
  add_function(r, "ledger/ledger.cc", "balance", 3);
  add_function(r, "ledger/ledger.cc", "read", 20);
  add_function(r, "store/store.cc", "query", 5).io_calls.push_back({"PQexec", 7});
  add_call(r, "report", "balance", 11, 10);
  add_call(r, "balance", "read", 4);
  add_call(r, "read", "query", 22);
  return r;
}

const Finding* io_finding(const Report& r, const std::string& fn) {
  for (const FileFacts& f : r.files) {
    for (const FunctionFacts& x : f.functions) {
      if (x.qualified_name != fn) continue;
      for (const Finding& k : x.findings) {
        if (k.kind == "io-in-loop") return &k;
      }
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("io chains: a loop's call reaches the I/O three repo calls down, the chain names each hop") {
  Report r = chain_repo();
  build_call_graph(r);
  CHECK(add_io_chains(r, {4, false}) == 1);
  const Finding* f = io_finding(r, "report");
  REQUIRE(f);
  CHECK(f->line == 11);
  CHECK(f->detail == "balance() inside the loop at line 10 reaches PQexec() through 3 calls "
                     "(N+1: once per element)");
  REQUIRE(f->chain.size() == 4);
  CHECK(f->chain[0].function == "balance");
  CHECK(f->chain[0].path == "app/report.cc");
  CHECK(f->chain[0].line == 11);
  CHECK(f->chain[1].function == "read");
  CHECK(f->chain[1].path == "ledger/ledger.cc");
  CHECK(f->chain[1].line == 4);
  CHECK(f->chain[2].function == "query");
  CHECK(f->chain[2].line == 22);
  CHECK(f->chain[3].function == "PQexec");
  CHECK(f->chain[3].path == "store/store.cc");
  CHECK(f->chain[3].line == 7);
  // Nothing else fires: no other call is in a loop.
  CHECK_FALSE(io_finding(r, "balance"));
}

TEST_CASE("io chains: the depth counts the repo calls before the I/O call") {
  Report r = chain_repo();  // balance, read, query: 3 repo calls
  build_call_graph(r);
  CHECK(add_io_chains(r, {2, false}) == 0);
  Report deep = chain_repo();
  build_call_graph(deep);
  CHECK(add_io_chains(deep, {3, false}) == 1);
}

TEST_CASE("io chains: virtual edges, the shortest chain, a direct finding on the line, roles") {
  Report r;
  add_function(r, "app/a.cc", "loop_virtual", 1);
  add_function(r, "app/a.cc", "loop_two_ways", 20);
  add_function(r, "app/a.cc", "loop_direct", 40).findings.push_back({"io-in-loop", 42, "direct"});
  add_function(r, "lib/l.cc", "slow", 1);
  add_function(r, "lib/l.cc", "fast", 20).io_calls.push_back({"open", 21});
  add_function(r, "lib/l.cc", "io", 40).io_calls.push_back({"send", 41});
  add_function(r, "tests/t.cc", "test_loop", 1, "test");
  add_call(r, "slow", "fast", 2);
  add_call(r, "loop_virtual", "fast", 3, 2, /*is_virtual=*/true);
  add_call(r, "loop_two_ways", "slow", 22, 21);
  add_call(r, "loop_two_ways", "fast", 23, 21);
  add_call(r, "loop_direct", "io", 42, 41);
  add_call(r, "test_loop", "io", 3, 2);
  build_call_graph(r);
  CHECK(add_io_chains(r, {4, false}) == 2);
  CHECK_FALSE(io_finding(r, "loop_virtual"));  // not followed by default
  CHECK_FALSE(io_finding(r, "test_loop"));     // production only
  const Finding* direct = io_finding(r, "loop_direct");
  REQUIRE(direct);
  CHECK(direct->chain.empty());  // the direct finding says it already
  // Two calls, two findings, each with its own shortest chain.
  std::vector<size_t> sizes;
  for (const FileFacts& f : r.files) {
    for (const FunctionFacts& fn : f.functions) {
      if (fn.qualified_name != "loop_two_ways") continue;
      for (const Finding& k : fn.findings) sizes.push_back(k.chain.size());
    }
  }
  CHECK(sizes == std::vector<size_t>{3, 2});  // slow -> fast -> open; fast -> open

  Report v = r;
  for (FileFacts& f : v.files) {
    for (FunctionFacts& fn : f.functions) fn.findings.erase(
        std::remove_if(fn.findings.begin(), fn.findings.end(),
                       [](const Finding& k) { return !k.chain.empty(); }),
        fn.findings.end());
  }
  CHECK(add_io_chains(v, {4, true}) == 3);
  REQUIRE(io_finding(v, "loop_virtual"));
}

TEST_CASE("io chains: a pure virtual is a node, with io_virtual its override's I/O reaches the loop") {
  Report r;
  add_function(r, "app/load.cc", "load_all", 1);
  FunctionFacts& posix = add_function(r, "env/posix.cc", "PosixEnv::Open", 10);
  posix.io_calls.push_back({"open", 12});
  posix.overrides = {"Env::Open"};
  DeclFacts base;
  base.qualified_name = "Env::Open";
  base.path = "env/env.h";
  base.line = 5;
  r.declarations["Env::Open"] = base;
  add_call(r, "load_all", "Env::Open", 3, 2, /*is_virtual=*/true);
  build_call_graph(r);
  const CallGraph& g = *r.call_graph;
  REQUIRE(g.node_of.count("Env::Open"));
  const int env = g.node_of.at("Env::Open");
  CHECK(g.nodes[env].declared_only);
  CHECK(g.nodes[env].path == "env/env.h");
  CHECK(g.overriders_of[env] == std::vector<int>{g.node_of.at("PosixEnv::Open")});
  CHECK(g.unresolved == 0);
  CHECK(add_io_chains(r, {4, false}) == 0);  // not followed by default

  CHECK(add_io_chains(r, {4, true}) == 1);
  const Finding* f = io_finding(r, "load_all");
  REQUIRE(f);
  REQUIRE(f->chain.size() == 3);
  CHECK(f->chain[0].function == "Env::Open");
  CHECK(f->chain[0].line == 3);
  CHECK(f->chain[1].function == "PosixEnv::Open (override)");
  CHECK(f->chain[1].path == "env/posix.cc");
  CHECK(f->chain[2].function == "open");
  CHECK(f->detail == "Env::Open() inside the loop at line 2 reaches open() through 1 call "
                     "(N+1: once per element)");
}

TEST_CASE("io chains: a call or I/O under a branch of the callee (a cache miss) carries nothing") {
  Report r;
  add_function(r, "app/a.cc", "totals", 1);
  add_function(r, "app/a.cc", "cached_balance", 20);
  add_function(r, "app/a.cc", "balance", 40);
  add_function(r, "db/d.cc", "query", 1).io_calls.push_back({"PQexec", 3, /*conditional=*/false});
  add_function(r, "db/d.cc", "maybe_query", 10).io_calls.push_back({"PQexec", 12, true});
  add_call(r, "totals", "cached_balance", 3, 2);
  add_call(r, "totals", "balance", 4, 2);
  add_call(r, "cached_balance", "query", 22);
  add_call(r, "balance", "maybe_query", 41);
  r.files[0].functions[1].calls.back().conditional = true;  // if (!cache_.count(id)) query(id)
  build_call_graph(r);
  CHECK(add_io_chains(r, {4, false}) == 0);
  // The same calls made unconditionally do reach the loop.
  r.files[0].functions[1].calls.back().conditional = false;
  r.files[1].functions[1].io_calls.back().conditional = false;
  build_call_graph(r);
  CHECK(add_io_chains(r, {4, false}) == 2);
}
