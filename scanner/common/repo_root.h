// Where the repository under scan is: found the way git finds it, so a scan
// started in a subfolder reads the same repository, with the same paths and
// history, as one started at the top, and only narrows what it reports.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/report.h"
#include "scanner/common/discover.h"
#include "scanner/common/process.h"

namespace stepup {

/// The repository holding a start folder, and the part of it to scan.
struct RepoLocation {
  /// git's top level (`git rev-parse --show-toplevel`), symlink-free; the
  /// start folder itself when git finds no repository or refuses it.
  std::string root;
  /// Repo-relative folders the scan is limited to, each ending in '/';
  /// empty: the whole repository.
  std::vector<std::string> scope;
  /// Git refused the repository ("detected dubious ownership": another
  /// user's checkout, as in a CI container): an error-level diagnostic with
  /// git's own words and the safe.directory command that trusts it.
  std::optional<Diagnostic> refused;
};

/// Finds the repository holding `start` and the scope: a start folder below
/// the top limits the scan to its subtree, and so does each of `paths`
/// (--path: relative to the current directory, or absolute; they replace
/// the start folder's limit). Throws InputError for a --path outside the
/// repository. A missing start folder is left for discovery to report.
RepoLocation locate_repo(const std::string& start, const std::vector<std::string>& paths,
                         ProcessRunner& runner);

/// Whether a repo-relative path lies inside the scope (an empty scope holds
/// everything).
bool in_scope(const std::vector<std::string>& scope, const std::string& path);

/// Keeps the discovered files inside where.scope, and says what was left
/// out (an info diagnostic), that nothing is left (an error), and that git
/// refused the repository (where.refused).
void limit_to_scope(Discovery& discovery, const RepoLocation& where);

/// "src/net/ and tools/": the scope for messages.
std::string describe_scope(const std::vector<std::string>& scope);

}  // namespace stepup
