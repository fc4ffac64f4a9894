#include "rules/registry.h"

#include <catch2/catch.hpp>
#include <set>

#include "tests/rules/signals.h"

using namespace stepup;
using namespace stepup::test;

TEST_CASE("the registry lists each rule once, with sane option ranges") {
  std::set<std::string> ids;
  std::set<std::string> kinds;
  for (const RuleInfo& r : rule_registry()) {
    INFO(r.id);
    CHECK(ids.insert(r.id).second);
    kinds.insert(r.kind);
    CHECK_FALSE(r.description.empty());
    for (const RuleOption& o : r.options) {
      INFO(o.name);
      // No option may go negative: weights, scales and thresholds are all
      // magnitudes, so the config loader rejects negative values.
      CHECK(o.min >= 0);
      CHECK(o.min <= o.default_value);
      CHECK(o.default_value <= o.max);
      CHECK_FALSE(o.help.empty());
    }
  }
  CHECK(ids == std::set<std::string>{"untested-hotspot", "untested-error-paths", "error-prone",
                                     "unbuilt-test", "complex-function", "change-coupling",
                                     "uninstrumented-module", "swallowed-errors", "io-in-loop",
                                     "hot-path", "knowledge-silo"});
  CHECK(kinds == std::set<std::string>{"add-tests", "refactor", "add-instrumentation",
                                       "investigate-performance", "pair"});
}

TEST_CASE("apply_rules keeps one candidate per target and kind, evidence merged") {
  // http.cc: untested, complex and often fixed, without coverage data, so
  // untested-hotspot (capped at 50) and error-prone both want a file task.
  std::vector<FunctionFacts> fns;
  for (int i = 0; i < 3; ++i) {
    FunctionFacts f = function("f" + std::to_string(i), 20, 10 + 40 * i, 40 + 40 * i);
    churn(f, 6, 4);
    fns.push_back(f);
  }
  FileFacts http = file("src/net/http.cc", "src/net", fns);
  http.history = file_history(12, 9);
  Report r = report({http}, false);
  apply_rules(r, {});
  int add_tests = 0;
  for (const Candidate& c : r.candidates) {
    if (c.kind != "add-tests") continue;
    ++add_tests;
    CHECK(c.target.file == "src/net/http.cc");
    CHECK_FALSE(c.target.function.has_value());
    // The stronger (error-prone, 9 fixes of 12) leads; untested-hotspot's
    // evidence follows.
    CHECK(c.rule == "error-prone");
    CHECK(c.why[0] == "9 bug-fix commits of 12 commits in the history window (75%)");
    bool merged = false;
    for (const auto& w : c.why) merged |= w.rfind("3 functions with untested complexity", 0) == 0;
    CHECK(merged);
  }
  CHECK(add_tests == 1);
  // Ranks follow scores; ties are broken by id, so the order is stable.
  for (size_t i = 1; i < r.candidates.size(); ++i) {
    CHECK(r.candidates[i - 1].score >= r.candidates[i].score);
    CHECK(r.candidates[i].rank == static_cast<int>(i) + 1);
  }
}

TEST_CASE("apply_rules on an empty report ranks nothing and lists every rule") {
  Report r;
  apply_rules(r, {});
  CHECK(r.candidates.empty());
  CHECK(r.rules.size() == rule_registry().size());
}
