// What one translation unit's parse produced, with repo-relative paths, so
// it can be kept (the facts cache, a shard's facts file) and joined later
// into the per-file facts exactly as a fresh parse would be.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/report.h"

namespace stepup {

/// The facts one TU found about one repo file it analysed (claimed).
struct TuFileFacts {
  std::string path;  ///< repo-relative
  std::vector<FunctionFacts> functions;
  std::vector<IncludeRef> includes;
  std::vector<int> syntax;  ///< its tokens' classes (FileFacts::syntax)
};

/// One translation unit's output, independent of the other TUs: which
/// files own which facts is decided when the TUs are joined.
struct TuFacts {
  std::vector<std::string> included;  ///< repo files it includes, its main file too
  std::vector<TuFileFacts> files;     ///< the repo files it analysed
  /// One per parse error: the repo file it is in, "" outside every repo file.
  std::vector<std::string> error_paths;
  std::map<std::string, DeclFacts> declarations;  ///< repo declarations met, by USR
  std::vector<Diagnostic> diagnostics;
  /// What the facts depend on: every file the TU read (absolute path,
  /// content hash, "" when absent) and every repo lookup it made (kind
  /// and absolute path -> repo-relative path or "").
  std::vector<std::pair<std::string, std::string>> deps;
  std::vector<std::pair<std::string, std::string>> probes;
  bool parsed = false;  ///< libclang produced a TU (else only diagnostics)
};

}  // namespace stepup
