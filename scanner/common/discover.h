// Discovery: which files of the repository are C/C++ sources, which are
// tests, and which module each belongs to.
#pragma once

#include <string>
#include <vector>

#include "model/config.h"
#include "model/report.h"
#include "scanner/common/process.h"

namespace stepup {

/// One C or C++ file of the repository that the scan covers.
struct SourceFile {
  std::string path;  ///< repo-relative, '/' separated, exactly as stored
  std::string module;
  bool is_test = false;
  bool is_header = false;
  bool is_c = false;  ///< a .c file: parsed as C
};

/// What discovery found, sorted by path.
struct Discovery {
  std::string root;  ///< absolute, symlink-free path of the repo
  bool in_git = false;
  std::vector<SourceFile> files;
  /// The .gitattributes files (repo-relative), for role classification.
  std::vector<std::string> attributes;
  std::vector<Diagnostic> diagnostics;
};

/// Lists the repo's sources with `git ls-files -z` (tracked plus untracked,
/// not ignored), or by walking the directory outside git. Throws InputError
/// when repo does not exist or is not a directory.
Discovery discover(const std::string& repo, const Config& config,
                   ProcessRunner& runner);

bool is_cxx_source_name(const std::string& path, bool* is_header, bool* is_c);

/// The module of a repo-relative path under the config's module rules.
std::string module_of(const std::string& path, const Config& config);

}  // namespace stepup
