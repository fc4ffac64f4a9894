// The git processes history runs: HEAD's facts, the one `git log` over the
// window, .git-blame-ignore-revs, and the rare diff of two blobs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/config.h"
#include "model/report.h"
#include "scanner/common/process.h"
#include "scanner/history/commit_class.h"
#include "scanner/history/git_log.h"

namespace stepup {

/// What history needs to know of HEAD.
struct RepoFacts {
  int64_t head_time = 0;      ///< HEAD's committer date, seconds since the epoch
  int64_t tracked_files = 0;  ///< files in HEAD's tree (`git ls-tree -r HEAD`)
};

/// HEAD's facts, or nullopt with a diagnostic when git cannot run or the
/// repository has no commit. A shallow clone is said as a warning.
std::optional<RepoFacts> read_repo_facts(const std::string& root, ProcessRunner& runner,
                                         std::vector<Diagnostic>& diagnostics);

/// ROOT/.git-blame-ignore-revs, or nothing when absent; malformed lines are
/// skipped and said in one warning.
IgnoreRevs read_ignore_revs(const std::string& root, std::vector<Diagnostic>& diagnostics);

/// The argv of the one git log: non-merge commits, renames followed,
/// whitespace ignored (-w), patches (-p -U0 --full-index) or -z --numstat.
/// `since`: seconds since the epoch, or nullopt for all history;
/// `max_count` 0 for no limit.
std::vector<std::string> log_argv(const std::string& root, const HistoryConfig& config,
                                  std::optional<int64_t> since, size_t max_count);

/// One git log, parsed.
struct LogRead {
  std::vector<Commit> commits;  ///< newest first
  std::string error;            ///< set when the output could not be read to its end
  std::vector<Diagnostic> diagnostics;
};

LogRead read_log(const std::string& root, const HistoryConfig& config, std::optional<int64_t> since,
                 size_t max_count, ProcessRunner& runner);

/// `git diff -U0 -w OLD NEW` of two blobs, as hunks; nullopt when git fails.
class BlobDiffer {
 public:
  BlobDiffer(std::string root, ProcessRunner& runner) : root_(std::move(root)), runner_(runner) {}
  std::optional<std::vector<Hunk>> operator()(const std::string& old_blob,
                                              const std::string& new_blob) const;

 private:
  std::string root_;
  ProcessRunner& runner_;
};

}  // namespace stepup
