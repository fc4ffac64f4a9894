#include "rules/untested_hotspot.h"

#include <catch2/catch.hpp>

#include "tests/rules/signals.h"

using namespace stepup;
using namespace stepup::test;

namespace {

const RuleOptions kOpts = default_options(untested_hotspot_info());

/// One function of cyclomatic complexity c in src/net/parser.cc.
FunctionFacts untested(int c, int lines = 20, int covered = 0) {
  FunctionFacts f = function("parse", c, 40, 40 + lines + 1);
  cover(f, lines, covered);
  return f;
}

std::vector<Candidate> run(std::vector<FunctionFacts> fns, bool coverage = true,
                           bool is_test = false) {
  FileFacts f = file("src/net/parser.cc", "src/net", std::move(fns));
  f.is_test = is_test;
  f.role = is_test ? "test" : "production";
  return untested_hotspot(report({f}, coverage), kOpts);
}

int score(FunctionFacts f, bool coverage = true) {
  auto c = run({std::move(f)}, coverage);
  return c.empty() ? 0 : c[0].score;
}

}  // namespace

TEST_CASE("untested-hotspot fires on untested complex code, not on tested or simple code") {
  FunctionFacts f = untested(12);
  churn(f, 3, 1);
  auto c = run({f});
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == "add-tests");
  CHECK(c[0].rule == "untested-hotspot");
  CHECK(c[0].target.function == "ns::parse");
  CHECK(c[0].target.file == "src/net/parser.cc");
  CHECK(c[0].target.line == 40);
  CHECK(c[0].title == "Write tests for ns::parse (src/net/parser.cc:40)");
  CHECK(c[0].why[0] == "cyclomatic complexity 12");
  CHECK(c[0].why[1] == "20 lines, none covered");
  CHECK(c[0].why[2] ==
        "3 commits, 1 of them a bug fix, touched this function in the history window");
  CHECK(c[0].first_step == "Write a first test that calls parse, which no test runs yet.");

  CHECK(run({untested(12, 20, 20)}).empty());      // fully covered
  CHECK(run({untested(2)}).empty());               // CRAP 6: nothing to test
  CHECK(run({untested(12)}, true, true).empty());  // a test file
}

TEST_CASE("untested-hotspot leaves complexity 30 and above to complex-function") {
  CHECK(run({untested(29)}).size() == 1);
  CHECK(run({untested(30)}).empty());
}

TEST_CASE("untested-hotspot's score: more complexity, churn, fixes, errors up; coverage down") {
  // Hand-computed: c=12, 0% covered, 3 commits, 1 fix:
  // 144 * (0.5 + 0.1*3 + 0.3*1) / 200 = 0.792 -> 100 * (1 - e^-0.792) = 54.7 -> 55.
  FunctionFacts base = untested(12);
  churn(base, 3, 1);
  CHECK(score(base) == 55);

  FunctionFacts more_complex = base;
  more_complex.cyclomatic = 16;
  CHECK(score(more_complex) > score(base));

  FunctionFacts more_churn = base;
  churn(more_churn, 8, 1);
  CHECK(score(more_churn) > score(base));

  FunctionFacts more_fixes = base;
  churn(more_fixes, 3, 3);
  CHECK(score(more_fixes) > score(base));

  FunctionFacts with_errors = base;
  with_errors.errors = 20;
  CHECK(score(with_errors) > score(base));
  auto c = run({with_errors});
  CHECK(c[0].why.back() == "20 error reports point here");

  FunctionFacts half_covered = base;
  cover(half_covered, 20, 10);
  CHECK(score(half_covered) < score(base));
  CHECK(score(half_covered) == 0);  // 144 * 0.125 * 1.1 / 200: below 30, dropped

  FunctionFacts stable = base;
  churn(stable, 0, 0);
  CHECK(score(stable) < score(base));
}

TEST_CASE("untested-hotspot names the lines and branches to reach first") {
  FunctionFacts f = function("parse_header", 20, 36, 60);
  Coverage cov;
  cov.lines_total = 25;
  cov.lines_covered = 18;
  cov.branches_total = 14;
  cov.branches_covered = 3;
  f.coverage = cov;
  f.uncovered_lines = {41, 42, 43, 44, 45, 46, 47};
  f.partial_branch_lines = {40, 52};
  churn(f, 6, 5);
  auto c = run({f});
  REQUIRE(c.size() == 1);
  // cov = (18 + 3) / (25 + 14); 400 * (18/39)^3 * (0.5 + 0.6 + 1.5) / 200 = 0.511 -> 40.
  CHECK(c[0].score == 40);
  CHECK(c[0].why[1] == "25 lines, 18 covered (not run: 41-47)");
  CHECK(c[0].why[2] == "14 branches, 3 covered (missed at lines 40, 52)");
  CHECK(c[0].first_step ==
        "Write a test that reaches lines 41-47 of parse_header (lines 36-60), which no test runs.");
  CHECK(c[0].lines == std::vector<int>{41, 42, 43, 44, 45, 46, 47, 40, 52});
  CHECK(c[0].effort == "S");  // 9 places to reach, 25 lines: 9 + 6.25
  CHECK(c[0].newcomer_friendly);
}

TEST_CASE("untested-hotspot without coverage data says so and stays below 50") {
  FunctionFacts f = function("parse", 20, 40, 80);  // no coverage
  churn(f, 20, 10);
  auto c = run({f}, false);
  REQUIRE(c.size() == 1);
  CHECK(c[0].score == 50);  // 400 * 0.25 * (0.5 + 2 + 3) / 200 = 2.75 -> 94, capped
  CHECK(c[0].why[1] ==
        "no coverage data given (-c or --coverage-build): coverage unknown, score capped at 50");
  // Below the cap, the score still follows the evidence.
  FunctionFacts calm = f;
  churn(calm, 2, 0);
  CHECK(score(calm, false) < 50);
  // A file left out of the coverage data, when there is some: unknown too.
  FunctionFacts absent = f;
  auto in_scan = run({absent}, true);
  REQUIRE(in_scan.size() == 1);
  CHECK(in_scan[0].why[1] ==
        "src/net/parser.cc is not in the coverage data: coverage unknown, score capped at 50");
}

TEST_CASE("untested-hotspot treats missing history as unknown, not as stable") {
  FunctionFacts f = untested(12);  // no function history
  Report r = report({file("src/net/parser.cc", "src/net", {f})}, true, false);
  auto c = untested_hotspot(r, kOpts);
  REQUIRE(c.size() == 1);
  CHECK(c[0].why[2] == "history unknown (no git history): churn and fixes not counted");
  // 144 * 1 / 200 = 0.72 -> 51; a known-stable function: 144 * 0.5 / 200 -> 30.
  CHECK(c[0].score == 51);
  FunctionFacts stable = f;
  churn(stable, 0, 0);
  CHECK(score(stable) == 30);
  // With the file's history only, the file's commits count.
  FileFacts with_file_history = file("src/net/parser.cc", "src/net", {f});
  with_file_history.history = file_history(10, 4);
  auto by_file = untested_hotspot(report({with_file_history}), kOpts);
  CHECK(by_file[0].why[2] ==
        "10 commits, 4 of them bug fixes, touched this file in the history window");
}

TEST_CASE("untested-hotspot rolls three or more functions of a file into one file task") {
  std::vector<FunctionFacts> fns;
  for (int i = 0; i < 3; ++i) {
    FunctionFacts f = function("f" + std::to_string(i), 10 + i, 10 + 30 * i, 30 + 30 * i);
    cover(f, 15, 0);
    churn(f, 4, 2);
    fns.push_back(f);
  }
  FunctionFacts tested = function("fine", 10, 200, 220);
  cover(tested, 15, 15);
  fns.push_back(tested);
  auto c = run(fns);
  REQUIRE(c.size() == 1);  // no function is listed on its own as well
  CHECK(c[0].target.file == "src/net/parser.cc");
  CHECK_FALSE(c[0].target.function.has_value());
  CHECK(c[0].target.line == 70);  // f2, the worst
  CHECK(c[0].title == "Write tests for src/net/parser.cc: 3 functions with untested logic");
  CHECK(c[0].why[0] ==
        "3 functions with untested complexity: f2 (cyclomatic 12, 0% covered), f1 (cyclomatic "
        "11, 0% covered), f0 (cyclomatic 10, 0% covered)");
  CHECK(c[0].why[1] == "60 lines, 15 covered");
  CHECK(c[0].first_step.rfind("Start with ns::f2: ", 0) == 0);
  // Its score is that of the summed points, above any one function's.
  auto alone = run({fns[2]});
  CHECK(c[0].score > alone[0].score);
  // Two qualifying functions stay two function tasks.
  CHECK(run({fns[0], fns[1]}).size() == 2);
}
