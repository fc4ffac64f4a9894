#include "rules/rule.h"

#include <catch2/catch.hpp>

using namespace stepup;

TEST_CASE("rules target files of the target roles that are not left out of the build") {
  Report r;
  FileFacts f;
  f.path = "src/a.cc";
  CHECK(is_target_file(r, f));  // production, built unknown (no database)
  f.built = true;
  CHECK(is_target_file(r, f));
  f.built = false;  // a Windows-only file on a Linux build
  CHECK_FALSE(is_target_file(r, f));
  f.built = true;
  for (const char* role :
       {"test", "test-support", "benchmark", "example", "generated", "vendored"}) {
    f.role = role;
    CHECK_FALSE(is_target_file(r, f));
  }
  // rules.roles widens the targets.
  r.target_roles = {"production", "test-support"};
  f.role = "test-support";
  CHECK(is_target_file(r, f));
  f.role = "test";
  CHECK_FALSE(is_target_file(r, f));
}

TEST_CASE("functions that exist for the tests are no target") {
  CHECK(serves_tests("GetTestDirectory"));
  CHECK(serves_tests("leveldb_env_get_test_directory"));
  CHECK(serves_tests("SetClockForTesting"));
  CHECK(serves_tests("reset_for_testing"));
  CHECK_FALSE(serves_tests("TestBit"));       // a verb
  CHECK_FALSE(serves_tests("test_and_set"));  // a verb
  CHECK_FALSE(serves_tests("Contest"));       // not a word of its own
  CHECK_FALSE(serves_tests("attestation_check"));
  FunctionFacts fn;
  fn.name = "GetTestDirectory";
  CHECK_FALSE(is_target_function(fn));
  fn.name = "GetDirectory";
  CHECK(is_target_function(fn));
}

TEST_CASE("fan-in: distinct callers other than itself, by module, effort rises with them") {
  Report r;
  r.call_graph = CallGraph{};
  CallGraph& g = *r.call_graph;
  auto node = [&](const std::string& usr, const std::string& module, const std::string& role) {
    g.node_of[usr] = static_cast<int>(g.nodes.size());
    g.nodes.push_back({usr, usr, module + "/x.cc", 1, module, role});
  };
  node("target", "db", "production");
  for (int i = 0; i < 12; ++i) node("db" + std::to_string(i), "db", "production");
  node("t0", "tests", "test");
  node("u0", "util", "production");
  g.callers_of.assign(g.nodes.size(), {});
  g.callees_of.assign(g.nodes.size(), {});
  for (size_t n = 0; n < g.nodes.size(); ++n) {
    g.edges.push_back({static_cast<int>(n), 0, 5, false, 0});  // every node calls target, itself too
    g.edges.push_back({static_cast<int>(n), 0, 6, false, 0});  // twice
  }
  for (size_t e = 0; e < g.edges.size(); ++e) g.callers_of[0].push_back(static_cast<int>(e));
  FunctionFacts fn;
  fn.usr = "target";
  std::optional<FanIn> fan = fan_in_of(r, fn);
  REQUIRE(fan);
  CHECK(fan->callers == 14);  // 12 + the test + util; not itself
  CHECK(fan->from_tests == 1);
  CHECK(fan->modules == std::vector<std::pair<std::string, int>>{{"db", 12}, {"tests", 1}, {"util", 1}});
  CHECK(fan_in_why(fan) == "called from 14 functions in 3 modules (db 12, tests 1, util 1); 1 of them in tests");
  CHECK(effort_with_fan_in("S", fan) == "M");
  CHECK(effort_with_fan_in("L", fan) == "L");
  fan->callers = 40;
  CHECK(effort_with_fan_in("S", fan) == "L");
  fan->callers = 9;
  CHECK(effort_with_fan_in("S", fan) == "S");
  fan->callers = 1;
  CHECK(fan_in_why(fan).empty());  // one caller is no fan-in worth a line
  CHECK_FALSE(fan_in_of(r, FunctionFacts{}));  // no USR: not on the graph
  CHECK(effort_with_fan_in("S", std::nullopt) == "S");
}
