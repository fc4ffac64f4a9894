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
  CHECK(c[0].why == std::vector<std::string>{
                        "20 executable lines, none covered",
                        "cyclomatic complexity 12, 22 lines long",
                        "3 commits, 1 of them a bug fix, touched parse in the history window"});
  CHECK(c[0].first_step == "Write a first test that calls parse, which no test runs yet.");
  CHECK(c[0].focus == "ns::parse");

  CHECK(run({untested(12, 20, 20)}).empty());      // fully covered
  CHECK(run({untested(2)}).empty());               // CRAP 6: nothing to test
  CHECK(run({untested(12)}, true, true).empty());  // a test file
}

TEST_CASE("untested-hotspot leaves complexity 30 and above to complex-function") {
  CHECK(run({untested(29)}).size() == 1);
  CHECK(run({untested(30)}).empty());
}

TEST_CASE("untested-hotspot's score: more complexity, churn, fixes, errors up, coverage down") {
  // Hand-computed: c=12, 0% covered, 3 commits, 1 fix:
  // 144 * (1 + 0.1*3 + 0.3*1) / 200 = 1.152 -> 100 * (1 - e^-1.152) = 68.4 -> 68.
  FunctionFacts base = untested(12);
  churn(base, 3, 1);
  CHECK(score(base) == 68);

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
  CHECK(c[0].why.front() == "20 error reports point here");

  FunctionFacts half_covered = base;
  cover(half_covered, 20, 10);
  CHECK(score(half_covered) < score(base));
  CHECK(score(half_covered) == 0);  // 144 * 0.125 * 1.6 / 200: below 30, dropped

  // Quiet history never lowers a test task: 144 * 1 / 200 = 0.72 -> 51.
  FunctionFacts stable = base;
  churn(stable, 0, 0);
  CHECK(score(stable) < score(base));
  CHECK(score(stable) == 51);
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
  // cov = (18 + 3) / (25 + 14); 400 * (18/39)^3 * (1 + 0.6 + 1.5) / 200
  // = 39.33 * 3.1 / 200 = 0.6096 -> 100 * (1 - e^-0.6096) = 45.6 -> 46.
  CHECK(c[0].score == 46);
  CHECK(c[0].why ==
        std::vector<std::string>{
            "25 executable lines, 18 covered (72%); not run: 41-47",
            "cyclomatic complexity 20, 25 lines long",
            "6 commits, 5 of them bug fixes, touched parse_header in the history window",
            "14 branch outcomes, 3 taken (missed at lines 40, 52)"});
  CHECK(c[0].first_step ==
        "Write a test that reaches lines 41-47 of parse_header (lines 36-60), which no test runs.");
  CHECK(c[0].lines == std::vector<int>{41, 42, 43, 44, 45, 46, 47, 40, 52});
  CHECK(c[0].effort == "S");  // 9 places to reach, 25 lines: 9 + 6.25
  CHECK(c[0].newcomer_friendly);
}

TEST_CASE("untested-hotspot without coverage data stays at 50 at most") {
  FunctionFacts f = function("parse", 20, 40, 80);  // no coverage
  churn(f, 20, 10);
  auto c = run({f}, false);
  REQUIRE(c.size() == 1);
  CHECK(c[0].score == 50);  // 400 * 0.25 * (1 + 2 + 3) / 200 = 3 -> 95, capped
  // The report says once that coverage is missing; the task does not repeat it.
  CHECK(c[0].why[0] == "cyclomatic complexity 20, 41 lines long");
  // Below the cap, the score still follows the evidence.
  FunctionFacts calm = f;
  churn(calm, 2, 0);
  CHECK(score(calm, false) < 50);
  // A file left out of the coverage data, when there is some: unknown too.
  FunctionFacts absent = f;
  auto in_scan = run({absent}, true);
  REQUIRE(in_scan.size() == 1);
  CHECK(in_scan[0].why[0] ==
        "src/net/parser.cc is not in the coverage data: coverage unknown, score capped at 50");
}

TEST_CASE("untested-hotspot: missing or quiet history neither lowers nor says anything") {
  FunctionFacts f = untested(12);  // no function history
  Report r = report({file("src/net/parser.cc", "src/net", {f})}, true, false);
  auto c = untested_hotspot(r, kOpts);
  REQUIRE(c.size() == 1);
  CHECK(c[0].why.size() == 2);
  // 144 * 1 / 200 = 0.72 -> 51, and the same for a known-stable function.
  CHECK(c[0].score == 51);
  FunctionFacts stable = f;
  churn(stable, 0, 0);
  CHECK(score(stable) == 51);
  // With the file's history only, the file's commits count:
  // 144 * (1 + 1.0 + 1.2) / 200 = 2.304 -> 90.
  FileFacts with_file_history = file("src/net/parser.cc", "src/net", {f});
  with_file_history.history = file_history(10, 4);
  auto by_file = untested_hotspot(report({with_file_history}), kOpts);
  CHECK(by_file[0].score == 90);
  CHECK(by_file[0].why[2] ==
        "10 commits, 4 of them bug fixes, touched src/net/parser.cc in the history window");
}

TEST_CASE("untested-hotspot: real logic with no covered line is always a task") {
  // c = 4, 8 executable lines, none covered, no commit: 16 * 1 / 200 = 0.08
  // -> 7.7, under the cut of 30, but real logic (cyclomatic >= 3, >= 5
  // lines) that no test runs: held at the cut.
  FunctionFacts tool = function("dump_table", 4, 10, 30);
  cover(tool, 8, 0);
  churn(tool, 0, 0);
  auto c = run({tool});
  REQUIRE(c.size() == 1);
  CHECK(c[0].score == 30);
  // Not real logic: a two-way function, or four executable lines.
  FunctionFacts tiny = function("dump_table", 2, 10, 30);
  cover(tiny, 8, 0);
  CHECK(run({tiny}).empty());
  FunctionFacts short_one = function("dump_table", 4, 10, 30);
  cover(short_one, 4, 0);
  CHECK(run({short_one}).empty());
  // One covered line: the usual cut applies.
  FunctionFacts touched = function("dump_table", 4, 10, 30);
  cover(touched, 8, 1);
  CHECK(run({touched}).empty());
}

TEST_CASE("untested-hotspot: debug output weighs half and is never a task by itself") {
  // The same untested logic as dump_table above, named as debug output:
  // 16 * 1 * 0.5 / 200 -> 3.9, and no floor at 30.
  for (const char* name : {"DebugString", "Dump", "debug_string"}) {
    FunctionFacts dbg = function(name, 4, 10, 30);
    cover(dbg, 8, 0);
    churn(dbg, 0, 0);
    CHECK(run({dbg}).empty());
  }
  // Enough of it still counts, at half: c = 12, 20 lines, none covered,
  // 10 commits: 144 * (1 + 0.1 * 10) = 288 -> 144 at half
  // -> 100 * (1 - e^-0.72) = 51.3.
  FunctionFacts big = function("DebugString", 12, 10, 40);
  cover(big, 20, 0);
  churn(big, 10, 0);
  auto c = run({big});
  REQUIRE(c.size() == 1);
  CHECK(c[0].score == 51);
  CHECK(c[0].why[1] == "debug output: weighed at half");
  // A tool's command is not debug output.
  FunctionFacts tool = function("DumpTable", 4, 10, 30);
  cover(tool, 8, 0);
  CHECK(run({tool}).size() == 1);
}

TEST_CASE("untested-hotspot: main is tested by running the program") {
  FunctionFacts m = function("main", 4, 10, 30);
  m.qualified_name = "main";
  cover(m, 8, 0);
  m.partial_branch_lines = {12};
  auto c = run({m});
  REQUIRE(c.size() == 1);
  CHECK(c[0].title ==
        "Test the program of src/net/parser.cc by running it (main, "
        "src/net/parser.cc:10)");
  CHECK(c[0].first_step ==
        "Add a test that runs the program (a smoke test: no arguments or --help, then one per "
        "command it takes) and checks its exit code and output; main's first untaken branch is "
        "at line 12.");
  // With a second untested function, the program's file is one task.
  FunctionFacts helper = function("HandleDump", 3, 40, 60);
  cover(helper, 9, 0);
  c = run({m, helper});
  REQUIRE(c.size() == 1);
  CHECK(c[0].title ==
        "Test the program of src/net/parser.cc by running it: 2 functions with untested logic");
  CHECK(c[0].first_step.find("Add a test that runs the program") == 0);
  CHECK(c[0].first_step.find("Then the path through") != std::string::npos);
  // main itself need not qualify: the file defines the program.
  FunctionFacts small_main = function("main", 1, 70, 74);
  small_main.qualified_name = "main";
  cover(small_main, 3, 3);
  FunctionFacts tool = function("ToolQuery", 4, 80, 100);
  cover(tool, 9, 0);
  c = run({helper, small_main, tool});
  REQUIRE(c.size() == 1);
  CHECK(c[0].title ==
        "Test the program of src/net/parser.cc by running it: 2 functions with untested logic");
}

TEST_CASE("untested-hotspot never targets trivial or macro-made functions, or other roles") {
  FunctionFacts ctor = untested(12);
  ctor.trivial = "empty";
  FunctionFacts made = untested(12);
  made.from_macro = true;
  CHECK(run({ctor}).empty());
  CHECK(run({made}).empty());
  for (const char* role : {"benchmark", "generated", "test-support", "example", "vendored"}) {
    FileFacts f = file("src/net/parser.cc", "src/net", {untested(12)});
    f.role = role;
    CHECK(untested_hotspot(report({f}), kOpts).empty());
  }
  FileFacts unbuilt = file("src/net/parser.cc", "src/net", {untested(12)});
  unbuilt.built = false;
  CHECK(untested_hotspot(report({unbuilt}), kOpts).empty());
  // rules.roles widens the targets.
  FileFacts bench = file("bench/parse_bench.cc", "bench", {untested(12)});
  bench.role = "benchmark";
  Report wide = report({bench});
  wide.target_roles = {"production", "benchmark"};
  CHECK(untested_hotspot(wide, kOpts).size() == 1);
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
  CHECK(c[0].why[1] == "the file: 60 executable lines, 15 covered (25%)");
  CHECK(c[0].first_step.rfind("Start with ns::f2: ", 0) == 0);
  CHECK(c[0].focus == "ns::f2");
  // (100 + 121 + 144) * (1 + 0.4 + 0.6) / 200 = 3.65 -> 97.4 -> 97.
  CHECK(c[0].score == 97);
  // Its score is that of the summed points, above any one function's.
  auto alone = run({fns[2]});
  CHECK(c[0].score > alone[0].score);
  // Two qualifying functions stay two function tasks.
  CHECK(run({fns[0], fns[1]}).size() == 2);
}
