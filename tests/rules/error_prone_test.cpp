#include "rules/error_prone.h"

#include <catch2/catch.hpp>

#include "tests/rules/signals.h"

using namespace stepup;
using namespace stepup::test;

namespace {

const RuleOptions kOpts = default_options(error_prone_info());

/// src/tax.cc with `commits` commits, `fixes` of them fixes, and a
/// function `rate` covered covered/10.
FileFacts taxed(int64_t commits, int64_t fixes, int covered = 9) {
  FunctionFacts rate = function("rate", 4, 12, 30);
  cover(rate, 10, covered);
  churn(rate, commits, fixes);
  FileFacts f = file("src/tax.cc", "src", {rate});
  f.history = file_history(commits, fixes);
  return f;
}

std::vector<Candidate> run(FileFacts f, bool coverage = true, bool history = true) {
  return error_prone(report({std::move(f)}, coverage, history), kOpts);
}

int score(FileFacts f) {
  auto c = run(std::move(f));
  return c.empty() ? 0 : c[0].score;
}

}  // namespace

TEST_CASE("error-prone fires on a covered file that keeps needing fixes") {
  auto c = run(taxed(8, 5));
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == "add-tests");
  CHECK(c[0].target.file == "src/tax.cc");
  CHECK_FALSE(c[0].target.function.has_value());
  CHECK(c[0].target.line == 12);
  // 5 * (0.5 + 5/8) / 8 = 0.703 -> 100 * (1 - e^-0.703) = 50.5 -> 50 (lround of 50.49).
  CHECK(c[0].score == 50);
  CHECK(c[0].why[0] == "5 bug-fix commits of 8 commits in the history window (63%)");
  CHECK(c[0].why[1] == "rate: 5 bug-fix commits");
  CHECK(c[0].why[2] == "10 executable lines, 9 covered (90%)");
  // cover() leaves the last line (12 + 1 + 9 = 22) unrun.
  CHECK(c[0].first_step ==
        "Write a regression test for rate (src/tax.cc:12), touched by 5 bug-fix commits: one "
        "test per fixed bug, reproducing the input that broke it; start with its untested "
        "lines 22.");
  CHECK(c[0].focus == "ns::rate");
  CHECK(c[0].lines == std::vector<int>{22, 12});  // the registry sorts them
}

TEST_CASE("error-prone fires whatever the coverage: part of the file untested says where") {
  // 4 fixes among 9 commits, half the lines covered: 4 * (0.5 + 4/9) / 8
  // = 0.4722 -> 100 * (1 - e^-0.4722) = 37.6 -> 38.
  auto c = run(taxed(9, 4, 5));
  REQUIRE(c.size() == 1);
  CHECK(c[0].score == 38);
  CHECK(c[0].why[2] == "10 executable lines, 5 covered (50%)");
  // Fully run, yet breaking: said so.
  auto full = run(taxed(8, 5, 10));
  REQUIRE(full.size() == 1);
  CHECK(full[0].why[2] ==
        "10 executable lines, 10 covered (100%): fully run, yet it keeps "
        "breaking");
}

TEST_CASE("error-prone stays quiet when fixes are few") {
  CHECK(run(taxed(8, 2)).empty());   // below min_fixes
  CHECK(run(taxed(30, 3)).empty());  // 3 fixes among 30 commits: 3 * 0.6 / 8 -> 20
  FileFacts test_file = taxed(8, 5);
  test_file.is_test = true;
  test_file.role = "test";
  CHECK(run(test_file).empty());
  // Without history and without error reports there is nothing to go on.
  FileFacts no_history = taxed(8, 5);
  no_history.history.reset();
  CHECK(run(no_history, true, false).empty());
}

TEST_CASE("error-prone's score rises with fixes, their density and error reports") {
  int base = score(taxed(8, 5));
  CHECK(score(taxed(12, 9)) > base);  // more fixes
  CHECK(score(taxed(6, 5)) > base);   // same fixes, denser
  FileFacts with_errors = taxed(8, 5);
  with_errors.errors = 40;
  CHECK(score(with_errors) > base);
  // Error reports alone fire too: ln(1 + 200) * 1 / 8 = 0.663 -> 48.
  FileFacts only_errors = taxed(4, 0);
  only_errors.errors = 200;
  auto c = run(only_errors);
  REQUIRE(c.size() == 1);
  CHECK(c[0].score == 48);
  CHECK(c[0].why[0] == "4 commits touched src/tax.cc in the history window");
  CHECK(c[0].why[1] == "200 error reports point into this file");
}

TEST_CASE("error-prone without coverage data says nothing about coverage on the task") {
  auto c = run(taxed(8, 5), false);
  REQUIRE(c.size() == 1);
  CHECK(c[0].why ==
        std::vector<std::string>{"5 bug-fix commits of 8 commits in the history window (63%)",
                                 "rate: 5 bug-fix commits"});
  FileFacts absent = taxed(8, 5);
  absent.functions[0].coverage.reset();  // report() sums file coverage from the functions'
  auto d = run(absent);
  CHECK(d[0].why[2] == "src/tax.cc is not in the coverage data: coverage unknown");
}
