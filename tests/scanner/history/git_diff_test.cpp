#include "scanner/history/git_diff.h"

#include <catch2/catch.hpp>

#include "model/errors.h"
#include "scanner/common/process.h"
#include "tests/support/temp_repo.h"

using namespace stepup;

TEST_CASE("git_diff: -U0 hunks give the new side's lines per file") {
  const char* diff =
      "diff --git a/src/a.cc b/src/a.cc\n"
      "--- a/src/a.cc\n"
      "+++ b/src/a.cc\n"
      "@@ -3 +3 @@ int f() {\n"  // line 3 modified
      "-  return 1;\n"
      "+  return 2;\n"
      "@@ -10,0 +11,3 @@\n"  // 11, 12, 13 added
      "+a\n+b\n+c\n"
      "@@ -20,2 +23,0 @@\n"  // pure deletion: no new line
      "-x\n-y\n"
      "diff --git a/old.cc b/old.cc\n"
      "--- a/old.cc\n"
      "+++ /dev/null\n"
      "@@ -1 +0,0 @@\n"
      "-gone\n"
      "diff --git a/has space.cc b/has space.cc\n"
      "--- a/has space.cc\t\n"
      "+++ b/has space.cc\t\n"
      "@@ -0,0 +1 @@\n"
      "+new\n"
      "diff --git \"a/caf\\303\\251.cc\" \"b/caf\\303\\251.cc\"\n"
      "+++ \"b/caf\\303\\251.cc\"\n"
      "@@ -1 +1,2 @@\n"
      "+x\n+y\n";
  ChangedLines c = parse_unified_diff(diff, "d");
  CHECK(c.size() == 3);
  CHECK(c["src/a.cc"] == std::vector<int>{3, 11, 12, 13});
  CHECK(c["has space.cc"] == std::vector<int>{1});
  CHECK(c["caf\xc3\xa9.cc"] == std::vector<int>{1, 2});
}

TEST_CASE("git_diff: a malformed hunk header names the line") {
  REQUIRE_THROWS_AS(parse_unified_diff("+++ b/a.cc\n@@ -1 +x @@\n", "d"), InputError);
  try {
    parse_unified_diff("+++ b/a.cc\n@@ -1 +x @@\n", "git diff");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("git diff:2: malformed hunk header") == 0);
  }
}

TEST_CASE("git_diff: the working tree against a revision, from real git") {
  test::TempDir repo;
  repo.write("a b.cc", "1\n2\n3\n");
  test::git_commit_all(repo.path(), "one");
  repo.write("a b.cc", "1\nTWO\n3\n4\n");  // uncommitted edits count too
  SystemProcessRunner runner;
  ChangedLines c = read_changed_lines(repo.path(), "HEAD", runner);
  CHECK(c["a b.cc"] == std::vector<int>{2, 4});
  try {
    read_changed_lines(repo.path(), "nope", runner);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("bad revision 'nope'") != std::string::npos);
  }
  CHECK_THROWS_AS(read_changed_lines(repo.path(), "--output=x", runner), InputError);
}
