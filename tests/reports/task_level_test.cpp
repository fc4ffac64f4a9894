#include "reports/task_level.h"

#include <catch2/catch.hpp>

using namespace stepup;

namespace {

Candidate task(const std::string& id, const std::string& rule, int score) {
  Candidate c;
  c.id = id;
  c.rule = rule;
  c.score = score;
  return c;
}

Report report_with_rules() {
  Report r;
  RuleSummary risk{"error-prone", "add-tests", "d"};
  risk.risk = true;
  r.rules = {risk, {"complex-function", "refactor", "d"}};
  return r;
}

}  // namespace

TEST_CASE("task level: a risk rule's task is high from score 70, a suggestion stays one") {
  Report r = report_with_rules();
  TaskLevels levels(r);
  CHECK(levels.of(task("a", "error-prone", 69)) == TaskLevel::kSuggestion);
  CHECK(levels.of(task("a", "error-prone", 70)) == TaskLevel::kHighRisk);
  CHECK(levels.of(task("b", "complex-function", 100)) == TaskLevel::kSuggestion);
  CHECK(levels.of(task("c", "unknown-rule", 100)) == TaskLevel::kSuggestion);
}

TEST_CASE("task level: only a failed gate check's own candidates are gate failures") {
  Report r = report_with_rules();
  r.gate.push_back({"max-score>=90", 95, true, "max score 95 >= 90", {"a"}});
  // A passed check naming a candidate (never written so, but the flag rules).
  r.gate.push_back({"new-candidates>5", 1, false, "new candidates 1 not > 5", {"b"}});
  TaskLevels levels(r);
  CHECK(levels.of(task("a", "complex-function", 95)) == TaskLevel::kGateFailure);
  CHECK(levels.of(task("b", "complex-function", 95)) == TaskLevel::kSuggestion);
  CHECK(levels.of(task("c", "error-prone", 80)) == TaskLevel::kHighRisk);
}
