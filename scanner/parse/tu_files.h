// The repository files one translation unit sees: which repo file each of
// its files is, which of them this TU analyses (the first TU to see a file
// claims it), and which file each #include line entered.
#pragma once

#include <clang-c/Index.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "scanner/common/discover.h"

namespace stepup {

/// Where one TU's files sit in the repository.
class TuFiles {
 public:
  /// index_of: absolute path -> index into files; claim(i) is true when
  /// this TU is the one to analyse files[i].
  TuFiles(CXTranslationUnit tu, std::string directory, const std::string& root,
          const std::vector<SourceFile>& files,
          const std::unordered_map<std::string, int>& index_of, std::function<bool(int)> claim);

  /// Walks the TU's inclusions (claiming files on the way) and remembers
  /// each #include line. Returns the repo files the TU includes, the main
  /// file among them.
  std::vector<int> read_inclusions();

  /// The index of the repo file when this TU analyses it, else -1. A file
  /// seen for the first time is claimed if it is a repo file.
  int mine(CXFile file);

  /// The repo-relative path of any file of this TU, without claiming it;
  /// "" outside the repository (call sites and declarations need it).
  std::string repo_path(CXFile file);

  /// The files this TU analyses, with their indexes.
  std::vector<std::pair<CXFile, int>> analysed() const;

  /// Every file the TU read, absolute (what a cached result depends on).
  const std::vector<std::string>& read_files() const { return read_files_; }
  /// Every repo lookup made: ("c" + absolute path) -> repo path or "".
  const std::vector<std::pair<std::string, std::string>>& probes() const { return probes_; }

  /// The repo-relative path of the file the #include written on `line` of
  /// includer entered ("" outside the repo); nullopt when it entered none.
  std::optional<std::string> entered(CXFile includer, int line);

 private:
  struct Seen {
    int repo = -1;  ///< index into files_, -1 outside the repo
    bool mine = false;
  };
  const Seen& see(CXFile file);
  int repo_index(CXFile file) const;

  CXTranslationUnit tu_;
  std::string directory_, root_;
  const std::vector<SourceFile>& files_;
  const std::unordered_map<std::string, int>& index_of_;
  std::function<bool(int)> claim_;
  std::unordered_map<CXFile, Seen> seen_;
  std::unordered_map<CXFile, int> looked_up_;              ///< repo_path's answers for unseen files
  std::map<std::pair<CXFile, unsigned>, CXFile> entered_;  ///< (includer, line) -> file
  std::vector<std::string> read_files_;
  mutable std::vector<std::pair<std::string, std::string>> probes_;
};

}  // namespace stepup
