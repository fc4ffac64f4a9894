#include "scanner/graph/hot_callees.h"

#include <catch2/catch.hpp>

#include "scanner/graph/call_graph.h"
#include "tests/scanner/graph/graph_builder.h"

using namespace stepup;
using stepup::test::add_call;
using stepup::test::add_function;

namespace {

void profile(FunctionFacts& fn, uint64_t total, double share) {
  ProfileShare p;
  p.total_samples = total;
  p.total_share = share;
  fn.profile = p;
}

const FunctionFacts& fn(const Report& r, const std::string& name) {
  for (const FileFacts& f : r.files) {
    for (const FunctionFacts& x : f.functions) {
      if (x.qualified_name == name) return x;
    }
  }
  FAIL(name);
  throw;
}

}  // namespace

TEST_CASE("hot callees: an inlined callee of a hot loop inherits the caller's share, as a bound") {
  Report r;
  r.signals.profile = true;
  profile(add_function(r, "s/s.cc", "main", 1), 100, 1.0);
  profile(add_function(r, "s/s.cc", "serve", 10), 80, 0.8);
  profile(add_function(r, "s/s.cc", "idle", 30), 5, 0.05);
  profile(add_function(r, "s/s.cc", "parse", 50), 0, 0);  // inlined: never on a stack
  add_function(r, "s/s.cc", "cold", 70);                    // no profile at all
  add_function(r, "s/s.cc", "log", 90);
  add_call(r, "main", "serve", 2);
  add_call(r, "main", "idle", 3);
  add_call(r, "serve", "parse", 12, 11);  // per element
  add_call(r, "idle", "cold", 32, 31);    // per element, but idle is colder
  add_call(r, "serve", "log", 13);        // not in a loop
  build_call_graph(r);
  CHECK(infer_hot_callees(r) == 2);
  const ProfileShare& parse = *fn(r, "parse").profile;
  CHECK(parse.via == "serve");
  CHECK(parse.total_share == Approx(0.8));
  CHECK(parse.self_share == 0);
  CHECK(parse.path == std::vector<std::string>{"main", "serve", "parse"});
  CHECK(fn(r, "cold").profile->via == "idle");
  CHECK_FALSE(fn(r, "log").profile);  // called once, not per element
  // Measured functions get the hottest path of measured callers.
  CHECK(fn(r, "serve").profile->path == std::vector<std::string>{"main", "serve"});
  CHECK(fn(r, "serve").profile->via.empty());
  CHECK(fn(r, "main").profile->path == std::vector<std::string>{"main"});
}

TEST_CASE("hot callees: nothing without a profile") {
  Report r;
  add_function(r, "s/s.cc", "a", 1);
  add_function(r, "s/s.cc", "b", 9);
  add_call(r, "a", "b", 2, 2);
  build_call_graph(r);
  CHECK(infer_hot_callees(r) == 0);
  CHECK_FALSE(r.files[0].functions[1].profile);
}
