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
  // docs/scoring.md's worked example (hand-built signals): parse_header,
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

TEST_CASE("complex-function: a function a benchmark calls is tuned, weighed at half") {
  FunctionFacts canon = fn("CanonicalizePath", 46, 133, 193);
  canon.usr = "c:@F@CanonicalizePath";
  Report r = signals({canon});
  FileFacts bench;
  bench.path = "src/canon_perftest.cc";
  bench.module = "src";
  bench.role = "benchmark";
  FunctionFacts main_fn = fn("main", 3);
  main_fn.calls = {{"c:@F@CanonicalizePath", 40, false, false}};
  bench.functions = {main_fn};
  r.files.push_back(bench);
  // Without history, activity 1: 30 + 70 * (1 - e^-(31 / 25 * 0.5)) = 30 + 70 * 0.4621
  // = 62.35 -> 62 (80 without the benchmark).
  auto c = complex_function(r, kDefaults);
  REQUIRE(c.size() == 1);
  CHECK(c[0].score == 62);
  CHECK(c[0].why[1] ==
        "src/canon_perftest.cc benchmarks it: tuned for speed, complex partly on purpose");
  CHECK(c[0].first_step.find("Run src/canon_perftest.cc before and after: it must not slow "
                             "down.") != std::string::npos);
  // Only direct calls: through a function in between, a whole-system
  // benchmark would reach nearly everything.
  Report indirect = r;
  FunctionFacts wrapper = fn("Canonicalize", 2);
  wrapper.usr = "c:@F@Canonicalize";
  wrapper.calls = {{"c:@F@CanonicalizePath", 12, false, false}};
  indirect.files[0].functions.push_back(wrapper);
  indirect.files.back().functions[0].calls = {{"c:@F@Canonicalize", 40, false, false}};
  CHECK(complex_function(indirect, kDefaults)[0].score == 80);
  // A call from a test file is no benchmark.
  r.files.back().role = "test";
  CHECK(complex_function(r, kDefaults)[0].score == 80);
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

TEST_CASE("complex-function weighs churn: a changing function before a calm one") {
  FunctionFacts calm = fn("f", 30);
  calm.history = FunctionHistory{3, 0, false};
  FunctionFacts busy = calm;
  busy.history = FunctionHistory{10, 2, false};
  int s_calm = complex_function(signals({calm}), kDefaults)[0].score;
  int s_unknown = complex_function(signals({fn("f", 30)}), kDefaults)[0].score;
  int s_busy = complex_function(signals({busy}), kDefaults)[0].score;
  CHECK(s_calm < s_unknown);
  CHECK(s_unknown < s_busy);
  // 30 + 70 * (1 - exp(-(15 / 25) * (0.5 + 0.1 * 3))) = 30 + 70 * 0.3812 = 56.7 -> 57.
  CHECK(s_calm == 57);
  auto c = complex_function(signals({busy}), kDefaults)[0];
  CHECK(c.why[1] == "10 commits, 2 of them bug fixes, touched f in the history window");
  // Unknown history says nothing on the task (the report says it once).
  auto unknown = complex_function(signals({fn("f", 30)}), kDefaults)[0];
  CHECK(unknown.why == std::vector<std::string>{
                           "cognitive complexity 30 (threshold 15), cyclomatic 16, nesting depth 3",
                           "21 lines long, 2 parameters"});
  // Capped: commits past churn_cap add nothing.
  FunctionFacts capped = calm, more = calm;
  capped.history = FunctionHistory{20, 0, false};
  more.history = FunctionHistory{40, 0, false};
  CHECK(complex_function(signals({capped}), kDefaults)[0].score ==
        complex_function(signals({more}), kDefaults)[0].score);
}

TEST_CASE("complex-function leaves complex code at rest alone") {
  FunctionFacts at_rest = fn("f", 60);
  at_rest.history = FunctionHistory{2, 0, false};  // below min_commits 3
  CHECK(complex_function(signals({at_rest}), kDefaults).empty());
  at_rest.history = FunctionHistory{3, 0, false};
  CHECK(complex_function(signals({at_rest}), kDefaults).size() == 1);
}

TEST_CASE("complex-function: a mostly untested function gets characterisation tests first") {
  FunctionFacts f = fn("settle", 40, 10, 60);
  Coverage cov;
  cov.lines_total = 30;
  cov.lines_covered = 12;  // 40% < tests_first_below 0.5
  f.coverage = cov;
  f.uncovered_lines = {40, 41};
  Report r = signals({f});
  r.signals.coverage = true;
  auto c = complex_function(r, kDefaults)[0];
  CHECK(c.kind == "add-tests");
  CHECK(c.title ==
        "Pin down ns::settle (src/net/parser.cc:10) with characterisation tests "
        "before refactoring");
  CHECK(c.first_step.rfind("Write characterisation tests that record what settle does today", 0) ==
        0);
  CHECK(c.why[1] == "30 executable lines, 12 covered (40%): a refactor now would be a rewrite");
  CHECK(c.lines == std::vector<int>{10, 40, 41});
  // Half covered: a refactor, with the coverage said plainly.
  cov.lines_covered = 15;
  f.coverage = cov;
  Report half = signals({f});
  half.signals.coverage = true;
  auto d = complex_function(half, kDefaults)[0];
  CHECK(d.kind == "refactor");
  CHECK(d.why[1] == "30 executable lines, 15 covered (50%)");
}

TEST_CASE(
    "complex-function: trivial and macro-made functions are never targets, parse errors "
    "lower the score") {
  FunctionFacts made = fn("TestBody", 60);
  made.from_macro = true;
  FunctionFacts dflt = fn("operator=", 60);
  dflt.trivial = "defaulted";
  CHECK(complex_function(signals({made, dflt}), kDefaults).empty());
  Report r = signals({fn("f", 40)});
  r.files[0].parse_errors = true;
  // excess (40 - 15) / 25 = 1, times 2/3; activity 1 (history unknown):
  // 30 + 70 * (1 - e^-0.6667) = 30 + 70 * 0.4866 = 64.06 -> 64.
  auto c = complex_function(r, kDefaults)[0];
  CHECK(c.score == 64);
  CHECK(c.why.back() ==
        "the parse of src/net/parser.cc had errors: its complexity may be undercounted (score "
        "lowered by a third)");
}
