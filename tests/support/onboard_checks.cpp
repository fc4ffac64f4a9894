#include "tests/support/onboard_checks.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "tests/support/temp_repo.h"

namespace stepup::test {

using Json = nlohmann::json;

Json checked_onboard_plan(const std::string& repo, const std::vector<std::string>& scan_args,
                          const std::string& callgraph_json) {
  std::vector<std::string> args = {"onboard", repo, "--format", "json"};
  args.insert(args.end(), scan_args.begin(), scan_args.end());
  auto onboard = run_stepup(args);
  INFO(onboard.err);
  REQUIRE(onboard.exit_code == 0);
  Json plan = Json::parse(onboard.out);
  REQUIRE(plan["schema"] == "stepup-onboard/1");

  // The module the rest of the code calls most, from the call graph.
  Json graph = Json::parse(read_text(callgraph_json));
  std::map<std::string, int> calls_in;
  for (const auto& e : graph["edges"]) {
    const Json &from = graph["nodes"][e["caller"].get<size_t>()],
               &to = graph["nodes"][e["callee"].get<size_t>()];
    if (from["module"] != to["module"]) ++calls_in[to["module"]];
  }
  REQUIRE_FALSE(plan["must_read"].empty());
  std::string first_module = plan["must_read"][0]["module"];
  for (const auto& m : plan["must_read"]) {
    INFO(m["module"] << " is called " << calls_in[m["module"]] << " times, " << first_module
                     << " " << calls_in[first_module]);
    CHECK(calls_in[first_module] >= calls_in[m["module"].get<std::string>()]);
  }
  CHECK(plan["must_read"].size() <= 10);

  // Solo and pair never share a task; every ticket is one `next` prints.
  std::set<std::string> solo;
  for (const auto& t : plan["solo"]) solo.insert(t["id"]);
  for (const auto& t : plan["pair"]) CHECK(solo.count(t["id"]) == 0);
  std::vector<std::string> next_args = {"next", repo, "-n", "500"};
  next_args.insert(next_args.end(), scan_args.begin(), scan_args.end());
  auto next = run_stepup(next_args);
  INFO(next.err);
  REQUIRE(next.exit_code == 0);
  for (const char* list : {"solo", "pair"}) {
    for (const auto& t : plan[list]) {
      INFO(list << " ticket " << t["id"]);
      CHECK(next.out.find(t["ticket"].get<std::string>()) != std::string::npos);
    }
  }
  // Read, then solo, then pair; days never go back.
  const std::map<std::string, int> order = {{"read", 0}, {"solo", 1}, {"pair", 2}};
  int day = 0, stage = 0;
  for (const auto& s : plan["first_week"]) {
    CHECK(s["day"].get<int>() >= day);
    CHECK(order.at(s["action"]) >= stage);
    day = s["day"];
    stage = order.at(s["action"]);
  }
  return plan;
}

}  // namespace stepup::test
