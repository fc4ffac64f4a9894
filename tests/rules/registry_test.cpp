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

namespace {

// Complex functions in one file, each a refactor task (history unknown:
// activity 1), scored 30 + 70 * (1 - e^-((cog - 15) / 25)).
FileFacts complex_file(const std::string& path, std::vector<int> cognitive) {
  std::vector<FunctionFacts> fns;
  int line = 10;
  for (int cog : cognitive) {
    FunctionFacts f = function("f" + std::to_string(cog), cog, line, line + 20);
    f.cognitive = cog;
    cover(f, 10, 10);  // fully tested: a refactor, and no test task
    fns.push_back(f);
    line += 30;
  }
  return file(path, "src", fns);
}

std::vector<std::string> order(const Report& r) {
  std::vector<std::string> out;
  for (const Candidate& c : r.candidates) {
    out.push_back(c.target.file.value_or("") + ":" + c.target.function.value_or(""));
  }
  return out;
}

}  // namespace

TEST_CASE("apply_rules: one file fills at most two of the top 25, scores follow the ranks") {
  // 23 other files with one task each, a.cc with four: two of a.cc's fit
  // in the first 25 with the 23 others, the other two follow them.
  std::vector<FileFacts> files = {complex_file("src/a.cc", {60, 59, 58, 57})};
  for (int i = 0; i < 23; ++i)
    files.push_back(complex_file("src/o" + std::to_string(i) + ".cc", {20}));
  Report r = report(files, true, false);
  apply_rules(r, {});
  std::vector<std::string> got = order(r);
  REQUIRE(got.size() == 27);
  CHECK(got[0] == "src/a.cc:ns::f60");
  CHECK(got[1] == "src/a.cc:ns::f59");
  CHECK(got[25] == "src/a.cc:ns::f58");
  CHECK(got[26] == "src/a.cc:ns::f57");
  // The others' f20: 30 + 70 * (1 - e^-0.2) = 42.7 -> 43, held below the
  // one above in the first ten, no more than it after. a's f58 (exact
  // 30 + 70 * (1 - e^-(43 / 25)) = 87.5) shows no more than the 25th.
  CHECK(r.candidates[25].exact_score == Approx(87.47).epsilon(0.001));
  CHECK(r.candidates[25].score <= r.candidates[24].score);
  for (size_t i = 1; i < 10; ++i) CHECK(r.candidates[i].score < r.candidates[i - 1].score);
}

TEST_CASE("apply_rules: with fewer than 25 tasks, a file's extra tasks join its best one") {
  Report r = report({complex_file("src/a.cc", {60, 59, 58, 57}), complex_file("src/b.cc", {20})},
                    true, false);
  apply_rules(r, {});
  CHECK(order(r) ==
        std::vector<std::string>{"src/a.cc:ns::f60", "src/a.cc:ns::f59", "src/b.cc:ns::f20"});
  CHECK(r.candidates[0].why.back() ==
        "also in src/a.cc: Refactor ns::f58 (src/a.cc:70); Refactor ns::f57 (src/a.cc:100)");
  CHECK(r.candidates[0].why.size() <= kMaxWhyLines);
}

TEST_CASE("apply_rules: saturated scores do not tie at the top") {
  // Cognitive 400 and 390: both round to 100.
  Report r =
      report({complex_file("src/a.cc", {400}), complex_file("src/b.cc", {390})}, true, false);
  apply_rules(r, {});
  REQUIRE(r.candidates.size() == 2);
  CHECK(r.candidates[0].score == 100);
  CHECK(r.candidates[1].score == 99);
  CHECK(r.candidates[0].target.file == "src/a.cc");
}

TEST_CASE("apply_rules: one newcomer rule for every kind, at most five why-lines") {
  // A small untested function: effort S, one file, named lines: newcomer.
  FunctionFacts small = function("fmt_money", 4, 10, 20);
  cover(small, 8, 0);
  // A large untested one: not small.
  FunctionFacts large = function("settle", 25, 100, 220);
  cover(large, 90, 0);
  large.errors = 3;
  large.findings.push_back({"silent-catch", 150, ""});
  FileFacts f = file("src/pay/pay.cc", "src/pay", {large});
  f.history = file_history(10, 6);
  FileFacts g = file("src/pay/money.cc", "src/pay", {small});
  Report r = report({f, g, program_main()});
  apply_rules(r, {});
  for (const Candidate& c : r.candidates) {
    INFO(c.title);
    CHECK(c.why.size() <= kMaxWhyLines);
    CHECK(std::find(c.why.begin(), c.why.end(), std::string()) == c.why.end());
    if (c.newcomer_friendly) {
      CHECK(c.effort == "S");
      CHECK(c.target.file.has_value());
    }
    if (!c.target.file) CHECK_FALSE(c.newcomer_friendly);
  }
  bool small_task = false;
  for (const Candidate& c : r.candidates) {
    if (c.target.function == "ns::fmt_money") {
      small_task = true;
      CHECK(c.newcomer_friendly);
    }
  }
  CHECK(small_task);
}

TEST_CASE("apply_rules says once when history is quiet, and names library modules") {
  FunctionFacts quiet = function("parse", 12, 10, 40);
  cover(quiet, 20, 0);
  churn(quiet, 0, 0);
  FileFacts f = file("src/net/parse.cc", "src/net", {quiet});
  f.history = file_history(0, 0);
  Report r = report({f});  // no program: library code
  apply_rules(r, {});
  REQUIRE(r.candidates.size() == 1);
  int quiet_notes = 0, library_notes = 0;
  for (const Diagnostic& d : r.diagnostics) {
    quiet_notes += d.message.rfind(
                       "quiet history: no commit in the history window touched the "
                       "code of 1 of the top 1 tasks",
                       0) == 0;
    library_notes +=
        d.message.find("src/net. They report errors to their callers") != std::string::npos;
  }
  CHECK(quiet_notes == 1);
  CHECK(library_notes == 1);
  for (const auto& w : r.candidates[0].why) CHECK(w.find("history") == std::string::npos);
}

TEST_CASE("apply_rules keeps unbuilt-test's tasks: their target is a test file") {
  auto test_file = [](const std::string& path, bool built) {
    FileFacts f = file(path, "tests");
    f.is_test = true;
    f.role = "test";
    f.built = built;
    f.code_lines = 120;
    return f;
  };
  Report r = report({test_file("tests/a_test.cc", true), test_file("tests/b_test.cc", true),
                     test_file("tests/status_test.cc", false)});
  apply_rules(r, {});
  REQUIRE(r.candidates.size() == 1);
  CHECK(r.candidates[0].rule == "unbuilt-test");
  CHECK(r.candidates[0].target.file == "tests/status_test.cc");
}

TEST_CASE("apply_rules folds characterisation-test tasks into their file's test task") {
  // Three untested functions roll up into a file task; the fourth is
  // complex (cyclomatic 31, cognitive 40) and untested: its tests-first task
  // joins the file task instead of standing beside it.
  std::vector<FunctionFacts> fns;
  for (int i = 0; i < 3; ++i) {
    FunctionFacts f = function("f" + std::to_string(i), 10, 10 + 30 * i, 30 + 30 * i);
    cover(f, 15, 0);
    fns.push_back(f);
  }
  FunctionFacts big = function("big", 31, 200, 280);
  big.cognitive = 40;
  cover(big, 60, 0);
  fns.push_back(big);
  Report r = report({file("src/net/http.cc", "src/net", fns), program_main()});
  apply_rules(r, {});
  int tasks = 0;
  for (const Candidate& c : r.candidates) {
    if (c.target.file != "src/net/http.cc" || c.kind != "add-tests") continue;
    ++tasks;
    CHECK(c.rule == "untested-hotspot");
    CHECK(c.why[1] == "too complex to refactor before characterisation tests: ns::big");
  }
  CHECK(tasks == 1);
}
