// Test support: throwaway directories and real git repositories with fixed
// dates, so tests build their inputs with the real tools.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "scanner/common/process.h"

namespace stepup::test {

/// A fresh directory under $TMPDIR, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  /// Writes text to path() / rel, creating folders on the way.
  std::string write(const std::string& rel, const std::string& text) const;

 private:
  std::string path_;
};

/// Runs argv in cwd; REQUIREs exit 0 unless allow_fail. Returns stdout.
std::string run(const std::vector<std::string>& argv, const std::string& cwd,
                bool allow_fail = false);

/// `git init` plus one commit of everything, with a fixed identity and date.
void git_commit_all(const std::string& repo, const std::string& message,
                    const std::string& date = "2026-01-15T10:00:00+00:00");

/// Two commits in `repo` (the second adds a function to src/calc.cpp), then
/// the whole tree given to uid and gid 4321: git's "dubious ownership" case
/// for the caller, as a mounted or job-container workspace is. Root only.
void two_commits_owned_by_another_user(const TempDir& repo);

std::string read_text(const std::string& path);

/// Runs the stepup binary built next to the tests.
ProcessResult run_stepup(const std::vector<std::string>& args, const std::string& cwd = ".");

}  // namespace stepup::test
