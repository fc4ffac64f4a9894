// The git processes history runs, on real repositories with fixed dates.
#include "scanner/history/log_reader.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "tests/support/temp_repo.h"

using namespace stepup;

TEST_CASE("log_argv: -w always, patches with full blob names, the window and a limit") {
  HistoryConfig config;
  auto has = [](const std::vector<std::string>& argv, const std::string& a) {
    return std::find(argv.begin(), argv.end(), a) != argv.end();
  };
  std::vector<std::string> p = log_argv("/r", config, 1700000000, 0);
  CHECK(has(p, "-w"));
  CHECK(has(p, "--no-merges"));
  CHECK(has(p, "--full-index"));
  CHECK(has(p, "--since=@1700000000"));
  CHECK_FALSE(has(p, "--numstat"));
  config.functions = false;
  std::vector<std::string> n = log_argv("/r", config, std::nullopt, 80);
  CHECK(has(n, "-w"));
  CHECK(has(n, "--numstat"));
  CHECK(has(n, "--max-count=80"));
  CHECK(std::none_of(n.begin(), n.end(),
                     [](const std::string& a) { return a.rfind("--since", 0) == 0; }));
}

TEST_CASE("repo facts: HEAD's date and the files tracked at HEAD, ignore-revs read from the root") {
  test::TempDir repo;
  repo.write("a.cc", "int a;\n");
  repo.write("sub/b.cc", "int b;\n");
  repo.write("sub/c.txt", "c\n");
  test::git_commit_all(repo.path(), "add", "2026-01-10T10:00:00+00:00");
  SystemProcessRunner runner;
  std::vector<Diagnostic> diags;
  auto facts = read_repo_facts(repo.path(), runner, diags);
  REQUIRE(facts);
  CHECK(facts->head_time == 1768039200);  // 2026-01-10T10:00:00Z
  CHECK(facts->tracked_files == 3);
  CHECK(diags.empty());
  CHECK(read_ignore_revs(repo.path(), diags).shas.empty());  // no file: nothing, no word
  CHECK(diags.empty());
  repo.write(".git-blame-ignore-revs", std::string(40, 'f') + "\nnope\n");
  IgnoreRevs revs = read_ignore_revs(repo.path(), diags);
  CHECK(revs.shas.size() == 1);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].path == std::optional<std::string>(".git-blame-ignore-revs"));
  // An empty repository: no history, said once.
  test::TempDir empty;
  test::run({"git", "init", "-q", empty.path()}, empty.path());
  std::vector<Diagnostic> none;
  CHECK_FALSE(read_repo_facts(empty.path(), runner, none));
  CHECK(none.size() == 1);
}

TEST_CASE("BlobDiffer: the hunks between two blobs, whitespace aside") {
  test::TempDir repo;
  repo.write("f.cc", "int a;\nint b;\n");
  test::git_commit_all(repo.path(), "one", "2026-01-10T10:00:00+00:00");
  std::string one = test::run({"git", "-C", repo.path(), "rev-parse", "HEAD:f.cc"}, repo.path());
  repo.write("f.cc", "// head\nint a;\r\n  int b;\n");
  test::git_commit_all(repo.path(), "two", "2026-01-11T10:00:00+00:00");
  std::string two = test::run({"git", "-C", repo.path(), "rev-parse", "HEAD:f.cc"}, repo.path());
  SystemProcessRunner runner;
  BlobDiffer diff(repo.path(), runner);
  auto hunks = diff(one.substr(0, 40), two.substr(0, 40));
  REQUIRE(hunks);
  REQUIRE(hunks->size() == 1);  // the header line; CR and indent are whitespace
  CHECK((*hunks)[0].old_count == 0);
  CHECK((*hunks)[0].new_start == 1);
  CHECK((*hunks)[0].new_count == 1);
  CHECK_FALSE(diff(std::string(40, '0'), two.substr(0, 40)));  // no such blob
}
