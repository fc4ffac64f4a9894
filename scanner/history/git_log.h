// Reading `git log` output: one git process over the whole --since window,
// parsed into commits and their file changes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/report.h"

namespace stepup {

/// One changed region of a file in one commit, as a -U0 hunk says it.
struct Hunk {
  int old_start = 0, old_count = 0;
  int new_start = 0, new_count = 0;
};

/// How one commit changed one file.
struct FileChange {
  std::string old_path;  ///< before the commit (differs on a rename)
  std::string path;      ///< after the commit
  int64_t added = 0, deleted = 0;
  bool binary = false;
  bool created = false;     ///< the commit added the file
  bool removed = false;     ///< the commit deleted the file
  std::vector<Hunk> hunks;  ///< only when read with patches
  /// Blob names from the patch's "index OLD..NEW" line (full with
  /// --full-index); empty without patches.
  std::string old_blob, new_blob;
};

/// One non-merge commit inside the window. Patches are read with -w:
/// a file whose change is whitespace alone is not among its files.
struct Commit {
  std::string sha;
  std::string author;  ///< "Name <email>" after .mailmap
  int64_t time = 0;    ///< committer date, seconds since the epoch
  std::string message;
  std::vector<FileChange> files;
};

/// The git log format both parsers read: each commit starts with two NULs,
/// then sha, author name, author email, committer time and the message,
/// each ended by a NUL (a commit message cannot hold a NUL).
constexpr const char* kLogFormat = "--format=%x00%x00%H%x00%aN%x00%aE%x00%ct%x00%B%x00";

/// Parses `git log -z --numstat -M <kLogFormat>` output. Stops at the first
/// record it cannot read and says so in *error.
std::vector<Commit> parse_numstat_log(std::string_view out, std::string* error);

/// Parses `git log -p -U0 -M <kLogFormat>` output: line counts and hunks.
std::vector<Commit> parse_patch_log(std::string_view out, std::string* error);

/// The hunks of a -U0 patch of one file (its "@@ -a,b +c,d @@" lines).
std::vector<Hunk> parse_hunks(std::string_view patch);

/// Unquotes a path git wrote C-style ("a\"b\303\251") or returns it as is.
std::string unquote_git_path(std::string_view text);

}  // namespace stepup
