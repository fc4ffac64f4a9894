// History signals from git: per-file churn, fixes, authors and coupling,
// and per-function change counts, from one git log over the --since window.
#pragma once

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/config.h"
#include "model/report.h"
#include "scanner/common/process.h"

namespace stepup {

/// A commit's change to a file, in HEAD's line numbers.
struct HeadRange {
  int commit = 0;  ///< index into GitHistory::commits
  int first = 0, last = 0;
  bool added = false;  ///< the lines were added (not only edited around)
};

/// What history knows of one file that exists at HEAD.
struct FileHistory {
  History stats;
  std::vector<HeadRange> ranges;  ///< empty without patches
};

/// Per-commit facts the function view needs.
struct CommitFacts {
  bool fix = false;
  int64_t deleted = 0;  ///< lines the commit deleted, all files together
};

/// The history of the repository inside the window.
struct GitHistory {
  bool available = false;  ///< false: not a git repo, or git failed
  bool with_functions = false;
  std::vector<CommitFacts> commits;
  std::unordered_map<std::string, FileHistory> files;  ///< by HEAD path
  std::vector<Diagnostic> diagnostics;
};

/// Reads history for the given HEAD paths (renames followed back) with one
/// `git log` over the window that ends at HEAD's committer date. Never
/// throws: a missing git, a non-repo or a damaged one become diagnostics.
GitHistory read_history(const std::string& root, const std::set<std::string>& paths,
                        int since_days, const HistoryConfig& config, ProcessRunner& runner);

/// The history of lines first..last of a file.
FunctionHistory function_history(const GitHistory& history, const FileHistory& file, int first,
                                 int last);

/// Does the message say the commit fixes a defect? (config's fix_pattern)
bool is_fix_message(const std::string& message, const std::string& pattern);

}  // namespace stepup
