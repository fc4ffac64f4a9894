// History on a real repository made by tests/fixtures/history/make-repo.sh;
// every expected number is worked out by hand from that script, and the
// per-file ones are cross-checked against git's own per-file log.
#include "scanner/history/file_history.h"
#include "scanner/history/git_log.h"

#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "tests/support/temp_repo.h"

using namespace stepup;

namespace {

struct Fixture {
  test::TempDir dir;
  std::string repo;
  Fixture() : repo(dir.path() + "/repo") {
    test::run(
        {"bash", std::string(STEPUP_SOURCE_DIR) + "/tests/fixtures/history/make-repo.sh", repo},
        dir.path());
  }
  GitHistory read(int since_days = 365, bool functions = true) const {
    HistoryConfig config;
    config.functions = functions;
    config.coupling_min_revs = 1;
    config.coupling_min_shared = 1;
    config.min_commits = 0;  // the window as given (widening: hygiene tests)
    SystemProcessRunner runner;
    return read_history(repo, {"src/a.cpp", "src/c.cpp"}, since_days, config, runner);
  }
  // git's own view of one file: commits (renames followed) and line sums.
  void git_counts(const std::string& path, int* commits, int* added, int* deleted) const {
    std::string log = test::run({"git", "-C", repo, "log", "--no-merges", "--follow", "--numstat",
                                 "--format=%x40", "--", path},
                                repo);
    *commits = *added = *deleted = 0;
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);) {
      if (line == "@") {
        ++*commits;
      } else if (!line.empty() && line[0] != '-') {
        std::istringstream fields(line);
        int a = 0, d = 0;
        fields >> a >> d;
        *added += a;
        *deleted += d;
      }
    }
  }
};

const Fixture& fixture() {
  static Fixture f;
  return f;
}

}  // namespace

TEST_CASE("per-file history: commits, fixes, churn, authors through .mailmap, renames") {
  GitHistory h = fixture().read();
  REQUIRE(h.available);
  CHECK(h.diagnostics.empty());

  // a.cpp: initial (+9), "fix: crash" (+1 -1), "debug output cleanup"
  // (+1 -1), "bugfix: regression" (+2 -2), header (+3). Fixes: 2.
  const History& a = h.files.at("src/a.cpp").stats;
  CHECK(a.commits == 5);
  CHECK(a.fix_commits == 2);
  CHECK(a.lines_added == 16);
  CHECK(a.lines_deleted == 4);
  // Ann 3 (initial, debug, header), Bob 1 (as Robert, folded by .mailmap), Cy 1.
  CHECK(a.authors == 3);
  CHECK(a.main_author == "Ann <ann@example.com>");
  CHECK(a.main_author_share == Approx(0.6));
  CHECK(a.fragmentation == Approx(1 - (0.36 + 0.04 + 0.04)));
  CHECK(a.last_change == "2026-06-02");

  // c.cpp, b.cpp before the rename: initial (+4), "add prefix matching"
  // (+1 -1, not a fix), the rename (0 0), "Fixes: #12" on the merged branch
  // (+1 -1), "bugfix" (+1 -1). The merge itself is skipped.
  const History& c = h.files.at("src/c.cpp").stats;
  CHECK(c.commits == 5);
  CHECK(c.fix_commits == 2);
  CHECK(c.lines_added == 7);
  CHECK(c.lines_deleted == 3);
  CHECK(c.authors == 3);
  CHECK(c.main_author == "Ann <ann@example.com>");  // 2 each with Cy: the first name wins
  CHECK(c.main_author_share == Approx(0.4));
  CHECK(c.last_change == "2026-06-01");

  for (const char* path : {"src/a.cpp", "src/c.cpp"}) {
    INFO(path);
    int commits = 0, added = 0, deleted = 0;
    fixture().git_counts(path, &commits, &added, &deleted);
    const History& s = h.files.at(path).stats;
    CHECK(s.commits == commits);
    CHECK(s.lines_added == added);
    CHECK(s.lines_deleted == deleted);
  }
}

TEST_CASE("the numstat reader (no function history) gives the same per-file numbers") {
  GitHistory patch = fixture().read(365, true);
  GitHistory numstat = fixture().read(365, false);
  for (const char* path : {"src/a.cpp", "src/c.cpp"}) {
    const History& p = patch.files.at(path).stats;
    const History& n = numstat.files.at(path).stats;
    CHECK(p.commits == n.commits);
    CHECK(p.fix_commits == n.fix_commits);
    CHECK(p.lines_added == n.lines_added);
    CHECK(p.lines_deleted == n.lines_deleted);
    CHECK(p.main_author == n.main_author);
  }
}

TEST_CASE("per-function history brings old hunks forward to today's lines") {
  GitHistory h = fixture().read();
  const FileHistory& a = h.files.at("src/a.cpp");
  // Today f1 is lines 4-6 and f2 lines 8-12 (the header pushed both down 3).
  // f1: initial + "fix: crash" (its line 2, now line 5).
  FunctionHistory f1 = function_history(h, a, 4, 6);
  CHECK(f1.commits == 2);
  CHECK(f1.fix_commits == 1);
  CHECK_FALSE(f1.moved);
  // f2: initial + "debug output cleanup" (whose line the bugfix later
  // rewrote: it still lands in f2) + "bugfix: regression".
  FunctionHistory f2 = function_history(h, a, 8, 12);
  CHECK(f2.commits == 3);
  CHECK(f2.fix_commits == 1);
  // The header lines 1-3 belong to the header commit alone.
  CHECK(function_history(h, a, 1, 3).commits == 1);
}

TEST_CASE("coupling: files that change in the same commits") {
  GitHistory h = fixture().read();
  // a.cpp and c.cpp (b.cpp then) changed together in the initial import and
  // in the bugfix: 2 shared of 5 and 5 revisions -> degree 0.4.
  const auto& coupled = h.files.at("src/a.cpp").stats.coupled;
  REQUIRE(coupled.size() == 1);
  CHECK(coupled[0].path == "src/c.cpp");
  CHECK(coupled[0].shared == 2);
  CHECK(coupled[0].degree == Approx(0.4));
}

TEST_CASE("the window counts back from HEAD's date, not from today") {
  // HEAD is 2026-06-02T10:00Z; 100 days back is 2026-02-22T10:00Z, which
  // leaves out the initial import (Jan 1) and "fix: crash" (Feb 1).
  GitHistory h = fixture().read(100);
  CHECK(h.files.at("src/a.cpp").stats.commits == 3);
  CHECK(h.files.at("src/a.cpp").stats.fix_commits == 1);
  CHECK(h.files.at("src/c.cpp").stats.commits == 4);
}

namespace {

/// Runs programs for real and remembers their argv.
class RecordingRunner : public ProcessRunner {
 public:
  ProcessResult run(const std::vector<std::string>& argv, const std::string& cwd) override {
    calls.push_back(argv);
    return real.run(argv, cwd);
  }
  std::vector<std::vector<std::string>> calls;
  SystemProcessRunner real;
};

}  // namespace

TEST_CASE("the window is anchored at HEAD's committer date, never the wall clock") {
  RecordingRunner runner;
  HistoryConfig config;
  config.min_commits = 0;
  read_history(fixture().repo, {"src/a.cpp"}, 100, config, runner);
  // HEAD: 2026-06-02T10:00:00Z = 1780394400; minus 100 days (8,640,000 s).
  bool found = false;
  for (const auto& argv : runner.calls) {
    for (const auto& a : argv) found |= a == "--since=@1771754400";
  }
  CHECK(found);
  // One git log over the window, plus three short questions (HEAD's date,
  // shallow or not, the files at HEAD): never a process per file.
  CHECK(runner.calls.size() == 4);
}

TEST_CASE("fix messages: words, not substrings") {
  const HistoryConfig p;
  for (const char* yes : {"fix: x", "fix(parser): x", "Fixes: #12", "fixed the thing",
                          "bugfix for y", "hotfix", "crash on empty header", "regression in f2",
                          "Fix off-by-one", "some bug", "net: keep-alive (fix)"}) {
    INFO(yes);
    CHECK(is_fix_message(yes, p));
  }
  for (const char* no : {"add prefix matching", "suffix handling", "debug output cleanup",
                         "fixture update", "prefixes", "debugger support", "affix"}) {
    INFO(no);
    CHECK_FALSE(is_fix_message(no, p));
  }
}

TEST_CASE("degraded modes: not a repo, shallow clone, missing objects, no git") {
  SystemProcessRunner runner;
  HistoryConfig config;
  test::TempDir plain;
  GitHistory none = read_history(plain.path(), {"a.cpp"}, 365, config, runner);
  CHECK_FALSE(none.available);
  REQUIRE(none.diagnostics.size() == 1);

  test::TempDir clones;
  std::string shallow = clones.path() + "/shallow";
  test::run({"git", "clone", "-q", "--depth", "2", "file://" + fixture().repo, shallow},
            clones.path());
  GitHistory s = read_history(shallow, {"src/a.cpp"}, 365, config, runner);
  CHECK(s.available);
  bool said_shallow = false;
  for (const auto& d : s.diagnostics) said_shallow |= d.message.rfind("shallow clone", 0) == 0;
  CHECK(said_shallow);

  // A damaged mirror: drop the objects of an older commit's tree.
  std::string broken = clones.path() + "/broken";
  test::run({"git", "clone", "-q", "--no-local", fixture().repo, broken}, clones.path());
  test::run({"git", "-C", broken, "repack", "-q", "-a", "-d"}, broken);
  std::string old_blob =
      test::run({"git", "-C", broken, "rev-parse", "HEAD~5:src/b.cpp"}, broken).substr(0, 40);
  // Unpack everything, then delete that blob's loose object.
  for (const auto& e : std::filesystem::directory_iterator(broken + "/.git/objects/pack")) {
    if (e.path().extension() == ".pack") {
      std::filesystem::rename(e.path(), clones.path() + "/x.pack");
    } else {
      std::filesystem::remove(e.path());
    }
  }
  test::run(
      {"bash", "-c", "git -C '" + broken + "' unpack-objects -q < '" + clones.path() + "/x.pack'"},
      broken);
  std::filesystem::remove(broken + "/.git/objects/" + old_blob.substr(0, 2) + "/" +
                          old_blob.substr(2));
  GitHistory b = read_history(broken, {"src/a.cpp", "src/c.cpp"}, 365, config, runner);
  CHECK(b.available);
  bool said_stopped = false;
  for (const auto& d : b.diagnostics) {
    said_stopped |= d.message.find("git log stopped early") != std::string::npos &&
                    d.message.find("history read up to commit") != std::string::npos;
  }
  CHECK(said_stopped);
  CHECK(b.files.at("src/a.cpp").stats.commits >= 1);  // what was read is kept

  std::string path = getenv("PATH");
  setenv("PATH", "/nonexistent-bin", 1);
  GitHistory nogit = read_history(fixture().repo, {"src/a.cpp"}, 365, config, runner);
  setenv("PATH", path.c_str(), 1);
  CHECK_FALSE(nogit.available);
  REQUIRE(nogit.diagnostics.size() == 1);
  CHECK(nogit.diagnostics[0].message.find("git could not be run") == 0);
}

TEST_CASE("a corrupted .git is a diagnostic, not an error") {
  test::TempDir clones;
  std::string repo = clones.path() + "/bad";
  test::run({"git", "clone", "-q", fixture().repo, repo}, clones.path());
  {
    std::FILE* f = std::fopen((repo + "/.git/HEAD").c_str(), "w");
    std::fputs("garbage\n", f);
    std::fclose(f);
  }
  SystemProcessRunner runner;
  GitHistory h = read_history(repo, {"src/a.cpp"}, 365, HistoryConfig{}, runner);
  CHECK_FALSE(h.available);
  REQUIRE(h.diagnostics.size() == 1);
  CHECK(h.diagnostics[0].message.rfind("no git history", 0) == 0);
}

TEST_CASE("author names and messages with any bytes are carried as they are") {
  std::string raw = std::string("\0\0", 2) + std::string(40, 'a') + std::string("\0", 1) +
                    "<script>\xff" + std::string("\0", 1) + "x@y" + std::string("\0", 1) +
                    "1700000000" + std::string("\0", 1) + "fix: </script> & \"q\"\n" +
                    std::string("\0\0\n", 3) + "3\t1\ta.cc" + std::string("\0", 1);
  std::string error;
  auto commits = parse_numstat_log(raw, &error);
  CHECK(error.empty());
  REQUIRE(commits.size() == 1);
  CHECK(commits[0].author == "<script>\xff <x@y>");
  CHECK(commits[0].message == "fix: </script> & \"q\"\n");
  REQUIRE(commits[0].files.size() == 1);
  CHECK(commits[0].files[0].added == 3);
  CHECK(commits[0].files[0].path == "a.cc");
}

TEST_CASE("git's quoted paths are unquoted") {
  CHECK(unquote_git_path("\"src/quote\\\"&<tag>.h\"") == "src/quote\"&<tag>.h");
  CHECK(unquote_git_path("\"caf\\303\\251.cc\"") == "caf\xc3\xa9.cc");
  CHECK(unquote_git_path("plain.cc") == "plain.cc");
}

TEST_CASE("a path holding a space keeps its history (git ends it with a tab in patches)") {
  test::TempDir repo;
  repo.write("src/a b.cpp", "int f() {\n  return 1;\n}\n");
  test::git_commit_all(repo.path(), "add", "2026-01-10T10:00:00+00:00");
  repo.write("src/a b.cpp", "int f() {\n  return 2;\n}\n");
  test::git_commit_all(repo.path(), "fix: wrong value", "2026-01-11T10:00:00+00:00");
  SystemProcessRunner runner;
  HistoryConfig config;
  GitHistory h = read_history(repo.path(), {"src/a b.cpp"}, 365, config, runner);
  REQUIRE(h.files.count("src/a b.cpp") == 1);
  CHECK(h.files.at("src/a b.cpp").stats.commits == 2);
  CHECK(h.files.at("src/a b.cpp").stats.fix_commits == 1);
  CHECK(function_history(h, h.files.at("src/a b.cpp"), 1, 3).commits == 2);
}

// ---------------------------------------------------------------------------
// History hygiene on tests/fixtures/history/make-hygiene-repo.sh; C1..C15 are
// that script's commits, and every number below is worked out from it.

namespace {

struct HygieneFixture {
  test::TempDir dir;
  std::string repo;
  HygieneFixture() : repo(dir.path() + "/repo") {
    test::run(
        {"bash", std::string(STEPUP_SOURCE_DIR) + "/tests/fixtures/history/make-hygiene-repo.sh",
         repo},
        dir.path());
  }
  GitHistory read(int since_days = 365, bool functions = true, int min_commits = 50) const {
    HistoryConfig config;
    config.functions = functions;
    config.min_commits = min_commits;
    config.coupling_min_revs = 1;
    config.coupling_min_shared = 1;
    config.coupling_min_degree = 0;
    SystemProcessRunner runner;
    return read_history(repo, {"src/a.cpp", "src/b.cpp", "src/gen/g01.cpp"}, since_days, config,
                        runner);
  }
  std::string sha(const std::string& rev) const {
    return test::run({"git", "-C", repo, "rev-parse", rev}, repo).substr(0, 40);
  }
};

const HygieneFixture& hygiene() {
  static HygieneFixture f;
  return f;
}

}  // namespace

TEST_CASE(
    "hygiene: mass changes, whitespace, ignored revisions and non-defect fixes count nowhere") {
  for (bool functions : {true, false}) {
    INFO("functions " << functions);
    GitHistory h = hygiene().read(365, functions);
    REQUIRE(h.available);
    // a.cpp: C1 (+9), C4 fix (+1 -1), C8 typo (+1 -1), C11 Fixes: (+1 -1).
    // Not C5 (15 of 27 files: a mass change), C6 (re-indent), C12 (ignored).
    const History& a = h.files.at("src/a.cpp").stats;
    CHECK(a.commits == 4);
    CHECK(a.fix_commits == 2);
    CHECK(a.lines_added == 12);
    CHECK(a.lines_deleted == 3);
    CHECK(a.authors == 3);  // Ann C1, Bob C4 C11, Cy C8
    CHECK(a.last_change == "2026-05-01");
    // b.cpp: C1 (+4), C9 release (+1 -1), C10 revert (+1 -1), C14 delete
    // (-4), C15 re-create (+5); not C7 (CRLF), not C12 (ignored). No fix.
    const History& b = h.files.at("src/b.cpp").stats;
    CHECK(b.commits == 5);
    CHECK(b.fix_commits == 0);
    CHECK(b.lines_added == 11);
    CHECK(b.lines_deleted == 6);
    // g01: C2 only (C5 is the mass change); never coupled with a.cpp, which
    // it met only in C5. a.cpp and b.cpp share C1.
    CHECK(h.files.at("src/gen/g01.cpp").stats.commits == 1);
    REQUIRE(a.coupled.size() == 1);
    CHECK(a.coupled[0].path == "src/b.cpp");
    CHECK(a.coupled[0].shared == 1);
    // The window: 15 commits, 1 mass change, 1 ignored, 13 counted (C6, C7
    // count as commits of the window though they change no file).
    CHECK(h.window.commits == 13);
    CHECK(h.window.mass_changes == 1);
    CHECK(h.window.ignored_revs == 1);
    CHECK(h.window.since_date == "2026-01-01");
    CHECK_FALSE(h.window.widened);  // all history holds fewer than 50
    REQUIRE(h.mass_changes.size() == 1);
    CHECK(h.mass_changes[0].subject == "Reformat everything (fixes style bug)");
    CHECK(h.mass_changes[0].files == 15);
    REQUIRE(h.ignored.size() == 1);
    CHECK(h.ignored[0].sha == hygiene().sha("HEAD~3"));
    // Named fixes that are not defect fixes: C8 (typo), C10 (revert).
    REQUIRE(h.non_defect.size() == 2);
    CHECK(h.non_defect[0].subject == "Revert \"fix: wrong sign in b1\"");
    CHECK(h.non_defect[1].subject == "Fix typo in comment");
  }
}

TEST_CASE("hygiene: the abbreviated name in .git-blame-ignore-revs is said once") {
  GitHistory h = hygiene().read();
  int said = 0;
  for (const auto& d : h.diagnostics) {
    if (d.path == std::optional<std::string>(".git-blame-ignore-revs")) {
      ++said;
      CHECK(d.level == Diagnostic::Level::kWarning);
      CHECK_THAT(d.message, Catch::Contains("1 line(s) are not full object names (first: line 4)"));
    }
  }
  CHECK(said == 1);
}

TEST_CASE("hygiene: functions get no commit from whitespace, CRLF, mass or ignored commits") {
  GitHistory h = hygiene().read();
  const FileHistory& a = h.files.at("src/a.cpp");
  // f1 (HEAD 1-4): C1, C4 (fix), C8 (typo). Not C6 (re-indent), C12.
  FunctionHistory f1 = function_history(h, a, 1, 4);
  CHECK(f1.commits == 3);
  CHECK(f1.fix_commits == 1);
  // f2 (HEAD 6-10): C1 and C11 (fix). Not C5 (the mass change that split
  // its first line, whose hunks still carry C1's lines to HEAD), not C6.
  FunctionHistory f2 = function_history(h, a, 6, 10);
  CHECK(f2.commits == 2);
  CHECK(f2.fix_commits == 1);
}

TEST_CASE("hygiene: a file deleted and re-created at the same path keeps its history") {
  GitHistory h = hygiene().read();
  const FileHistory& b = h.files.at("src/b.cpp");
  // b1 (HEAD 3-5, one header line more than before the deletion): C15, C10
  // (its line 3, now 4) and C1; not C9 (line 1, now 2), not C14 (it only
  // deleted) and not C7 (CRLF).
  FunctionHistory b1 = function_history(h, b, 3, 5);
  CHECK(b1.commits == 3);
  CHECK_FALSE(b1.moved);
  // Line 2 ("// version 1.2") is C15's, which wrote the whole file, C9's
  // and C1's. Line 1, the header, is C15's, and C1's too: C1's first line
  // was rewritten by C9, so it stands for the HEAD lines before C9's
  // (the rule LineMap::map_range documents).
  CHECK(function_history(h, b, 2, 2).commits == 3);
  CHECK(function_history(h, b, 1, 1).commits == 2);
  // git's own per-path log agrees on the file's commits once C7 (whitespace)
  // and C12 (ignored) are taken out.
  std::string log = test::run(
      {"git", "-C", hygiene().repo, "log", "--no-merges", "--format=%H", "--", "src/b.cpp"},
      hygiene().repo);
  int64_t commits = std::count(log.begin(), log.end(), '\n');
  CHECK(b.stats.commits == commits - 2);
}

TEST_CASE("hygiene: a module counts distinct commits, never its files' sum") {
  GitHistory h = hygiene().read();
  // a.cpp {C1 C4 C8 C11} and b.cpp {C1 C9 C10 C14 C15}: 8 distinct, not 9.
  History m = module_history(h, {"src/a.cpp", "src/b.cpp"});
  CHECK(m.commits == 8);
  CHECK(m.fix_commits == 2);
  CHECK(m.authors == 3);
  CHECK(m.lines_added == 23);
  CHECK(m.lines_deleted == 9);
  CHECK(m.last_change == "2026-06-02");
  CHECK(m.main_author == "Ann <ann@example.com>");  // C1 C9 C14 C15
  CHECK(m.main_author_share == Approx(0.5));
  CHECK(module_history(h, {"src/none.cpp"}).commits == 0);
}

TEST_CASE("hygiene: a small window widens to the newest history.min_commits commits") {
  // HEAD is 2026-06-02; 60 days back is 2026-04-03: C10, C11, C13, C14 and
  // C15 are counted there (C12 is ignored).
  GitHistory narrow = hygiene().read(60, true, 0);
  CHECK(narrow.window.commits == 5);
  CHECK_FALSE(narrow.window.widened);
  CHECK(narrow.files.at("src/a.cpp").stats.commits == 1);  // C11
  // 8 wanted: C15 C14 C13 C11 C10 C9 C8 C7 (C12 ignored on the way).
  GitHistory wide = hygiene().read(60, true, 8);
  CHECK(wide.window.commits == 8);
  CHECK(wide.window.widened);
  CHECK(wide.window.since_date == "2026-03-05");
  CHECK(wide.window.since_days == 60);
  CHECK(wide.window.ignored_revs == 1);
  CHECK(wide.files.at("src/a.cpp").stats.commits == 2);  // C11, C8
  bool said = false;
  for (const auto& d : wide.diagnostics) {
    said |= d.level == Diagnostic::Level::kWarning &&
            d.message ==
                "only 5 commit(s) in the --since 60 window; widened to the newest 8, "
                "back to 2026-03-05 (history.min_commits is 8)";
  }
  CHECK(said);
}

TEST_CASE("hygiene: --since all, and a window reaching before 1970, read all history") {
  for (int days : {kAllHistory, 30000, 10000000}) {
    INFO(days);
    GitHistory h = hygiene().read(days, false, 0);
    CHECK(h.window.commits == 13);
    CHECK(h.window.since_days == days);
    CHECK(h.files.at("src/a.cpp").stats.commits == 4);
  }
}
