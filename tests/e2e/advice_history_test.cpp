// End to end: the advice fixture's history (tests/fixtures/advice/make-repo.sh
// scripts it with fixed dates). git, run here, less the commits issue 12
// excludes (mass changes, whitespace-only and .git-blame-ignore-revs
// commits, non-defect "fixes"), gives the hand counts; stepup's per-file
// counts and the fix commits it states must be git's.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/advice_fixture.h"
#include "tests/support/temp_repo.h"

using stepup::test::read_text;
using stepup::test::run;
using namespace stepup::test::advice;

namespace {

/// Per file: the commits git lists for it and how many fix a defect, with
/// the exclusions of issue 12 spelled out.
struct GitCounts {
  int commits = 0, fixes = 0;
  bool operator==(const GitCounts& o) const { return commits == o.commits && fixes == o.fixes; }
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty()) out.push_back(l);
  }
  return out;
}

/// A defect fix: the subject names a fix (the words of the default
/// fix_pattern) or a "Fixes:" trailer does, and the subject is no revert
/// and no fix of the build, warnings, a typo, style, formatting, lint, CI
/// or docs.
bool defect_fix(const std::string& subject, const std::string& fixes_trailer) {
  static const std::regex fix(
      R"((^|[^A-Za-z0-9_])(fix(e[sd]|ing)?|bugs?|bugfix(es)?|hotfix(es)?|crash(es|ed)?|regressions?)([^A-Za-z0-9_]|$))",
      std::regex::icase);
  static const std::regex not_a_defect(
      R"((^|[^A-Za-z0-9_])(build|warnings?|-W[a-z-]+|typos?|style|format(ting)?|lint|ci|docs?)([^A-Za-z0-9_]|$))",
      std::regex::icase);
  if (subject.rfind("Revert ", 0) == 0) return false;
  if (std::regex_search(subject, not_a_defect)) return false;
  return std::regex_search(subject, fix) || !fixes_trailer.empty();
}

struct GitHistory {
  std::map<std::string, GitCounts> files;
  std::map<std::string, std::set<std::string>> fix_shas;  ///< per file
  int mass_changes = 0, ignored = 0;
};

const GitHistory& git_history() {
  static const GitHistory h = [] {
    GitHistory out;
    const std::string repo = fixture().repo;
    auto git = [&](std::vector<std::string> args) {
      args.insert(args.begin(), {"git", "-C", repo, "-c", "core.quotePath=false"});
      return run(args, repo);
    };
    std::set<std::string> ignored;  // git's own convention
    for (const std::string& l : lines_of(source(".git-blame-ignore-revs"))) {
      if (l[0] != '#') ignored.insert(l);
    }
    for (const std::string& sha : lines_of(git({"rev-list", "--no-merges", "HEAD"}))) {
      const std::string subject = lines_of(git({"log", "-1", "--format=%s", sha})).at(0);
      const std::string trailer =
          git({"log", "-1", "--format=%(trailers:key=Fixes,valueonly)", sha});
      const std::vector<std::string> changed =
          lines_of(git({"show", "--format=", "--name-only", sha}));
      const size_t tree = lines_of(git({"ls-tree", "-r", "--name-only", sha})).size();
      // Mass change: more than 50 files, or more than half of a repo of at
      // least 20 files (history.max_changeset_files).
      const bool mass = changed.size() > 50 || (tree >= 20 && 2 * changed.size() > tree);
      out.mass_changes += mass;
      out.ignored += ignored.count(sha) > 0;
      if (mass || ignored.count(sha)) continue;
      // Files whose change is whitespace only drop out of a -w diff.
      std::set<std::string> real;
      for (const std::string& l : lines_of(git({"show", "-w", "--format=", "--numstat", sha}))) {
        real.insert(l.substr(l.rfind('\t') + 1));
      }
      const bool fix = defect_fix(subject, lines_of(trailer).empty() ? "" : "Fixes");
      for (const std::string& path : changed) {
        if (!real.count(path)) continue;
        ++out.files[path].commits;
        if (fix) {
          ++out.files[path].fixes;
          out.fix_shas[path].insert(sha);
        }
      }
    }
    return out;
  }();
  return h;
}

/// The production files of src/net (README.md, "Roles").
const char* const kNetProduction[] = {
    "src/net/io.h",      "src/net/io.cc",           "src/net/server.h",
    "src/net/server.cc", "src/net/ledgerd_main.cc", "src/net/client.h",
    "src/net/client.cc"};

/// The distinct defect-fix commits that touched src/net's production files.
std::set<std::string> net_fix_commits() {
  std::set<std::string> shas;
  for (const char* path : kNetProduction) {
    auto it = git_history().fix_shas.find(path);
    if (it != git_history().fix_shas.end()) shas.insert(it->second.begin(), it->second.end());
  }
  return shas;
}

/// The history as git gives it, with the exclusions spelled out, holds the
/// hand-computed counts of README.md.
void git_history_holds_the_hand_counts() {
  const GitHistory& git = git_history();
  // One mass change (the clang-format commit), two revisions in
  // .git-blame-ignore-revs.
  CHECK(git.mass_changes == 1);
  CHECK(git.ignored == 2);
  // Hand-computed from make-repo.sh's commits (README.md, "History").
  const std::map<std::string, GitCounts> hand = {
      {"src/store/store.cc", {6, 2}},      {"src/store/store.h", {6, 2}},
      {"src/store/compaction.cc", {5, 2}}, {"src/store/manifest.cc", {3, 1}},
      {"src/store/record.cc", {1, 0}},     {"src/net/server.cc", {8, 3}},
      {"src/net/io.cc", {2, 1}},           {"src/net/client.cc", {2, 0}},
      {"src/util/coding.cc", {2, 0}},      {"src/tools/dump.cc", {1, 0}},
      {"bench/fetch_bench.cc", {2, 1}}};
  for (const auto& [path, counts] : hand) {
    INFO(path);
    CHECK(git.files.at(path).commits == counts.commits);
    CHECK(git.files.at(path).fixes == counts.fixes);
  }
  // src/net's production files: 3 distinct fix commits (14, 22, 28), which
  // its files' counts add up to 4 (14 touched io.cc and server.cc).
  CHECK(net_fix_commits().size() == 3);
  int sum = 0;
  for (const char* path : kNetProduction)
    sum += git.files.count(path) ? git.files.at(path).fixes : 0;
  CHECK(sum == 4);
}

/// Fix and commit counts are git's, less the excluded commits.
void history_counts() {
  const GitHistory& git = git_history();
  const Json& r = report();
  int compared = 0;
  for (const Json& f : r["files"]) {
    const std::string path = f["path"];
    INFO(path);
    REQUIRE(f["history"].is_object());
    const GitCounts want = git.files.count(path) ? git.files.at(path) : GitCounts{};
    CHECK(f["history"]["commits"] == want.commits);
    CHECK(f["history"]["fix_commits"] == want.fixes);
    ++compared;
  }
  CHECK(compared == 39);  // every C++ file, as in roles()

  // The window says what it left out.
  const Json& window = r["history"]["window"];
  CHECK(window.is_object());
  if (window.is_object()) {
    CHECK(window["mass_changes"] == 1);
    CHECK(window["ignored_revs"] == 2);
  }

  // A module's fix count is a count of distinct commits. Where the report
  // states it: the module's history when it has one, else the "N bug-fix
  // commits" of its uninstrumented-module task.
  std::optional<int> stated;
  for (const Json& m : r["modules"]) {
    if (m["name"] == "src/net" && m.contains("history") && m["history"].is_object()) {
      stated = m["history"]["fix_commits"].get<int>();
    }
  }
  for (const Json* c : candidates_where("rule", "uninstrumented-module")) {
    if (stated || (*c)["target"]["module"] != "src/net") continue;
    std::smatch m;
    for (const Json& why : (*c)["why"]) {
      const std::string w = why;
      if (std::regex_search(w, m, std::regex(R"((\d+) bug-fix commits?)")))
        stated = std::stoi(m[1]);
    }
  }
  REQUIRE(stated.has_value());
  CHECK(*stated == static_cast<int>(net_fix_commits().size()));
}

}  // namespace

TEST_CASE("advice fixture: git, less the excluded commits, gives the hand counts",
          "[e2e][advice]") {
  git_history_holds_the_hand_counts();
}

TEST_CASE("advice fixture: fix and commit counts are git's, less the excluded commits",
          "[e2e][advice]") {
  history_counts();
}
