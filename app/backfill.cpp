#include "app/backfill.h"

#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include "app/history_db.h"
#include "model/errors.h"
#include "scanner/common/git_command.h"
#include "scanner/trend/store.h"

namespace fs = std::filesystem;

namespace stepup {
namespace {

// The n newest first-parent commits from HEAD, newest first.
std::vector<std::string> last_commits(const std::string& root, int n, ProcessRunner& runner) {
  ProcessResult r = runner.run(
      git_command(root, {"rev-list", "--first-parent", "--max-count=" + std::to_string(n), "HEAD"}),
      root);
  if (!r.started || r.exit_code != 0) {
    throw InputError(root + ": --backfill: git rev-list failed (" + r.err + ")");
  }
  std::vector<std::string> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

/// The scratch worktree: made in a fresh folder under $TMPDIR, removed
/// (and unregistered from the repository) when it goes out of scope.
class ScratchWorktree {
 public:
  ScratchWorktree(const std::string& root, const std::string& commit, ProcessRunner& runner)
      : root_(root), runner_(runner) {
    std::string tmpl = (fs::temp_directory_path() / "stepup-backfill-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) {
      throw InputError("--backfill: cannot make a scratch folder under " +
                       fs::temp_directory_path().string());
    }
    scratch_ = tmpl;
    path_ = scratch_ + "/tree";
    ProcessResult r = runner_.run(
        git_command(root_, {"worktree", "add", "--detach", "--quiet", path_, commit}), root_);
    if (!r.started || r.exit_code != 0) {
      std::error_code ec;
      fs::remove_all(scratch_, ec);
      throw InputError(root_ + ": --backfill: git worktree add failed (" + r.err + ")");
    }
  }
  ~ScratchWorktree() {
    runner_.run(git_command(root_, {"worktree", "remove", "--force", path_}), root_);
    std::error_code ec;
    fs::remove_all(scratch_, ec);
    runner_.run(git_command(root_, {"worktree", "prune"}), root_);
  }
  ScratchWorktree(const ScratchWorktree&) = delete;
  ScratchWorktree& operator=(const ScratchWorktree&) = delete;

  const std::string& path() const { return path_; }
  void check_out(const std::string& commit) {
    ProcessResult r = runner_.run(
        git_command(path_, {"checkout", "--detach", "--quiet", "--force", commit}), path_);
    if (!r.started || r.exit_code != 0) {
      throw InputError(root_ + ": --backfill: git checkout " + commit + " failed (" + r.err + ")");
    }
  }

 private:
  std::string root_, scratch_, path_;
  ProcessRunner& runner_;
};

// A path given for the checkout (REPO, --path), moved into the worktree.
std::string in_worktree(const std::string& path, const std::string& root, const std::string& tree) {
  fs::path rel = fs::absolute(path).lexically_normal().lexically_relative(root);
  if (rel.empty() || rel == ".") return tree;
  return (fs::path(tree) / rel).string();
}

}  // namespace

BackfillStats backfill_history(const ScanOptions& options, const std::string& root,
                               const std::string& db, int n, ProcessRunner& runner) {
  BackfillStats stats;
  std::vector<std::string> commits = last_commits(root, n, runner);
  stats.missing = n - static_cast<int>(commits.size());
  if (stats.missing > 0) {
    std::fprintf(stderr,
                 "stepup: warning: history: --backfill %d: the history has only %zu commit(s) "
                 "from HEAD (a shallow clone?)\n",
                 n, commits.size());
  }
  if (commits.size() <= 1) return stats;
  ScanOptions o = options;
  o.coverage.clear();
  o.coverage_build.clear();
  o.profiles.clear();
  o.errors.clear();
  o.findings.clear();
  o.compile_commands.clear();
  o.baseline.clear();
  o.diff_base.clear();
  o.progress = nullptr;
  o.preloaded = nullptr;  // stepup merge: the shards describe HEAD only
  std::fprintf(stderr,
               "stepup: history: backfilling %zu commit(s) before HEAD in a scratch worktree, "
               "without coverage, evidence, -p, --baseline or --diff-base (they describe the "
               "checkout)\n",
               commits.size() - 1);
  // A commit with a row already keeps it: that row may come from a full
  // scan with coverage (a CI run), which a backfilled one would replace
  // with less. It also saves the scan.
  std::set<std::string> stored;
  for (const TrendRow& row : read_trend(db)) stored.insert(row.commit);
  ScratchWorktree tree(root, commits.back(), runner);
  o.repo = in_worktree(options.repo, root, tree.path());
  for (std::string& p : o.paths) p = in_worktree(p, root, tree.path());
  for (size_t i = commits.size(); i-- > 1;) {
    const std::string& sha = commits[i];
    if (stored.count(sha)) {
      ++stats.kept;
      continue;
    }
    tree.check_out(sha);
    ScanResult result;
    try {
      result = run_scan(o, runner);
    } catch (const InputError& e) {
      ++stats.failed;
      std::fprintf(stderr, "stepup: warning: history: %.12s not backfilled: %s\n", sha.c_str(),
                   e.what());
      continue;
    }
    append_trend_row(db, scan_row(result, runner));
    ++stats.scanned;
    std::fprintf(stderr, "stepup: history: backfilled %.12s (%d/%zu)\n", sha.c_str(),
                 stats.scanned + stats.failed + stats.kept, commits.size() - 1);
  }
  if (stats.kept > 0) {
    std::fprintf(stderr,
                 "stepup: history: %d commit(s) already had a row, kept as stored (a new "
                 "file scans them again)\n",
                 stats.kept);
  }
  return stats;
}

}  // namespace stepup
