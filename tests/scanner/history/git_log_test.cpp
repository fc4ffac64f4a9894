// git log output read by hand-written records, and by real git runs where
// the point is git's own behaviour (-w with --numstat and -p).
#include "scanner/history/git_log.h"

#include <catch2/catch.hpp>

#include "tests/support/temp_repo.h"

using namespace stepup;

namespace {

std::string record(const std::string& sha, const std::string& message) {
  std::string nul(1, '\0');
  return nul + nul + sha + nul + "Ann" + nul + "a@b" + nul + "1700000000" + nul + message + nul;
}

}  // namespace

TEST_CASE("numstat: a commit without files (whitespace-only under -w) does not stop the reader") {
  std::string nul(1, '\0');
  // As git 2.39 writes `log -z --numstat`: "\0\n" after a commit's header,
  // then its entries, then "\0" before the next record.
  std::string out = record(std::string(40, 'a'), "with a file\n") + nul + "\n" + "1\t2\ta.cc" +
                    nul + record(std::string(40, 'b'), "no files\n") + nul + "\n" +
                    record(std::string(40, 'c'), "last\n") + nul + "\n" + "3\t0\tc.cc" + nul;
  std::string error;
  auto commits = parse_numstat_log(out, &error);
  CHECK(error.empty());
  REQUIRE(commits.size() == 3);
  CHECK(commits[0].files.size() == 1);
  CHECK(commits[1].files.empty());
  REQUIRE(commits[2].files.size() == 1);
  CHECK(commits[2].files[0].path == "c.cc");
  CHECK(commits[2].files[0].added == 3);
}

TEST_CASE("numstat: a rename cut off after its old path keeps the old path and ends the input") {
  // Found by git_log_fuzzer: the second path of a rename read past the end.
  std::string nul(1, '\0');
  std::string out = record(std::string(40, 'a'), "rename\n") + nul + "\n" + "1\t2\t" + nul + "old.cc";
  std::string error;
  auto commits = parse_numstat_log(out, &error);
  REQUIRE(commits.size() == 1);
  REQUIRE(commits[0].files.size() == 1);
  CHECK(commits[0].files[0].old_path == "old.cc");
  CHECK(commits[0].files[0].path.empty());
}

TEST_CASE("patch: blob names from the index line, hunks of a lone diff") {
  std::string out = record(std::string(40, 'a'), "x\n") +
                    "\ndiff --git a/f.cc b/f.cc\nnew file mode 100644\nindex " +
                    std::string(40, '0') + ".." + std::string(40, '1') +
                    "\n--- /dev/null\n+++ b/f.cc\n@@ -0,0 +1,2 @@\n+a\n+b\n";
  std::string error;
  auto commits = parse_patch_log(out, &error);
  REQUIRE(commits.size() == 1);
  REQUIRE(commits[0].files.size() == 1);
  const FileChange& f = commits[0].files[0];
  CHECK(f.created);
  CHECK(f.old_blob == std::string(40, '0'));
  CHECK(f.new_blob == std::string(40, '1'));
  auto hunks = parse_hunks("diff --git a/x b/x\n@@ -0,0 +1 @@\n+h\n@@ -3,2 +4,0 @@\n-a\n-b\n");
  REQUIRE(hunks.size() == 2);
  CHECK(hunks[0].old_count == 0);
  CHECK(hunks[0].new_start == 1);
  CHECK(hunks[0].new_count == 1);
  CHECK(hunks[1].old_start == 3);
  CHECK(hunks[1].old_count == 2);
  CHECK(hunks[1].new_count == 0);
}

TEST_CASE("git honours -w in --numstat and -p: a re-indent or CRLF commit lists no file") {
  test::TempDir repo;
  repo.write("a.cc", "int f() {\n  return 1;\n}\n");
  test::git_commit_all(repo.path(), "add", "2026-01-10T10:00:00+00:00");
  repo.write("a.cc", "int f() {\n    return 1;\n}\n");
  test::git_commit_all(repo.path(), "re-indent", "2026-01-11T10:00:00+00:00");
  repo.write("a.cc", "int f() {\r\n    return 1;\r\n}\r\n");
  test::git_commit_all(repo.path(), "crlf", "2026-01-12T10:00:00+00:00");
  for (const char* mode : {"--numstat", "-p"}) {
    INFO(mode);
    std::string out = test::run({"git", "-C", repo.path(), "log", "-w", "-z", mode, "-U0",
                                 "--src-prefix=a/", "--dst-prefix=b/", kLogFormat},
                                repo.path());
    std::string error;
    auto commits =
        std::string(mode) == "-p" ? parse_patch_log(out, &error) : parse_numstat_log(out, &error);
    CHECK(error.empty());
    REQUIRE(commits.size() == 3);
    CHECK(commits[0].files.empty());  // crlf
    CHECK(commits[1].files.empty());  // re-indent
    REQUIRE(commits[2].files.size() == 1);
    CHECK(commits[2].files[0].added == 3);
  }
}
