#include "scanner/history/file_history.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <optional>

#include "scanner/history/commit_class.h"
#include "scanner/history/history_builder.h"
#include "scanner/history/log_reader.h"

namespace stepup {
namespace {

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

std::string utc_day(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

/// How read_history sorts a commit.
enum class Kind { kCounted, kMassChange, kIgnored };

struct Sorted {
  std::vector<Kind> kinds;
  int64_t counted = 0;
};

Sorted sort_commits(const std::vector<Commit>& commits, int64_t repo_files,
                    const IgnoreRevs& ignore, const HistoryConfig& config) {
  Sorted s;
  for (const Commit& c : commits) {
    Kind k = Kind::kCounted;
    if (ignore.shas.count(c.sha)) {
      k = Kind::kIgnored;
    } else if (is_mass_change(static_cast<int64_t>(c.files.size()), repo_files, config)) {
      k = Kind::kMassChange;
    }
    s.counted += k == Kind::kCounted;
    s.kinds.push_back(k);
  }
  return s;
}

// Keeps the newest commits up to and including the want-th counted one.
void keep_newest(std::vector<Commit>& commits, Sorted& sorted, int64_t want) {
  int64_t seen = 0;
  for (size_t i = 0; i < commits.size(); ++i) {
    seen += sorted.kinds[i] == Kind::kCounted;
    if (seen == want) {
      commits.resize(i + 1);
      sorted.kinds.resize(i + 1);
      sorted.counted = want;
      return;
    }
  }
}

/// Runs and sorts the git logs read_history needs.
struct Reader {
  const std::string& root;
  const HistoryConfig& config;
  RepoFacts repo;
  IgnoreRevs ignore;
  ProcessRunner& runner;

  LogRead read(std::optional<int64_t> since, size_t max_count, Sorted& sorted) const {
    LogRead log = read_log(root, config, since, max_count, runner);
    sorted = sort_commits(log.commits, repo.tracked_files, ignore, config);
    return log;
  }

  // The newest history.min_commits counted commits, whatever their age:
  // logs of growing length until they hold that many or all history.
  LogRead widen(size_t in_window, Sorted& sorted) const {
    int64_t want = config.min_commits;
    LogRead log;
    for (size_t max = in_window + 2 * static_cast<size_t>(want);; max *= 4) {
      log = read(std::nullopt, max, sorted);
      if (sorted.counted >= want || log.commits.size() < max || !log.error.empty()) break;
    }
    keep_newest(log.commits, sorted, want);
    return log;
  }
};

std::string window_name(int since_days) {
  return since_days == kAllHistory ? std::string("all history")
                                   : "--since " + std::to_string(since_days) + " window";
}

// Fills out.window, the notes of left-out commits and says what was read;
// returns which commits are defect fixes.
std::vector<bool> describe(const std::vector<Commit>& commits, const Sorted& sorted,
                           const HistoryConfig& config, int64_t repo_files, GitHistory& out) {
  FixClassifier classifier(config);
  std::vector<bool> fixes(commits.size(), false);
  HistoryWindow& w = out.window;
  for (size_t i = 0; i < commits.size(); ++i) {
    const Commit& c = commits[i];
    CommitNote note{c.sha, first_line(c.message), static_cast<int64_t>(c.files.size())};
    if (sorted.kinds[i] == Kind::kIgnored) {
      ++w.ignored_revs;
      out.ignored.push_back(note);
    } else if (sorted.kinds[i] == Kind::kMassChange) {
      ++w.mass_changes;
      out.mass_changes.push_back(note);
    } else {
      ++w.commits;
      w.since_date = utc_day(c.time);  // newest first: the last one is the oldest
      MessageParts parts = split_message(c.message);
      if (classifier.names_fix(parts)) {
        bool non_defect = classifier.non_defect(parts);
        fixes[i] = !non_defect;
        if (non_defect) out.non_defect.push_back(note);
      }
    }
  }
  if (w.mass_changes > 0) {
    out.diagnostics.push_back(
        {Diagnostic::Level::kInfo, "history",
         std::to_string(w.mass_changes) + " mass change(s) left out of every count (more than " +
             std::to_string(config.max_changeset_files) + " files, or more than " +
             std::to_string(static_cast<int>(config.max_changeset_share * 100)) + "% of the " +
             std::to_string(repo_files) + " files tracked at HEAD)",
         std::nullopt});
  }
  return fixes;
}

}  // namespace

bool is_fix_message(const std::string& message, const HistoryConfig& config) {
  return FixClassifier(config).is_fix(message);
}

GitHistory read_history(const std::string& root, const std::set<std::string>& paths, int since_days,
                        const HistoryConfig& config, ProcessRunner& runner) {
  GitHistory out;
  std::optional<RepoFacts> repo = read_repo_facts(root, runner, out.diagnostics);
  if (!repo) return out;
  out.with_functions = config.functions;
  out.window.since_days = since_days;
  Reader reader{root, config, *repo, read_ignore_revs(root, out.diagnostics), runner};
  std::optional<int64_t> since;
  if (since_days != kAllHistory) {
    int64_t t = repo->head_time - static_cast<int64_t>(since_days) * 86400;
    if (t > 0) since = t;  // before 1970: git's --since reads nothing, so all of it
  }
  Sorted sorted;
  LogRead log = reader.read(since, 0, sorted);
  int64_t in_window = sorted.counted;
  if (since && sorted.counted < config.min_commits) {
    log = reader.widen(log.commits.size(), sorted);
    out.window.widened = sorted.counted > in_window;
  }
  for (auto& d : log.diagnostics) out.diagnostics.push_back(std::move(d));
  out.available = true;
  std::vector<bool> fixes = describe(log.commits, sorted, config, repo->tracked_files, out);
  if (out.window.widened) {
    out.diagnostics.push_back({Diagnostic::Level::kWarning, "history",
                               "only " + std::to_string(in_window) + " commit(s) in the " +
                                   window_name(since_days) + "; widened to the newest " +
                                   std::to_string(sorted.counted) + ", back to " +
                                   out.window.since_date + " (history.min_commits is " +
                                   std::to_string(config.min_commits) + ")",
                               std::nullopt});
  }
  std::vector<bool> counted;
  for (Kind k : sorted.kinds) counted.push_back(k == Kind::kCounted);
  build_history(log.commits, counted, fixes, paths, config, BlobDiffer(root, runner), out);
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

History module_history(const GitHistory& history, const std::vector<std::string>& paths) {
  History m;
  std::set<int> commits;
  for (const auto& path : paths) {
    auto it = history.files.find(path);
    if (it == history.files.end()) continue;
    const History& s = it->second.stats;
    m.lines_added += s.lines_added;
    m.lines_deleted += s.lines_deleted;
    m.last_change = std::max(m.last_change, s.last_change);
    commits.insert(it->second.commits.begin(), it->second.commits.end());
  }
  std::map<std::string, int64_t> by_author;
  for (int c : commits) {
    m.fix_commits += history.commits[c].fix;
    ++by_author[history.authors[history.commits[c].author]];
  }
  m.commits = static_cast<int64_t>(commits.size());
  set_author_stats(m, by_author);
  return m;
}

}  // namespace stepup
