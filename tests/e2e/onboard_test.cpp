// End to end: `stepup onboard` on the example (the shop fixture, built with
// coverage and its scripted history), checked by tests/support/onboard_checks
// and by hand: src/util (strings and logging, which every other module
// calls) is read first, Chen Wei's src/store is the knowledge silo to pair
// on, and --module keeps the plan inside its module.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/coverage_fixture.h"
#include "tests/support/onboard_checks.h"

using Json = nlohmann::json;

TEST_CASE("onboard on the example: must-read, solo and pair tickets, the first week") {
  const stepup::test::BuiltRepo& shop = stepup::test::built_fixture("shop", "SHOP_COVERAGE");
  stepup::test::TempDir dir;
  const std::vector<std::string> inputs = {"-p", shop.build, "-c", shop.coverage, "-j", "2"};
  std::vector<std::string> scan = {"scan", shop.repo, "-o", dir.path(), "--format",
                                   "json,callgraph-json"};
  scan.insert(scan.end(), inputs.begin(), inputs.end());
  auto r = stepup::test::run_stepup(scan);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Json plan = stepup::test::checked_onboard_plan(shop.repo, inputs, dir.path() + "/callgraph.json");
  CHECK(plan["must_read"][0]["module"] == "src/util");
  CHECK(plan["must_read"][0]["path"] == "src/util/strings.h");
  CHECK(plan["must_read"][0]["paired"] == Json::array({"src/util/strings.cpp"}));
  CHECK(plan["must_read"].size() >= 5);
  REQUIRE_FALSE(plan["pair"].empty());
  CHECK(plan["pair"][0]["why_pair"] == "knowledge silo");
  CHECK(plan["pair"][0]["pair_with"] == "Chen Wei <chen.wei@shop.example>");
  // --module src/pricing: every file and ticket is the module's.
  std::vector<std::string> args = {"onboard", shop.repo, "--module", "src/pricing", "--format",
                                   "json"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  auto scoped = stepup::test::run_stepup(args);
  REQUIRE(scoped.exit_code == 0);
  Json p = Json::parse(scoped.out);
  REQUIRE_FALSE(p["must_read"].empty());
  for (const auto& m : p["must_read"]) CHECK(m["module"] == "src/pricing");
  for (const char* list : {"solo", "pair"}) {
    for (const auto& t : p[list]) {
      CHECK(t["ticket"].get<std::string>().find("module `src/pricing`") != std::string::npos);
    }
  }
  for (const auto& s : p["first_week"]) CHECK(s["module"] == "src/pricing");
}
