// History signals from git: per-file churn, fixes, authors and coupling,
// per-function change counts and per-module distinct counts, from one git
// log over the --since window, with mass changes, ignored revisions and
// whitespace-only changes left out (docs/history.md).
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
  std::vector<int> commits;       ///< the counted commits that changed it, newest first
};

/// Per-commit facts the function and module views need.
struct CommitFacts {
  bool counted = false;  ///< false: a mass change or an ignored revision
  bool fix = false;      ///< a defect fix (counted commits only)
  int64_t deleted = 0;   ///< lines the commit deleted, all files together
  int author = 0;        ///< index into GitHistory::authors
};

/// A commit history left out of a count, for `stepup history` to show.
struct CommitNote {
  std::string sha;
  std::string subject;
  int64_t files = 0;  ///< files it changed (whitespace aside)
};

/// The history of the repository inside the window.
struct GitHistory {
  bool available = false;  ///< false: not a git repo, or git failed
  bool with_functions = false;
  std::vector<CommitFacts> commits;                    ///< newest first, excluded ones too
  std::vector<std::string> authors;                    ///< "Name <email>" after .mailmap
  std::unordered_map<std::string, FileHistory> files;  ///< by HEAD path
  HistoryWindow window;                                ///< what was read, for report.history.window
  std::vector<CommitNote> mass_changes;                ///< left out: too many files
  std::vector<CommitNote> ignored;                     ///< left out: in .git-blame-ignore-revs
  std::vector<CommitNote> non_defect;  ///< counted, but not as fixes (non_defect_pattern)
  std::vector<Diagnostic> diagnostics;
};

/// --since value meaning "all history" (no --since given to git).
constexpr int kAllHistory = 0;

/// Reads history for the given HEAD paths (renames followed back) with one
/// `git log` over the window that ends at HEAD's committer date
/// (since_days == kAllHistory, or a window reaching before 1970: all of
/// it), widened to history.min_commits commits when it holds fewer. Never
/// throws: a missing git, a non-repo or a damaged one become diagnostics.
GitHistory read_history(const std::string& root, const std::set<std::string>& paths, int since_days,
                        const HistoryConfig& config, ProcessRunner& runner);

/// The history of lines first..last of a file.
FunctionHistory function_history(const GitHistory& history, const FileHistory& file, int first,
                                 int last);

/// The history of a group of files (a module): distinct commits, fixes and
/// authors over the union of their commits; lines summed.
History module_history(const GitHistory& history, const std::vector<std::string>& paths);

/// Does the message say the commit fixes a defect? fix_pattern over the
/// subject and issue trailers, and not non_defect_pattern (commit_class.h).
bool is_fix_message(const std::string& message, const HistoryConfig& config);

}  // namespace stepup
