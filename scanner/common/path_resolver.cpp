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

std::string percent_decoded(std::string_view s) {
  auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool drive_at(std::string_view s, size_t i) {
  return s.size() >= i + 2 && std::isalpha(static_cast<unsigned char>(s[i])) && s[i + 1] == ':' &&
         (s.size() == i + 2 || s[i + 2] == '/');
}

}  // namespace

std::string normalize_written_path(std::string_view written) {
  std::string s(written);
  if (s.compare(0, 5, "file:") == 0) {
    std::string_view rest = std::string_view(s).substr(5);
    if (rest.substr(0, 2) == "//") {  // file://host/path: the host is dropped
      rest.remove_prefix(2);
      size_t slash = rest.find('/');
      rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    }
    s = percent_decoded(rest);
  }
  for (char& c : s) {
    if (c == '\\') c = '/';
  }
  if (s.size() >= 3 && s[0] == '/' && drive_at(s, 1)) s.erase(0, 1);  // "/C:/x" from a URI
  if (drive_at(s, 0)) {
    std::string rest = normalize_path("/" + s.substr(2));
    return std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])))) + ":" +
           (rest == "/" ? "" : rest);
  }
  return s.empty() ? s : normalize_path(s);
}

bool is_drive_path(std::string_view path) { return drive_at(path, 0); }

bool has_path_prefix(std::string_view path, std::string_view prefix) {
  while (prefix.size() > 1 && prefix.back() == '/') prefix.remove_suffix(1);
  if (path.size() < prefix.size()) return false;
  bool fold = is_drive_path(prefix);
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = path[i], b = prefix[i];
    if (fold) {
      a = static_cast<char>(std::tolower(static_cast<unsigned char>(a)));
      b = static_cast<char>(std::tolower(static_cast<unsigned char>(b)));
    }
    if (a != b) return false;
  }
  return path.size() == prefix.size() || path[prefix.size()] == '/' || prefix == "/";
}

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
  std::string path = normalize_written_path(written);
  bool absolute = !path.empty() && (path[0] == '/' || is_drive_path(path));
  std::vector<std::string> candidates;
  if (absolute) {
    candidates.push_back(path);
  } else {
    for (const auto& base : bases) {
      std::string b = normalize_written_path(base);
      candidates.push_back(is_drive_path(b) ? b + "/" + path
                                            : join_path(join_path(root_, b), path));
    }
    candidates.push_back(join_path(root_, path));
  }
  for (std::string& c : candidates) {
    for (const auto& rule : rules_) {
      if (rule.from.empty()) continue;
      std::string from = normalize_written_path(rule.from);
      if (has_path_prefix(c, from)) {  // at a component boundary
        std::string rest = c.substr(std::min(c.size(), from.size() + (from == "/" ? 0 : 1)));
        c = join_path(root_, rule.to.empty() ? rest : rule.to + "/" + rest);
        break;
      }
      if (c.compare(0, from.size(), from) == 0) {  // a plain string prefix
        c = join_path(root_, rule.to + c.substr(from.size()));
        break;
      }
    }
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
    if (c[0] == '/' && !relative_to(root_, c).empty() && exists_here(c)) {
      *miss = PathMiss::kExcluded;  // in the repo, but not scanned (excludes)
      return -1;
    }
  }
  if (candidates[0][0] == '/' && absolute && exists_here(candidates[0])) {
    *miss = PathMiss::kOutside;  // a real file elsewhere: system or SDK header
    return -1;
  }
  return suffix_match(candidates[0], miss);
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
