// Resolving paths written by other tools (coverage reports, profiles, error
// reports, static-analysis results) to repository files.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/config.h"
#include "scanner/common/discover.h"

namespace stepup {

/// Why a path found no repo file.
enum class PathMiss { kNone, kOutside, kExcluded, kUnmatched, kAmbiguous };

/// A path written by another tool or machine, in one spelling: a `file:`
/// URI decoded ("file:///C:/a%20b/x.cc" -> "C:/a b/x.cc"), backslashes as
/// '/', a drive letter upper-cased ("c:\\src" -> "C:/src"), and "." and ".."
/// collapsed (lexically; a ".." above a drive or "/" is dropped).
std::string normalize_written_path(std::string_view written);

/// "C:/..." (after normalize_written_path): an absolute path of a Windows
/// machine, which names nothing on this one.
bool is_drive_path(std::string_view path);

/// Whether `path` starts with the directory prefix `prefix` (both
/// normalised; compared without case when prefix has a drive letter).
bool has_path_prefix(std::string_view path, std::string_view prefix);

/// Resolves paths to repo file indexes. Each path is normalised first
/// (normalize_written_path), joined to one of `bases` or the repo when
/// relative, then path_map rules (their `from` normalised the same way)
/// rewrite it; then the path itself names a repo file, or a
/// case-insensitive comparison does, or, for paths that do not exist on
/// this machine (another machine's, a Windows one's), an unambiguous suffix
/// of at least two components. Results are cached: a raw lcov capture names
/// the same header once per TU.
class PathResolver {
 public:
  PathResolver(const std::string& root, const std::vector<SourceFile>& files,
               const std::vector<PathMapping>& rules);

  /// The index into files, or -1 with *miss saying why.
  int resolve(const std::string& path, const std::vector<std::string>& bases, PathMiss* miss);

 private:
  int lookup(const std::string& written, const std::vector<std::string>& bases, PathMiss* miss);
  int suffix_match(const std::string& path, PathMiss* miss);

  std::string root_;
  const std::vector<SourceFile>& files_;
  const std::vector<PathMapping>& rules_;
  std::unordered_map<std::string, int> by_path_;
  std::unordered_map<std::string, int> by_lower_;
  std::unordered_map<std::string, std::vector<int>> by_base_;
  std::unordered_map<std::string, std::pair<int, PathMiss>> cache_;
};

}  // namespace stepup
