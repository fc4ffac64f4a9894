#include "scanner/common/path_match.h"

namespace stepup {

bool glob_match(std::string_view p, std::string_view t) {
  // Iterative matcher with one backtrack point per star kind; '**' may eat
  // '/', '*' may not.
  size_t pi = 0, ti = 0;
  size_t star_p = std::string_view::npos, star_t = 0;
  bool star_crosses = false;
  while (ti < t.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star_crosses = pi + 1 < p.size() && p[pi + 1] == '*';
      pi += star_crosses ? 2 : 1;
      if (star_crosses && pi < p.size() && p[pi] == '/') {
        // "**/" also matches zero directories.
        if (glob_match(p.substr(pi + 1), t.substr(ti))) return true;
      }
      star_p = pi;
      star_t = ti;
      continue;
    }
    if (pi < p.size() && (p[pi] == t[ti] || (p[pi] == '?' && t[ti] != '/'))) {
      ++pi;
      ++ti;
      continue;
    }
    if (star_p != std::string_view::npos && (star_crosses || t[star_t] != '/')) {
      pi = star_p;
      ti = ++star_t;
      continue;
    }
    return false;
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

bool path_matches(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return false;
  if (pattern.back() == '/') {
    std::string_view dir = pattern.substr(0, pattern.size() - 1);
    if (dir.find('/') != std::string_view::npos) {
      // Anchored directory: "src/gen/" matches everything below it.
      for (size_t i = path.find('/'); i != std::string_view::npos;
           i = path.find('/', i + 1)) {
        if (glob_match(dir, path.substr(0, i))) return true;
      }
      return false;
    }
    size_t start = 0;
    for (size_t i = path.find('/'); i != std::string_view::npos;
         i = path.find('/', start)) {
      if (glob_match(dir, path.substr(start, i - start))) return true;
      start = i + 1;
    }
    return false;
  }
  if (pattern.find('/') != std::string_view::npos) {
    if (pattern.front() == '/') pattern.remove_prefix(1);
    return glob_match(pattern, path);
  }
  size_t slash = path.rfind('/');
  return glob_match(pattern, slash == std::string_view::npos
                                 ? path
                                 : path.substr(slash + 1));
}

bool path_matches_any(const std::vector<std::string>& patterns,
                      std::string_view path) {
  for (const auto& p : patterns) {
    if (path_matches(p, path)) return true;
  }
  return false;
}

std::string normalize_path(std::string_view path) {
  const bool absolute = !path.empty() && path.front() == '/';
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!absolute) {
        parts.push_back(part);
      }
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out = absolute ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += '/';
    out += parts[i];
  }
  if (out.empty()) out = ".";
  return out;
}

std::string join_path(std::string_view base, std::string_view rel) {
  if (!rel.empty() && rel.front() == '/') return normalize_path(rel);
  std::string joined(base);
  joined += '/';
  joined += rel;
  return normalize_path(joined);
}

std::string relative_to(std::string_view root, std::string_view path) {
  if (path.size() <= root.size() || path.compare(0, root.size(), root) != 0) {
    return {};
  }
  if (root == "/") return std::string(path.substr(1));
  if (path[root.size()] != '/') return {};
  return std::string(path.substr(root.size() + 1));
}

}  // namespace stepup
