// The builder on hand-made commits: what counts, and that a commit is
// counted once however many times it lists a file.
#include "scanner/history/history_builder.h"

#include <catch2/catch.hpp>

using namespace stepup;

namespace {

FileChange change(const std::string& path, int64_t added, int64_t deleted) {
  FileChange f;
  f.path = f.old_path = path;
  f.added = added;
  f.deleted = deleted;
  return f;
}

Commit commit(const std::string& author, int64_t time, std::vector<FileChange> files) {
  Commit c;
  c.sha = std::string(40, 'a');
  c.author = author;
  c.time = time;
  c.files = std::move(files);
  return c;
}

GitHistory build(const std::vector<Commit>& commits, const std::vector<bool>& counted,
                 const std::vector<bool>& fix) {
  GitHistory out;
  HistoryConfig config;
  config.coupling_min_revs = config.coupling_min_shared = 1;
  config.coupling_min_degree = 0;
  BlobDiff none = [](const std::string&, const std::string&) {
    return std::optional<std::vector<Hunk>>();
  };
  build_history(commits, counted, fix, {"a.cc", "b.cc"}, config, none, out);
  return out;
}

}  // namespace

TEST_CASE("builder: a file listed twice in one commit is one commit of it") {
  // 1700000000 is 2023-11-14.
  GitHistory h = build({commit("A", 1700000000, {change("a.cc", 2, 1), change("a.cc", 3, 0)})},
                       {true}, {true});
  const History& a = h.files.at("a.cc").stats;
  CHECK(a.commits == 1);
  CHECK(a.fix_commits == 1);
  CHECK(a.lines_added == 5);  // lines add up
  CHECK(a.lines_deleted == 1);
  CHECK(a.authors == 1);
  CHECK(a.last_change == "2023-11-14");
}

TEST_CASE("builder: uncounted commits, mode-only changes and their coupling count nowhere") {
  FileChange mode = change("b.cc", 0, 0);  // a chmod: listed, no content change
  GitHistory h = build({commit("A", 1700000000, {change("a.cc", 1, 1), change("b.cc", 1, 1)}),
                        commit("B", 1600000000, {change("a.cc", 1, 1), mode}),
                        commit("C", 1500000000, {change("a.cc", 4, 0), change("b.cc", 4, 0)})},
                       {false, true, true}, {false, true, false});
  const History& a = h.files.at("a.cc").stats;
  CHECK(a.commits == 2);  // B and C; A is a mass change
  CHECK(a.fix_commits == 1);
  CHECK(a.lines_added == 5);
  CHECK(a.last_change == "2020-09-13");  // B's date: A's does not count
  const History& b = h.files.at("b.cc").stats;
  CHECK(b.commits == 1);  // C: B only changed its mode
  REQUIRE(a.coupled.size() == 1);
  CHECK(a.coupled[0].shared == 1);  // C alone
  CHECK(h.commits.size() == 3);
  CHECK_FALSE(h.commits[0].counted);
  CHECK_FALSE(h.commits[0].fix);
  CHECK(h.authors.size() == 3);
}

TEST_CASE("set_author_stats: share and fragmentation from commits per author") {
  History h;
  h.commits = 4;
  set_author_stats(h, {{"Ann", 2}, {"Bob", 1}, {"Cy", 1}});
  CHECK(h.authors == 3);
  CHECK(h.main_author == "Ann");
  CHECK(h.main_author_share == Approx(0.5));
  CHECK(h.fragmentation == Approx(1 - (0.25 + 0.0625 + 0.0625)));
  History none;
  set_author_stats(none, {});
  CHECK(none.authors == 0);
  CHECK(none.main_author.empty());
}
