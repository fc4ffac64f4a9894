// What counts as a defect fix, a mass change and an ignored revision.
// Messages are written here by hand, in the shapes real projects use.
#include "scanner/history/commit_class.h"

#include <catch2/catch.hpp>

using namespace stepup;

TEST_CASE("split_message: the subject paragraph, issue trailers and revert lines") {
  MessageParts p = split_message(
      "\nFix the parser\nwhen input is empty\n\nLong story:\n- Fixes: listed as a bullet\n"
      "Fixes are described above.\n\nFixes: #12\nBug: 1234\nCloses org/repo#7\n"
      "Signed-off-by: A <a@b>\nThis reverts commit 0123.\n");
  CHECK(p.subject == "Fix the parser when input is empty");
  CHECK(p.trailers == std::vector<std::string>{"Fixes: #12", "Bug: 1234", "Closes org/repo#7"});
  CHECK(p.revert_lines == std::vector<std::string>{"This reverts commit 0123."});
  MessageParts crlf = split_message("Fix crash\r\n\r\nBug: 9\r\n");
  CHECK(crlf.subject == "Fix crash");
  CHECK(crlf.trailers == std::vector<std::string>{"Bug: 9"});
}

TEST_CASE("a defect fix: the subject or an issue trailer says so, the body does not") {
  FixClassifier c{HistoryConfig{}};
  for (const char* yes :
       {"fix: crash in f1", "Fix off-by-one in the lexer", "Handle empty input\n\nFixes: #12",
        "Handle empty input\n\nBug: 1234", "Handle empty input\n\nFixes #12",
        "Fix restat builds with edges generating headers",
        "Fix confusing smart console output from concurrent builds",
        "Fix crash during build of a phony edge", "Fix wrapping file paths in Writer.comment",
        "Fix fprintf format string.", "Fix crash in build.cc when the log is empty",
        "Fix tsan problem in env_test."}) {
    INFO(yes);
    CHECK(c.is_fix(yes));
  }
  for (const char* no :
       {// a release or merge summary whose body lists the fixes it ships
        "Release 1.2\n\n- Fix crash in f1\n- Fix leak in b1 (bug #7)\nFixes are above.",
        "Merge branch 'fixes'\n\n* fix: a\n* fix: b",
        // Closes: alone names an issue, not a defect
        "Add a cache\n\nCloses: #5",
        // body text that is no trailer
        "Add a cache\n\nThis also fixes the crash reported on the list."}) {
    INFO(no);
    CHECK_FALSE(c.is_fix(no));
  }
}

TEST_CASE(
    "fixes of the build, warnings, typos, style, lint, CI and docs, and reverts, are not defect "
    "fixes") {
  FixClassifier c{HistoryConfig{}};
  for (const char* no :
       {"Fix typo",
        "Fix two typos in db.h",
        "fix typo in comment of LRUHandle",
        "Fix build on Windows",
        "Fix the Windows build",
        "Fix C++11 build.",
        "Fix Travis CI build.",
        "Fix MinGW bootstrap build by applying the fix",
        "Fix compilation on FreeBSD 11.2",
        "Fix C++23 compilation errors in leveldb",
        "fix truncate compile error in ninja_test",
        "small build fixes",
        "Fix sign mismatch warnings in GCC.",
        "fix a clang-cl -Wformat warning",
        "Fix MSVC C4819 warning",
        "Fix formatting in version.h",
        "fix style and remove unused code",
        "Fix clang-format",
        "Fix lint errors",
        "[clang-tidy] fix inconsistent declarations",
        "Fix GitHub CI on Linux.",
        "ci: fix the macOS job",
        "docs: fix example",
        "Fix documentation for log file growth.",
        "Fix typos in docs",
        "fix comment",
        "Fixed incorrect comment wording for Iterator::Seek.",
        "fix broken link in hacking.md",
        "Fix spelling of 'dependency'",
        "chore: fix build warning",
        "Revert \"Fix stat when subdirectory is a file\"",
        "Restore the old stat\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.",
        "Formatting changes for prior O_CLOEXEC fix.",
        "fix indent",
        "comment fix",
        "Fix Mingw cross-compilation.",
        "Fix a clang -Wshadow issue",
        "IWYU fixes in db/c.cc.",
        "fix manual to reflect reality",
        "Merge branch 'fixes'\n\n* fix: a"}) {
    INFO(no);
    MessageParts parts = split_message(no);
    CHECK(c.non_defect(parts));
    CHECK_FALSE(c.is_fix(no));
  }
}

TEST_CASE("the config can change both patterns, an empty one matches nothing") {
  HistoryConfig config;
  config.fix_pattern = "^defect:";
  config.non_defect_pattern = "^defect: cosmetic";
  FixClassifier c(config);
  CHECK(c.is_fix("defect: null deref"));
  CHECK_FALSE(c.is_fix("fix: null deref"));
  CHECK_FALSE(c.is_fix("defect: cosmetic glitch"));
  config = HistoryConfig{};
  config.non_defect_pattern = "";
  FixClassifier none(config);
  CHECK(none.is_fix("Fix typo"));
  CHECK(none.is_fix("Revert \"fix: x\""));
  config.fix_pattern = "";
  CHECK_FALSE(FixClassifier(config).is_fix("fix: crash"));
}

TEST_CASE("mass changes: more than max_changeset_files, or more than half of a 20+ file repo") {
  HistoryConfig config;  // 50 files, half
  CHECK_FALSE(is_mass_change(50, 1000, config));
  CHECK(is_mass_change(51, 1000, config));
  CHECK_FALSE(is_mass_change(10, 20, config));
  CHECK(is_mass_change(11, 20, config));
  CHECK(is_mass_change(14, 27, config));
  CHECK_FALSE(is_mass_change(13, 27, config));
  CHECK_FALSE(is_mass_change(18, 19, config));  // under 20 files: the share rule is off
  config.max_changeset_files = 5;
  CHECK(is_mass_change(6, 1000, config));
  config.max_changeset_share = 1;
  CHECK_FALSE(is_mass_change(5, 5, config));
}

TEST_CASE(".git-blame-ignore-revs: full names, comments, blank lines") {
  std::string sha1(40, 'a');
  std::string sha256(64, 'b');
  IgnoreRevs revs = parse_ignore_revs("# header comment\n" + sha1 + "\n\n  " + sha256 +
                                      "  # trailing comment\r\nABCDEF" + std::string(34, '0') +
                                      "\nabc1234\nnot a sha\n");
  CHECK(revs.shas == std::set<std::string>{sha1, sha256, "abcdef" + std::string(34, '0')});
  CHECK(revs.malformed == 2);
  CHECK(revs.first_malformed_line == 6);
  CHECK(parse_ignore_revs("").shas.empty());
  CHECK(parse_ignore_revs("").malformed == 0);
}
