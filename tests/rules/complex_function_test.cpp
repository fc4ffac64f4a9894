#include "rules/complex_function.h"

#include <catch2/catch.hpp>

#include "rules/registry.h"

using namespace stepup;

namespace {

FunctionFacts fn(const std::string& name, int cognitive, int line = 10, int end_line = 30) {
  FunctionFacts f;
  f.name = name;
  f.qualified_name = "ns::" + name;
  f.cognitive = cognitive;
  f.cyclomatic = cognitive / 2 + 1;
  f.line = line;
  f.end_line = end_line;
  f.max_nesting = 3;
  f.params = 2;
  return f;
}

Report signals(std::vector<FunctionFacts> fns, bool is_test = false) {
  Report r;
  FileFacts f;
  f.path = "src/net/parser.cc";
  f.module = "src/net";
  f.is_test = is_test;
  f.role = is_test ? "test" : "production";
  f.functions = std::move(fns);
  r.files.push_back(f);
  ModuleFacts m;
  m.name = "src/net";
  m.files = 1;
  m.code_lines = 100;
  r.modules.push_back(m);
  return r;
}

const RuleOptions kDefaults = default_options(complex_function_info());

}  // namespace

TEST_CASE("complex-function fires at the threshold and not below") {
  CHECK(complex_function(signals({fn("calm", 14)}), kDefaults).empty());
  auto c = complex_function(signals({fn("edge", 15)}), kDefaults);
  REQUIRE(c.size() == 1);
  CHECK(c[0].score == 30);  // at the threshold: 30 + 70 * (1 - e^0)
  CHECK(c[0].kind == "refactor");
  CHECK(c[0].target.function == "ns::edge");
  CHECK(c[0].target.line == 10);
  CHECK(c[0].title == "Refactor ns::edge (src/net/parser.cc:10)");
}

TEST_CASE("complex-function's score rises with cognitive complexity, as documented") {
  // docs/scoring.md's worked example: parse_header in the example repo,
  // cognitive 46, 7 commits touched it (3 of them fixes):
  // 30 + 70 * (1 - exp(-(46 - 15) / 25 * (0.5 + 0.1 * 7))) = 84.19 -> 84.
  FunctionFacts ph = fn("parse_header", 46, 133, 193);
  ph.history = FunctionHistory{7, 3, false};
  CHECK(complex_function(signals({ph}), kDefaults)[0].score == 84);
  // Without history the activity is neutral (1): 30 + 70 * (1 - e^-1.24) = 79.74 -> 80.
  CHECK(complex_function(signals({fn("parse_header", 46)}), kDefaults)[0].score == 80);
  int prev = 0;
  for (int cog : {15, 20, 30, 60, 120}) {
    int s = complex_function(signals({fn("f", cog)}), kDefaults)[0].score;
    CHECK(s > prev);
    CHECK(s <= 100);
    prev = s;
  }
}

TEST_CASE("complex-function ignores test files and sizes the task") {
  CHECK(complex_function(signals({fn("test_body", 80)}, true), kDefaults).empty());
  auto small = complex_function(signals({fn("a", 20, 1, 40)}), kDefaults)[0];
  CHECK(small.effort == "S");
  CHECK(small.newcomer_friendly);
  auto large = complex_function(signals({fn("b", 40, 1, 200)}), kDefaults)[0];
  CHECK(large.effort == "L");
  CHECK_FALSE(large.newcomer_friendly);
}

TEST_CASE("candidate ids are stable when code moves, distinct across targets") {
  auto a = complex_function(signals({fn("f", 20, 10, 30)}), kDefaults)[0];
  auto moved = complex_function(signals({fn("f", 25, 50, 70)}), kDefaults)[0];
  auto other = complex_function(signals({fn("g", 20, 10, 30)}), kDefaults)[0];
  CHECK(a.id == moved.id);
  CHECK(a.id != other.id);
  CHECK(a.id.size() == 16);
}

TEST_CASE("apply_rules ranks by score and sets module scores") {
  Report r = signals({fn("low", 16), fn("high", 60), fn("calm", 3)});
  apply_rules(r, {{"complex-function", kDefaults}});
  REQUIRE(r.candidates.size() == 2);
  CHECK(r.candidates[0].target.function == "ns::high");
  CHECK(r.candidates[0].rank == 1);
  CHECK(r.candidates[1].rank == 2);
  CHECK(r.summary.candidates == 2);
  CHECK(r.modules[0].score == r.candidates[0].score);
  CHECK(r.rules.size() == rule_registry().size());
}

TEST_CASE("complex-function weighs churn: a changing function before a stable one") {
  FunctionFacts stable = fn("f", 30);
  stable.history = FunctionHistory{0, 0, false};
  FunctionFacts busy = stable;
  busy.history = FunctionHistory{10, 2, false};
  int s_stable = complex_function(signals({stable}), kDefaults)[0].score;
  int s_unknown = complex_function(signals({fn("f", 30)}), kDefaults)[0].score;
  int s_busy = complex_function(signals({busy}), kDefaults)[0].score;
  CHECK(s_stable < s_unknown);
  CHECK(s_unknown < s_busy);
  // 30 + 70 * (1 - exp(-(15 / 25) * 0.5)) = 48.1 -> 48.
  CHECK(s_stable == 48);
  auto c = complex_function(signals({busy}), kDefaults)[0];
  CHECK(c.why.back() ==
        "10 commits, 2 of them bug fixes, touched this function in the history window");
  // Capped: commits past churn_cap add nothing.
  FunctionFacts capped = stable, more = stable;
  capped.history = FunctionHistory{20, 0, false};
  more.history = FunctionHistory{40, 0, false};
  CHECK(complex_function(signals({capped}), kDefaults)[0].score ==
        complex_function(signals({more}), kDefaults)[0].score);
}
