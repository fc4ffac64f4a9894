#include "scanner/parse/tu_files.h"

#include <filesystem>

#include "scanner/common/path_match.h"
#include "scanner/parse/clang_util.h"

namespace stepup {

TuFiles::TuFiles(CXTranslationUnit tu, std::string directory, const std::string& root,
                 const std::vector<SourceFile>& files,
                 const std::unordered_map<std::string, int>& index_of,
                 std::function<bool(int)> claim)
    : tu_(tu),
      directory_(std::move(directory)),
      root_(root),
      files_(files),
      index_of_(index_of),
      claim_(std::move(claim)) {}

std::vector<int> TuFiles::read_inclusions() {
  struct Walk {
    TuFiles* self;
    std::vector<int> included;
  } walk{this, {}};
  clang_getInclusions(
      tu_,
      [](CXFile file, CXSourceLocation* stack, unsigned depth, CXClientData data) {
        Walk& w = *static_cast<Walk*>(data);
        w.self->read_files_.push_back(
            join_path(w.self->directory_, take_string(clang_getFileName(file))));
        const Seen& seen = w.self->see(file);
        if (seen.repo >= 0) w.included.push_back(seen.repo);
        if (depth == 0) return;
        // stack[0] is where the #include naming this file is written.
        FilePos at = file_pos(stack[0]);
        if (at.file) w.self->entered_[{at.file, at.line}] = file;
      },
      &walk);
  return walk.included;
}

const TuFiles::Seen& TuFiles::see(CXFile file) {
  auto it = seen_.find(file);
  if (it != seen_.end()) return it->second;
  Seen seen;
  seen.repo = repo_index(file);
  seen.mine = seen.repo >= 0 && claim_(seen.repo);
  return seen_.emplace(file, seen).first->second;
}

int TuFiles::repo_index(CXFile file) const {
  std::string abs = join_path(directory_, take_string(clang_getFileName(file)));
  auto found = index_of_.find(abs);
  if (found == index_of_.end()) {
    std::error_code ec;
    std::string real = std::filesystem::canonical(abs, ec).string();
    if (!ec) found = index_of_.find(real);
  }
  int index = found == index_of_.end() ? -1 : found->second;
  probes_.emplace_back("c" + abs, index < 0 ? std::string() : files_[index].path);
  return index;
}

std::string TuFiles::repo_path(CXFile file) {
  int index = -1;
  if (auto it = seen_.find(file); it != seen_.end()) {
    index = it->second.repo;
  } else if (auto l = looked_up_.find(file); l != looked_up_.end()) {
    index = l->second;
  } else {
    index = repo_index(file);
    looked_up_.emplace(file, index);
  }
  return index < 0 ? std::string() : files_[index].path;
}

int TuFiles::mine(CXFile file) {
  const Seen& seen = see(file);
  return seen.mine ? seen.repo : -1;
}

std::vector<std::pair<CXFile, int>> TuFiles::analysed() const {
  std::vector<std::pair<CXFile, int>> out;
  for (const auto& [file, seen] : seen_) {
    if (seen.mine) out.emplace_back(file, seen.repo);
  }
  return out;
}

std::optional<std::string> TuFiles::entered(CXFile includer, int line) {
  auto it = entered_.find({includer, static_cast<unsigned>(line)});
  if (it == entered_.end()) return std::nullopt;
  const Seen& seen = see(it->second);
  if (seen.repo >= 0) return files_[seen.repo].path;
  return relative_to(root_, join_path(directory_, take_string(clang_getFileName(it->second))));
}

}  // namespace stepup
