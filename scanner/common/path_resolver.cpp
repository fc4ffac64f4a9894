#include "scanner/common/path_resolver.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "scanner/common/path_match.h"

namespace stepup {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool exists_here(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

std::vector<std::string_view> components(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (!part.empty() && part != "." && part != "..") out.push_back(part);
    start = end + 1;
  }
  return out;
}

}  // namespace

PathResolver::PathResolver(const std::string& root, const std::vector<SourceFile>& files,
                           const std::vector<PathMapping>& rules)
    : root_(root), files_(files), rules_(rules) {
  for (size_t i = 0; i < files.size(); ++i) {
    int idx = static_cast<int>(i);
    by_path_.emplace(files[i].path, idx);
    auto [it, fresh] = by_lower_.emplace(lower(files[i].path), idx);
    if (!fresh) it->second = -1;  // two files differ only in case
    auto parts = components(files[i].path);
    by_base_[lower(std::string(parts.back()))].push_back(idx);
  }
}

int PathResolver::resolve(const std::string& path, const std::vector<std::string>& bases,
                          PathMiss* miss) {
  std::string key = path;
  for (const auto& b : bases) key += '\n' + b;
  auto cached = cache_.find(key);
  if (cached != cache_.end()) {
    *miss = cached->second.second;
    return cached->second.first;
  }
  int found = lookup(path, bases, miss);
  cache_.emplace(key, std::make_pair(found, *miss));
  return found;
}

int PathResolver::lookup(const std::string& written, const std::vector<std::string>& bases,
                         PathMiss* miss) {
  *miss = PathMiss::kNone;
  std::string path = written;
  for (const auto& rule : rules_) {
    if (!rule.from.empty() && path.compare(0, rule.from.size(), rule.from) == 0) {
      path = join_path(root_, rule.to + path.substr(rule.from.size()));
      break;
    }
  }
  std::vector<std::string> candidates;
  if (!path.empty() && path[0] == '/') {
    candidates.push_back(normalize_path(path));
  } else {
    for (const auto& base : bases) {
      candidates.push_back(join_path(join_path(root_, base), path));
    }
    candidates.push_back(join_path(root_, path));
  }
  for (const auto& c : candidates) {
    auto it = by_path_.find(relative_to(root_, c));
    if (it != by_path_.end()) return it->second;
  }
  for (const auto& c : candidates) {  // case-insensitive file systems
    std::string rel = relative_to(root_, c);
    auto it = by_lower_.find(lower(rel));
    if (!rel.empty() && it != by_lower_.end() && it->second >= 0) return it->second;
  }
  for (const auto& c : candidates) {
    if (!relative_to(root_, c).empty() && exists_here(c)) {
      *miss = PathMiss::kExcluded;  // in the repo, but not scanned (excludes)
      return -1;
    }
  }
  if (path[0] == '/' && exists_here(candidates[0])) {
    *miss = PathMiss::kOutside;  // a real file elsewhere: system or SDK header
    return -1;
  }
  return suffix_match(normalize_path(path), miss);
}

// The path was written on another machine (a CI container, another
// checkout): the repo file whose trailing components match the most, if
// exactly one does and at least two components (or the whole path) match.
int PathResolver::suffix_match(const std::string& path, PathMiss* miss) {
  auto parts = components(path);
  if (parts.empty()) {
    *miss = PathMiss::kUnmatched;
    return -1;
  }
  auto it = by_base_.find(lower(std::string(parts.back())));
  int best = -1;
  size_t best_len = 0;
  bool tie = false;
  if (it != by_base_.end()) {
    for (int idx : it->second) {
      auto theirs = components(files_[idx].path);
      size_t n = 0;
      while (n < parts.size() && n < theirs.size() &&
             lower(std::string(parts[parts.size() - 1 - n])) ==
                 lower(std::string(theirs[theirs.size() - 1 - n]))) {
        ++n;
      }
      if (n > best_len) {
        best = idx;
        best_len = n;
        tie = false;
      } else if (n == best_len) {
        tie = true;
      }
    }
  }
  size_t needed = std::min<size_t>(2, parts.size());
  if (best < 0 || best_len < needed) {
    *miss = PathMiss::kUnmatched;
    return -1;
  }
  if (tie) {
    *miss = PathMiss::kAmbiguous;
    return -1;
  }
  return best;
}

}  // namespace stepup
