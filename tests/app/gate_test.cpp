#include "app/gate.h"

#include <catch2/catch.hpp>

using namespace stepup;

namespace {

Report three_tasks() {
  Report r;
  for (auto [id, score, status] : {std::tuple<const char*, int, const char*>{"a", 95, "new"},
                                   {"b", 90, "unchanged"},
                                   {"c", 40, "new"}}) {
    Candidate c;
    c.id = id;
    c.score = score;
    c.status = std::string(status);
    r.candidates.push_back(c);
  }
  return r;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("gate: a failed max-score check names the tasks whose own score meets it") {
  Report r = three_tasks();
  auto checks = evaluate_gate(r, {parse_gate("max-score>=90")});
  REQUIRE(checks.size() == 1);
  CHECK(checks[0].failed);
  CHECK(checks[0].candidates == Ids{"a", "b"});  // 95 and 90; 40 is below
  checks = evaluate_gate(r, {parse_gate("max-score>95")});
  CHECK_FALSE(checks[0].failed);
  CHECK(checks[0].candidates.empty());
}

TEST_CASE("gate: a failed new-candidates check names the new tasks") {
  Report r = three_tasks();
  auto checks = evaluate_gate(r, {parse_gate("new-candidates>0"), parse_gate("new-candidates>2")});
  CHECK(checks[0].failed);
  CHECK(checks[0].candidates == Ids{"a", "c"});
  CHECK_FALSE(checks[1].failed);  // 2 new, not > 2
  CHECK(checks[1].candidates.empty());
}

TEST_CASE("gate: a coverage check names no task, even when it fails") {
  Report r = three_tasks();
  auto checks = evaluate_gate(r, {parse_gate("line-coverage<0.5")});
  CHECK(checks[0].failed);  // no coverage data: fails
  CHECK(checks[0].candidates.empty());
}
