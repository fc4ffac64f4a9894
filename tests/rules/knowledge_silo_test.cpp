#include "rules/knowledge_silo.h"

#include <catch2/catch.hpp>

#include "tests/rules/signals.h"

using namespace stepup;
using namespace stepup::test;

namespace {

const RuleOptions kOpts = default_options(knowledge_silo_info());

FileFacts authored(const std::string& path, const std::string& module, const std::string& who,
                   int64_t commits, double share, const std::string& last = "2026-10-01") {
  FileFacts f = file(path, module);
  f.history = file_history(commits, 0);
  f.history->main_author = who;
  f.history->main_author_share = share;
  f.history->authors = share < 1 ? 2 : 1;
  f.history->last_change = last;
  return f;
}

/// src/store: Chen's two files; src/net: shared by others, the newest change.
Report repo(int64_t store_commits, double share, const std::string& last = "2026-10-01") {
  return report({authored("src/net/http.cc", "src/net", "Bruno", 10, 0.4, "2026-10-27"),
                 authored("src/store/a.cc", "src/store", "Chen", store_commits, share, last),
                 authored("src/store/b.cc", "src/store", "Chen", 4, 1.0, last)});
}

int score(const Report& r) {
  auto c = knowledge_silo(r, kOpts);
  return c.empty() ? 0 : c[0].score;
}

}  // namespace

TEST_CASE("knowledge-silo fires on an active module one author holds") {
  auto c = knowledge_silo(repo(12, 0.9), kOpts);
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == "pair");
  CHECK(c[0].target.module == "src/store");
  CHECK(c[0].title == "Spread the knowledge of src/store: pair with Chen");
  // Chen: 12 * 0.9 + 4 = 14.8 of 16 changes = 92.5%.
  CHECK(c[0].why[0] == "Chen made 93% of the module's 16 file changes in the history window");
  CHECK(c[0].why[1] ==
        "last changed 2026-10-01, 26 days before the newest change of any scanned file");
  CHECK(c[0].why[2] == "most changed file: src/store/a.cc (12 commits)");
  // 30 + 70 * (1 - exp(-0.925 * (16 - 8) / 20)) = 51.6 -> 52.
  CHECK(c[0].score == 52);
  CHECK(c[0].newcomer_friendly);
}

TEST_CASE("knowledge-silo stays quiet on shared, quiet, settled or solo code") {
  CHECK(knowledge_silo(repo(12, 0.5), kOpts).empty());                // (6 + 4) / 16 = 62%
  CHECK(knowledge_silo(repo(3, 1.0), kOpts).empty());                 // 7 changes
  CHECK(knowledge_silo(repo(12, 0.9, "2026-05-01"), kOpts).empty());  // 179 days idle
  Report solo = report({authored("src/a/x.cc", "src/a", "Sam", 20, 1.0),
                        authored("src/b/y.cc", "src/b", "Sam", 20, 1.0)});
  CHECK(knowledge_silo(solo, kOpts).empty());
  Report no_history = repo(12, 0.9);
  no_history.signals.history = false;
  CHECK(knowledge_silo(no_history, kOpts).empty());
}

TEST_CASE("knowledge-silo's score rises with activity and the author's share") {
  int base = score(repo(12, 0.9));
  CHECK(score(repo(20, 0.9)) > base);
  CHECK(score(repo(12, 1.0)) > base);
}
