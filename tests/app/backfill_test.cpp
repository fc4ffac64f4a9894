// app/backfill.cpp: --backfill 5 on a scripted repository gives the five
// rows five separate scans of those commits give, and leaves the user's
// checkout as it was.
#include "app/backfill.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "tests/support/temp_repo.h"
#include "scanner/trend/store.h"

using namespace stepup;
using Catch::Contains;

namespace {

// calc.cpp nested one level deeper in each commit (complex-function scores
// climb), a second module from the third commit on.
std::string nested(int depth) {
  std::string body = "int deep(int a) {\n";
  for (int i = 1; i <= depth; ++i) body += "if (a > " + std::to_string(i) + ") {\n";
  body += "return a;\n";
  for (int i = 1; i <= depth; ++i) body += "}\n";
  return body + "return 0;\n}\n";
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("backfill 5 gives the rows of 5 separate scans", "[history-db]") {
  test::TempDir repo, work;
  for (int i = 1; i <= 5; ++i) {
    repo.write("src/core/calc.cpp", nested(5 + i));
    if (i >= 3) repo.write("src/util/twice.cpp", "int twice(int x) { return 2 * x; }\n");
    test::git_commit_all(repo.path(), i == 4 ? "fix crash in deep" : "step " + std::to_string(i),
                         "2026-02-0" + std::to_string(i) + "T12:00:00+01:00");
  }
  std::vector<std::string> shas =
      lines(test::run({"git", "-C", repo.path(), "rev-list", "HEAD"}, repo.path()));
  REQUIRE(shas.size() == 5);
  std::string status_before =
      test::run({"git", "-C", repo.path(), "status", "--porcelain", "--ignored"}, repo.path());

  std::string backfilled = work.path() + "/backfilled.sqlite";
  ProcessResult b = test::run_stepup({"scan", repo.path(), "-o", work.path() + "/out", "-j", "1",
                                      "--history-db", backfilled, "--backfill", "5"});
  INFO(b.err);
  REQUIRE(b.exit_code == 0);
  CHECK_THAT(b.err, Contains("backfilling 4 commit(s) before HEAD"));

  // The separate scans: a clone checked out at each commit in turn.
  std::string separate = work.path() + "/separate.sqlite";
  std::string clone = work.path() + "/clone";
  test::run({"git", "clone", "-q", repo.path(), clone}, work.path());
  for (const std::string& sha : shas) {
    test::run({"git", "-C", clone, "checkout", "-q", "--detach", sha}, clone);
    ProcessResult s = test::run_stepup(
        {"scan", clone, "-o", work.path() + "/out2", "-j", "1", "--history-db", separate});
    INFO(s.err);
    REQUIRE(s.exit_code == 0);
  }

  std::vector<TrendRow> got = read_trend(backfilled), want = read_trend(separate);
  REQUIRE(got.size() == 5);
  REQUIRE(want.size() == 5);
  for (size_t i = 0; i < 5; ++i) {
    INFO("row " << i);
    CHECK(got[i].commit == shas[4 - i]);  // oldest first
    CHECK(got[i].commit_date == "2026-02-0" + std::to_string(i + 1) + "T11:00:00Z");
    CHECK(got[i] == want[i]);
  }
  // The rows differ from commit to commit: the scores climb with the nesting.
  CHECK(got[0].max_score < got[4].max_score);
  CHECK(got[0].modules.size() == 1);
  CHECK(got[4].modules.size() == 2);

  // The user's checkout: same HEAD, same status, no worktree left registered.
  CHECK(lines(test::run({"git", "-C", repo.path(), "rev-parse", "HEAD"}, repo.path()))[0] ==
        shas[0]);
  CHECK(test::run({"git", "-C", repo.path(), "status", "--porcelain", "--ignored"}, repo.path()) ==
        status_before);
  std::string worktrees =
      test::run({"git", "-C", repo.path(), "worktree", "list", "--porcelain"}, repo.path());
  CHECK(worktrees == "worktree " + repo.path() + "\nHEAD " + shas[0] +
                         "\nbranch refs/heads/main\n\n");  // the checkout alone
}

TEST_CASE("backfill asks for more commits than the history has", "[history-db]") {
  test::TempDir repo, work;
  repo.write("src/a.cpp", "int f() { return 1; }\n");
  test::git_commit_all(repo.path(), "one", "2026-02-01T12:00:00+00:00");
  repo.write("src/a.cpp", "int f() { return 2; }\n");
  test::git_commit_all(repo.path(), "two", "2026-02-02T12:00:00+00:00");
  std::string db = work.path() + "/h.sqlite";
  ProcessResult b = test::run_stepup({"scan", repo.path(), "-o", work.path() + "/out", "-j", "1",
                                      "--history-db", db, "--backfill", "4"});
  INFO(b.err);
  REQUIRE(b.exit_code == 0);
  CHECK_THAT(b.err, Contains("the history has only 2 commit(s)"));
  std::vector<TrendRow> rows = read_trend(db);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].commit_date == "2026-02-01T12:00:00Z");
  CHECK(rows[1].commit_date == "2026-02-02T12:00:00Z");
}

TEST_CASE("backfill keeps the rows already stored and scans only the others", "[history-db]") {
  test::TempDir repo, work;
  for (int i = 1; i <= 3; ++i) {
    repo.write("src/core/calc.cpp", nested(5 + i));
    test::git_commit_all(repo.path(), "step " + std::to_string(i),
                         "2026-02-0" + std::to_string(i) + "T12:00:00+00:00");
  }
  std::vector<std::string> shas =
      lines(test::run({"git", "-C", repo.path(), "rev-list", "HEAD"}, repo.path()));
  REQUIRE(shas.size() == 3);
  // HEAD~1's row first, from a scan with its own configuration (as a CI run
  // with other settings, or with coverage, would have written it).
  std::string db = work.path() + "/h.sqlite", clone = work.path() + "/clone";
  test::run({"git", "clone", "-q", repo.path(), clone}, work.path());
  test::run({"git", "-C", clone, "checkout", "-q", "--detach", shas[1]}, clone);
  test::TempDir cfg;
  cfg.write("stepup.json", R"({"rules": {"complex-function": {"min_commits": 0}}})");
  REQUIRE(test::run_stepup({"scan", clone, "-o", work.path() + "/o1", "-j", "1", "--config",
                            cfg.path() + "/stepup.json", "--history-db", db})
              .exit_code == 0);
  TrendRow before = read_trend(db).at(0);

  ProcessResult b = test::run_stepup({"scan", repo.path(), "-o", work.path() + "/out", "-j", "1",
                                      "--history-db", db, "--backfill", "3"});
  INFO(b.err);
  REQUIRE(b.exit_code == 0);
  CHECK_THAT(b.err, Contains("1 commit(s) already had a row, kept as stored"));
  CHECK_THAT(b.err, Contains("backfilled " + shas[2].substr(0, 12)));
  CHECK_THAT(b.err, !Contains("backfilled " + shas[1].substr(0, 12)));
  std::vector<TrendRow> rows = read_trend(db);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].commit == shas[2]);
  CHECK(rows[1] == before);  // kept, with its own configuration's hash
  CHECK(rows[1].config_hash != rows[2].config_hash);
  CHECK(rows[2].commit == shas[0]);
}
