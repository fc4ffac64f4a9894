// Resolving paths written by other tools (coverage reports, profiles, error
// reports, static-analysis results) to repository files.
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/config.h"
#include "scanner/common/discover.h"

namespace stepup {

/// Why a path found no repo file.
enum class PathMiss { kNone, kOutside, kExcluded, kUnmatched, kAmbiguous };

/// Resolves paths to repo file indexes: path_map rules first, then the path
/// as written (absolute, or relative to one of `bases` or to the repo), then
/// a case-insensitive comparison, then an unambiguous suffix of at least two
/// components for paths that do not exist on this machine. Results are
/// cached: a raw lcov capture names the same header once per TU.
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
