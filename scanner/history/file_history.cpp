#include "scanner/history/file_history.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <regex>

#include "scanner/common/git_command.h"
#include "scanner/history/git_log.h"

namespace stepup {
namespace {

constexpr int kInfinity = 1 << 30;

/// A piecewise map from one version's line numbers to HEAD's: lines in
/// [begin, end) map to line + delta; lines in no segment are gone at HEAD.
struct LineMap {
  struct Segment {
    int begin, end, delta;
  };
  std::vector<Segment> segments{{1, kInfinity, 0}};

  // HEAD ranges of lines [first, last] of this version: emit(b, e, exact).
  // Lines a later commit rewrote have no image of their own; they stand
  // for the HEAD lines that replaced them, between the surviving
  // neighbours (exact = false), so a function still counts the commit.
  template <typename F>
  void map_range(int first, int last, F&& emit) const {
    int prev_end_head = 0;  // HEAD line after the previous segment's last
    int cursor = first;
    for (const auto& s : segments) {
      if (s.begin > last) {
        if (cursor <= last) emit_gap(prev_end_head, s.begin + s.delta - 1, emit);
        return;
      }
      if (s.end <= first) {
        prev_end_head = s.end + s.delta;
        continue;
      }
      if (cursor < s.begin) emit_gap(prev_end_head, s.begin + s.delta - 1, emit);
      int b = std::max(first, s.begin), e = std::min(last + 1, s.end);
      if (b < e) emit(b + s.delta, e - 1 + s.delta, true);
      cursor = e;
      prev_end_head = s.end + s.delta;
    }
  }

  template <typename F>
  static void emit_gap(int lo, int hi, F&& emit) {
    if (lo < 1) lo = 1;
    if (hi >= lo) {
      emit(lo, hi, false);
    } else {
      emit(hi < 1 ? lo : hi, lo, false);  // lines deleted later: the seam
    }
  }

  // The map of the version before a commit, given the commit's hunks:
  // removed lines vanish, lines after a hunk shift by its size change.
  LineMap before(const std::vector<Hunk>& hunks) const {
    std::vector<Segment> pre_to_post;
    int cursor = 1, shift = 0;
    for (const Hunk& h : hunks) {  // git writes hunks in order
      int old_begin = h.old_count == 0 ? h.old_start + 1 : h.old_start;
      if (old_begin > cursor) pre_to_post.push_back({cursor, old_begin, shift});
      cursor = old_begin + h.old_count;
      shift += h.new_count - h.old_count;
    }
    pre_to_post.push_back({cursor, kInfinity, shift});
    LineMap out;
    out.segments.clear();
    for (const auto& p : pre_to_post) {
      for (const auto& s : segments) {
        // Post lines [p.begin+p.delta, p.end+p.delta) meet s.
        long b = std::max<long>(p.begin, static_cast<long>(s.begin) - p.delta);
        long e = std::min<long>(p.end, static_cast<long>(s.end) - p.delta);
        if (b < e) out.segments.push_back({static_cast<int>(b), static_cast<int>(e), p.delta + s.delta});
      }
    }
    return out;
  }
};

std::string utc_date(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

/// Per-file accumulation while walking the log from newest to oldest.
struct Tracked {
  std::string head_path;
  LineMap map;
};

class HistoryBuilder {
 public:
  HistoryBuilder(const std::set<std::string>& paths, const HistoryConfig& config,
                 GitHistory& out)
      : config_(config), out_(out) {
    for (const auto& p : paths) tracked_[p] = Tracked{p, LineMap{}};
  }

  void add(const Commit& c) {
    int index = static_cast<int>(out_.commits.size());
    CommitFacts facts;
    facts.fix = std::regex_search(c.message, fix_re_);
    for (const auto& f : c.files) facts.deleted += f.deleted;
    out_.commits.push_back(facts);
    std::set<std::string> touched;
    for (const FileChange& f : c.files) {
      auto it = tracked_.find(f.path);
      if (it == tracked_.end()) continue;
      Tracked t = std::move(it->second);
      tracked_.erase(it);
      FileHistory& fh = out_.files[t.head_path];
      touched.insert(t.head_path);
      History& h = fh.stats;
      if (h.commits == 0) h.last_change = utc_date(c.time);  // newest first
      ++h.commits;
      h.fix_commits += facts.fix;
      h.lines_added += f.added;
      h.lines_deleted += f.deleted;
      ++authors_[t.head_path][c.author];
      if (out_.with_functions) record_ranges(index, f, t, fh);
      if (f.created) continue;  // nothing older to follow: stop tracking
      t.map = out_.with_functions ? t.map.before(f.hunks) : t.map;
      tracked_[f.old_path] = std::move(t);  // renames: older name, same file
    }
    if (touched.size() >= 2 &&
        static_cast<int>(touched.size()) <= config_.coupling_max_changeset) {
      for (auto a = touched.begin(); a != touched.end(); ++a) {
        for (auto b = std::next(a); b != touched.end(); ++b) ++shared_[{*a, *b}];
      }
    }
  }

  void finish() {
    for (auto& [path, counts] : authors_) {
      History& h = out_.files[path].stats;
      h.authors = static_cast<int64_t>(counts.size());
      double sum_sq = 0;
      int64_t best = 0;
      for (const auto& [author, n] : counts) {  // sorted: ties go to the first name
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
  GitHistory& out_;
  std::regex fix_re_{config_.fix_pattern, std::regex::ECMAScript | std::regex::icase};
  std::map<std::string, Tracked> tracked_;  ///< by the path at the commit being read
  std::map<std::string, std::map<std::string, int64_t>> authors_;
  std::map<std::pair<std::string, std::string>, int64_t> shared_;
};

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

/// A temporary file that is removed with the object.
class TempFile {
 public:
  TempFile() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/stepup-log-XXXXXX";
    int fd = mkstemp(path_.data());
    if (fd < 0) {
      path_.clear();
    } else {
      close(fd);
    }
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  bool ok() const { return !path_.empty(); }
  const std::string& path() const { return path_; }
  std::string read() const {
    std::string text;
    std::FILE* f = std::fopen(path_.c_str(), "rb");
    if (!f) return text;
    char chunk[1 << 16];
    for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;) text.append(chunk, n);
    std::fclose(f);
    return text;
  }

 private:
  std::string path_;
};

}  // namespace

bool is_fix_message(const std::string& message, const std::string& pattern) {
  return std::regex_search(message, std::regex(pattern, std::regex::ECMAScript | std::regex::icase));
}

GitHistory read_history(const std::string& root, const std::set<std::string>& paths,
                        int since_days, const HistoryConfig& config, ProcessRunner& runner) {
  GitHistory out;
  auto say = [&](Diagnostic::Level level, const std::string& message) {
    out.diagnostics.push_back({level, "history", message, std::nullopt});
  };
  ProcessResult head = runner.run(git_command(root, {"log", "-1", "--format=%ct"}), root);
  if (!head.started) {
    say(Diagnostic::Level::kWarning, "git could not be run (" + head.err + "); no history");
    return out;
  }
  if (head.exit_code != 0) {
    say(Diagnostic::Level::kWarning,
        "no git history (" + first_line(head.err.empty() ? "no commits" : head.err) +
            "); history is null");
    return out;
  }
  int64_t head_time = std::atoll(head.out.c_str());
  int64_t since = head_time - static_cast<int64_t>(since_days) * 86400;
  ProcessResult shallow = runner.run(git_command(root, {"rev-parse", "--is-shallow-repository"}), root);
  if (shallow.out.rfind("true", 0) == 0) {
    say(Diagnostic::Level::kWarning,
        "shallow clone: history is partial (fetch with --unshallow or fetch-depth: 0)");
  }
  out.with_functions = config.functions;
  std::vector<std::string> argv = git_command(root, {"-c", "core.quotePath=true", "log",
                                   "--no-merges", "-M", "--no-color", "--no-ext-diff", "--no-textconv",
                                   "--since=@" + std::to_string(since), kLogFormat});
  if (config.functions) {
    // Explicit prefixes: a user's diff.noprefix must not change the output.
    argv.insert(argv.end(), {"-p", "-U0", "--src-prefix=a/", "--dst-prefix=b/"});
  } else {
    argv.insert(argv.end(), {"-z", "--numstat"});
  }
  // git writes its log in many small pieces; through a pipe every piece
  // wakes this process (20,000 context switches on a 20,000-commit log).
  // Written to a temporary file it is read in one go.
  TempFile out_file;
  if (out_file.ok()) argv.push_back("--output=" + out_file.path());
  ProcessResult log = runner.run(argv, root);
  if (out_file.ok()) log.out = out_file.read();
  std::string error;
  std::vector<Commit> commits = config.functions ? parse_patch_log(log.out, &error)
                                                 : parse_numstat_log(log.out, &error);
  if (log.exit_code != 0) {
    // A partial clone or a damaged mirror: keep what was read, name the commit.
    std::string last = commits.empty() ? "none" : commits.back().sha;
    say(Diagnostic::Level::kWarning, "git log stopped early (" + first_line(log.err) +
                                         "); history read up to commit " + last);
  }
  if (!error.empty()) say(Diagnostic::Level::kWarning, "git log output: " + error);
  out.available = true;
  HistoryBuilder builder(paths, config, out);
  for (const Commit& c : commits) builder.add(c);
  builder.finish();
  return out;
}

FunctionHistory function_history(const GitHistory& history, const FileHistory& file, int first,
                                 int last) {
  FunctionHistory h;
  std::set<int> commits;
  for (const HeadRange& r : file.ranges) {
    if (r.last < first || r.first > last) continue;
    commits.insert(r.commit);
    // Moved code: one commit added every line of the function and removed
    // at least as many lines elsewhere.
    if (r.added && r.first <= first && r.last >= last &&
        history.commits[r.commit].deleted >= last - first + 1) {
      h.moved = true;
    }
  }
  h.commits = static_cast<int64_t>(commits.size());
  for (int c : commits) h.fix_commits += history.commits[c].fix;
  return h;
}

}  // namespace stepup
