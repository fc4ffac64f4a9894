#include "scanner/history/history_builder.h"

#include <algorithm>
#include <ctime>

#include "scanner/history/line_map.h"

namespace stepup {
namespace {

std::string utc_date(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// A change git lists but that changes nothing a reader sees (a mode change;
// whitespace-only changes are not listed at all under -w) does not count.
bool changes_content(const FileChange& f) {
  return f.added > 0 || f.deleted > 0 || f.binary || f.created || f.removed || f.old_path != f.path;
}

/// A file of HEAD, followed back through the log.
struct Tracked {
  std::string head_path;
  LineMap map;
  /// Past the commit that created the path: the created version's map and
  /// blob, until an older commit that deleted the path is met.
  std::optional<LineMap> recreated_map;
  std::string recreated_blob;
};

class HistoryBuilder {
 public:
  HistoryBuilder(const std::set<std::string>& paths, const HistoryConfig& config,
                 const BlobDiff& blob_diff, GitHistory& out)
      : config_(config), blob_diff_(blob_diff), out_(out) {
    for (const auto& p : paths) tracked_[p] = Tracked{p, LineMap{}, std::nullopt, ""};
  }

  void add(const Commit& c, bool counted, bool fix) {
    int index = static_cast<int>(out_.commits.size());
    CommitFacts facts;
    facts.counted = counted;
    facts.fix = counted && fix;
    facts.author = author_id(c.author);
    for (const auto& f : c.files) facts.deleted += f.deleted;
    out_.commits.push_back(facts);
    std::set<std::string> touched;
    for (const FileChange& f : c.files) {
      auto it = tracked_.find(f.path);
      if (it == tracked_.end()) continue;
      Tracked t = std::move(it->second);
      tracked_.erase(it);
      if (counted && changes_content(f)) {
        FileHistory& fh = out_.files[t.head_path];
        count(index, c, f, facts.fix, t.head_path, fh);
        touched.insert(t.head_path);
        if (out_.with_functions) record_ranges(index, f, t, fh);
      }
      follow(f, std::move(t));
    }
    if (touched.size() >= 2 && static_cast<int>(touched.size()) <= config_.coupling_max_changeset) {
      for (auto a = touched.begin(); a != touched.end(); ++a) {
        for (auto b = std::next(a); b != touched.end(); ++b) ++shared_[{*a, *b}];
      }
    }
  }

  void finish() {
    for (auto& [path, counts] : authors_) set_author_stats(out_.files[path].stats, counts);
    for (const auto& [pair, shared] : shared_) {
      History& a = out_.files[pair.first].stats;
      History& b = out_.files[pair.second].stats;
      if (a.commits < config_.coupling_min_revs || b.commits < config_.coupling_min_revs ||
          shared < config_.coupling_min_shared) {
        continue;
      }
      double degree = static_cast<double>(shared) / ((a.commits + b.commits) / 2.0);
      if (degree < config_.coupling_min_degree) continue;
      a.coupled.push_back({pair.second, shared, degree});
      b.coupled.push_back({pair.first, shared, degree});
    }
    for (auto& [path, fh] : out_.files) {
      auto& c = fh.stats.coupled;
      std::sort(c.begin(), c.end(), [](const Coupling& x, const Coupling& y) {
        return x.degree != y.degree ? x.degree > y.degree : x.path < y.path;
      });
    }
  }

 private:
  int author_id(const std::string& author) {
    auto [it, inserted] = author_ids_.emplace(author, static_cast<int>(out_.authors.size()));
    if (inserted) out_.authors.push_back(author);
    return it->second;
  }

  // One commit's change to one file; a commit that lists the file twice
  // is still one commit of it.
  void count(int index, const Commit& c, const FileChange& f, bool fix, const std::string& head,
             FileHistory& fh) {
    History& h = fh.stats;
    h.lines_added += f.added;
    h.lines_deleted += f.deleted;
    if (!fh.commits.empty() && fh.commits.back() == index) return;
    fh.commits.push_back(index);
    if (h.commits == 0) h.last_change = utc_date(c.time);  // newest first
    ++h.commits;
    h.fix_commits += fix;
    ++authors_[head][c.author];
  }

  // Carries the file to its name and line numbers before this commit.
  void follow(const FileChange& f, Tracked t) {
    if (out_.with_functions) {
      if (f.created) {
        // Nothing of the created version is older: unless an older commit
        // deleted the same path, whose version then comes back.
        t.recreated_map = std::move(t.map);
        t.recreated_blob = f.new_blob;
        t.map = LineMap::none();
      } else if (f.removed && t.recreated_map) {
        t.map = *t.recreated_map;
        if (f.old_blob != t.recreated_blob) {
          auto hunks = blob_diff_(f.old_blob, t.recreated_blob);
          t.map = hunks ? t.map.before(*hunks) : LineMap::none();
        }
        t.recreated_map.reset();
      } else {
        t.map = t.map.before(f.hunks);
      }
    }
    std::string older = f.created ? f.path : f.old_path;
    tracked_[older] = std::move(t);  // renames: older name, same file
  }

  // The lines this commit wrote, in HEAD's numbers. A pure deletion marks
  // the line it happened at.
  void record_ranges(int index, const FileChange& f, const Tracked& t, FileHistory& fh) {
    for (const Hunk& h : f.hunks) {
      int first = h.new_count == 0 ? h.new_start + 1 : h.new_start;
      int last = h.new_count == 0 ? first : first + h.new_count - 1;
      bool added = h.new_count > 0;
      t.map.map_range(first, last, [&](int b, int e, bool exact) {
        fh.ranges.push_back({index, b, e, added && exact});
      });
      if (h.new_count == 0 && first > 1) {  // a deletion also touches the line before
        t.map.map_range(first - 1, first - 1, [&](int b, int e, bool) {
          fh.ranges.push_back({index, b, e, false});
        });
      }
    }
  }

  const HistoryConfig& config_;
  const BlobDiff& blob_diff_;
  GitHistory& out_;
  std::map<std::string, Tracked> tracked_;  ///< by the path at the commit being read
  std::map<std::string, int> author_ids_;
  std::map<std::string, std::map<std::string, int64_t>> authors_;
  std::map<std::pair<std::string, std::string>, int64_t> shared_;
};

}  // namespace

void set_author_stats(History& h, const std::map<std::string, int64_t>& commits_by_author) {
  h.authors = static_cast<int64_t>(commits_by_author.size());
  if (h.commits == 0) return;
  double sum_sq = 0;
  int64_t best = 0;
  for (const auto& [author, n] : commits_by_author) {  // sorted: ties go to the first name
    double share = static_cast<double>(n) / static_cast<double>(h.commits);
    sum_sq += share * share;
    if (n > best) {
      best = n;
      h.main_author = author;
    }
  }
  h.main_author_share = static_cast<double>(best) / static_cast<double>(h.commits);
  h.fragmentation = 1 - sum_sq;
}

void build_history(const std::vector<Commit>& commits, const std::vector<bool>& counted,
                   const std::vector<bool>& fix, const std::set<std::string>& paths,
                   const HistoryConfig& config, const BlobDiff& blob_diff, GitHistory& out) {
  HistoryBuilder builder(paths, config, blob_diff, out);
  for (size_t i = 0; i < commits.size(); ++i) builder.add(commits[i], counted[i], fix[i]);
  builder.finish();
}

}  // namespace stepup
