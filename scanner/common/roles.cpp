#include "scanner/common/roles.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "scanner/common/file_head.h"
#include "scanner/common/path_match.h"

namespace stepup {
namespace {

// ---- .gitattributes -------------------------------------------------------

/// What the attribute files say about one Linguist attribute of a file.
struct AttributeState {
  std::optional<bool> value;  ///< unset: nothing said
  std::string where;          ///< ".gitattributes:3" or "src/.gitattributes:1"
};

struct FileAttributes {
  AttributeState generated, vendored;
};

// "linguist-generated", "linguist-generated=true", "-linguist-generated",
// "linguist-generated=false", "!linguist-generated" (unset).
void apply_attribute(std::string_view attr, const std::string& where, FileAttributes& into) {
  char sign = attr.empty() ? 0 : attr.front();
  if (sign == '-' || sign == '!') attr.remove_prefix(1);
  std::string_view name = attr.substr(0, attr.find('='));
  std::string_view value = name.size() < attr.size() ? attr.substr(name.size() + 1) : "";
  AttributeState* state = name == "linguist-generated"  ? &into.generated
                          : name == "linguist-vendored" ? &into.vendored
                                                        : nullptr;
  if (!state) return;
  if (sign == '!') {
    *state = AttributeState{};
    return;
  }
  state->value = sign != '-' && value != "false";
  state->where = where;
}

// A gitattributes pattern, relative to its file's folder. As in git, a
// pattern without '/' matches a base name at any depth, one with '/' the
// whole relative path, and one ending in '/' names a folder and matches no file.
bool attribute_pattern_matches(std::string_view pattern, const std::string& dir,
                               const std::string& path) {
  if (pattern.empty() || pattern.back() == '/') return false;
  std::string_view rel = path;
  if (!dir.empty()) {
    if (path.size() <= dir.size() + 1 || path.compare(0, dir.size(), dir) != 0 ||
        path[dir.size()] != '/') {
      return false;
    }
    rel.remove_prefix(dir.size() + 1);
  }
  return path_matches(pattern, rel);
}

std::vector<FileAttributes> read_attributes(const RoleInput& in) {
  const auto& files = *in.files;
  std::vector<FileAttributes> out(files.size());
  std::vector<const GitAttributesFile*> ordered;
  for (const auto& a : in.attributes) ordered.push_back(&a);
  // Deeper files override shallower ones: apply them later.
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) {
    auto depth = [](const std::string& d) {
      return d.empty() ? 0 : 1 + std::count(d.begin(), d.end(), '/');
    };
    return depth(a->dir) < depth(b->dir);
  });
  for (const GitAttributesFile* a : ordered) {
    std::string name = a->dir.empty() ? ".gitattributes" : a->dir + "/.gitattributes";
    int n = 0;
    for (size_t start = 0; start <= a->text.size();) {
      size_t end = std::min(a->text.find('\n', start), a->text.size());
      std::string line = a->text.substr(start, end - start);
      start = end + 1;
      ++n;
      std::vector<std::string> words;
      for (size_t i = 0; i < line.size();) {
        while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
        size_t j = i;
        while (j < line.size() && !std::isspace(static_cast<unsigned char>(line[j]))) ++j;
        if (j > i) words.push_back(line.substr(i, j - i));
        i = j;
      }
      if (words.size() < 2 || words[0][0] == '#' || words[0][0] == '[') continue;
      std::string where = name + ":" + std::to_string(n);
      for (size_t f = 0; f < files.size(); ++f) {
        if (!attribute_pattern_matches(words[0], a->dir, files[f].path)) continue;
        for (size_t w = 1; w < words.size(); ++w) apply_attribute(words[w], where, out[f]);
      }
    }
  }
  return out;
}

// ---- copies of other projects ---------------------------------------------

/// The most common value among files that have one, when at least three
/// files and at least half of them share it; "" otherwise.
std::string majority(const std::vector<std::string>& values) {
  std::map<std::string, int> count;
  int with = 0;
  for (const auto& v : values) {
    if (v.empty()) continue;
    ++count[v];
    ++with;
  }
  std::string best;
  int most = 0;
  for (const auto& [v, n] : count) {
    if (n > most) best = v, most = n;
  }
  return most >= 3 && 2 * most >= with ? best : "";
}

struct RepoHeads {
  std::vector<HeadFacts> heads;
  std::string holder, license, name_space;  ///< the repository's majorities
};

RepoHeads read_heads(const RoleInput& in) {
  RepoHeads r;
  std::vector<std::string> holders, licenses, spaces;
  for (const auto& h : in.heads) {
    r.heads.push_back(read_head(h));
    holders.push_back(r.heads.back().holder);
    licenses.push_back(r.heads.back().license);
    spaces.push_back(r.heads.back().name_space);
  }
  r.holder = majority(holders);
  r.license = majority(licenses);
  r.name_space = majority(spaces);
  return r;
}

// The rule that makes a file a copy of another project (docs/roles.md,
// "Vendored copies"), or "".
std::string copy_rule(const HeadFacts& h, const RepoHeads& repo) {
  if (!h.copied_from.empty() && !h.url.empty()) {
    return "copy: " + h.copied_from + ", from " + h.url;
  }
  bool other_holder = !h.holder.empty() && !repo.holder.empty() && h.holder != repo.holder;
  if (!other_holder) return "";
  if (!h.license.empty() && !repo.license.empty() && h.license != repo.license) {
    return "copy: (c) " + h.holder + ", " + h.license + " license (most files: " + repo.holder +
           ", " + repo.license + ")";
  }
  if (!h.url.empty() && !h.name_space.empty() && !repo.name_space.empty() &&
      h.name_space != repo.name_space) {
    return "copy: (c) " + h.holder + ", namespace " + h.name_space + ", " + h.url;
  }
  return "";
}

std::string base_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

// A test framework's own files kept in the tests' folder.
std::string bundled_framework(const std::string& path, const Config& config) {
  static const std::set<std::string> kFiles = {"catch.hpp",
                                               "catch.h",
                                               "catch_amalgamated.hpp",
                                               "catch_amalgamated.cpp",
                                               "doctest.h",
                                               "gtest-all.cc",
                                               "gmock-all.cc",
                                               "gmock-gtest-all.cc",
                                               "utest.h",
                                               "acutest.h",
                                               "greatest.h",
                                               "minunit.h",
                                               "munit.h",
                                               "munit.c",
                                               "unity.h",
                                               "unity.c",
                                               "unity_internals.h",
                                               "tinytest.h"};
  static const std::set<std::string> kDirs = {"googletest", "googlemock", "gtest",
                                              "gmock",      "catch2",     "doctest"};
  std::vector<std::string> test_dirs;
  for (const auto& p : config.tests) {
    if (!p.empty() && p.back() == '/') test_dirs.push_back(p);
  }
  if (!path_matches_any(test_dirs, path)) return "";
  std::string base = base_name(path);
  std::string lower_base = base;
  for (char& c : lower_base) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (kFiles.count(lower_base)) return "bundled test framework: " + base;
  for (size_t start = 0, slash; (slash = path.find('/', start)) != std::string::npos;
       start = slash + 1) {
    std::string dir = path.substr(start, slash - start);
    if (kDirs.count(dir)) return "bundled test framework: " + dir + "/";
  }
  return "";
}

// ---- paths ----------------------------------------------------------------

std::string first_match(const std::vector<std::string>& patterns, const std::string& path) {
  for (const auto& p : patterns) {
    if (path_matches(p, path)) return p;
  }
  return "";
}

const std::vector<std::string>& patterns_of(const Config& c, const std::string& role) {
  static const std::vector<std::string> kNone;
  auto it = c.roles.patterns.find(role);
  return it == c.roles.patterns.end() ? kNone : it->second;
}

// Everything but the include graph, for one file.
FileRole classify_one(size_t i, const RoleInput& in, const FileAttributes& attrs,
                      const RepoHeads& repo) {
  const Config& c = *in.config;
  const std::string& path = (*in.files)[i].path;
  for (size_t k = 0; k < c.roles.overrides.size(); ++k) {
    if (path_matches(c.roles.overrides[k].path, path)) {
      return {c.roles.overrides[k].role, "config roles[" + std::to_string(k) + "]"};
    }
  }
  if (attrs.generated.value == true)
    return {"generated", attrs.generated.where + ": linguist-generated"};
  if (attrs.vendored.value == true)
    return {"vendored", attrs.vendored.where + ": linguist-vendored"};
  if (attrs.generated.value != false) {
    if (!repo.heads[i].banner.empty()) return {"generated", "banner: " + repo.heads[i].banner};
    std::string p = first_match(patterns_of(c, "generated"), path);
    if (!p.empty()) return {"generated", "path: " + p};
  }
  if (attrs.vendored.value != false) {
    std::string p = first_match(patterns_of(c, "vendored"), path);
    if (!p.empty()) return {"vendored", "path: " + p};
    std::string rule = bundled_framework(path, c);
    if (rule.empty()) rule = copy_rule(repo.heads[i], repo);
    if (!rule.empty()) return {"vendored", rule};
  }
  for (const char* role : {"test-support", "test", "benchmark", "example"}) {
    const auto& patterns = std::string(role) == "test" ? c.tests : patterns_of(c, role);
    std::string p = first_match(patterns, path);
    if (!p.empty()) return {role, "path: " + p};
  }
  if (auto it = in.build_tests.find(path); it != in.build_tests.end()) return {"test", it->second};
  return {};
}

// ---- the include graph ----------------------------------------------------

std::string stem_of(const std::string& path) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  return dot == std::string::npos || (slash != std::string::npos && dot < slash)
             ? path
             : path.substr(0, dot);
}

/// Per file, the files that include it; a header's own source file (same
/// folder and stem) is kept apart as its implementation.
struct IncludeGraph {
  std::vector<std::set<size_t>> includers;
  std::vector<std::optional<size_t>> implementation;  ///< of a header
};

IncludeGraph include_graph(const RoleInput& in) {
  const auto& files = *in.files;
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < files.size(); ++i) index[files[i].path] = i;
  IncludeGraph g;
  g.includers.resize(files.size());
  g.implementation.resize(files.size());
  for (size_t i = 0; i < files.size() && i < in.includes.size(); ++i) {
    for (const auto& target : in.includes[i]) {
      auto it = index.find(target);
      if (it == index.end() || it->second == i) continue;
      size_t h = it->second;
      if (files[h].is_header && !files[i].is_header &&
          stem_of(files[h].path) == stem_of(files[i].path)) {
        g.implementation[h] = i;
      } else {
        g.includers[h].insert(i);
      }
    }
  }
  return g;
}

// The role a file gets from its includers, when all of them are tests
// (or test support), all benchmarks or all examples; "" otherwise.
std::string role_from_includers(const std::set<size_t>& includers,
                                const std::vector<FileRole>& roles, std::string* why) {
  if (includers.empty()) return "";
  std::set<std::string> kinds;
  for (size_t i : includers) {
    const std::string& r = roles[i].role;
    kinds.insert(r == "test" ? "test-support" : r);
  }
  if (kinds.size() != 1) return "";
  const std::string& only = *kinds.begin();
  if (only == "test-support")
    *why = "included only by tests";
  else if (only == "benchmark")
    *why = "included only by benchmarks";
  else if (only == "example")
    *why = "included only by examples";
  else
    return "";
  return only;
}

// Files no pattern placed, included only by test, benchmark or example
// code, take that role, and so does a header's own source file; repeated
// until nothing changes, so a header used only by test support follows it.
void apply_include_graph(const RoleInput& in, std::vector<FileRole>& roles) {
  IncludeGraph g = include_graph(in);
  const auto& files = *in.files;
  std::vector<bool> open(roles.size());
  // A source file (not a header) that tests include is the code under test
  // (`#include "../cJSON.c"` to reach its statics), not a test helper.
  for (size_t i = 0; i < roles.size(); ++i) {
    open[i] = roles[i].rule == "default" && (files[i].is_header || g.includers[i].empty());
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t h = 0; h < roles.size(); ++h) {
      if (!open[h]) continue;
      std::string why;
      std::string role = role_from_includers(g.includers[h], roles, &why);
      if (role.empty()) continue;
      roles[h] = {role, why};
      open[h] = false;
      changed = true;
      if (auto impl = g.implementation[h]; impl && open[*impl] && g.includers[*impl].empty()) {
        roles[*impl] = {role, "implements " + files[h].path + ", " + why};
        open[*impl] = false;
      }
    }
  }
}

// A header and source pair of the same folder and stem: when one is a copy
// of another project and the other names no copyright holder of its own,
// both are.
void apply_companions(const RoleInput& in, const RepoHeads& repo, std::vector<FileRole>& roles) {
  const auto& files = *in.files;
  std::map<std::string, std::vector<size_t>> by_stem;
  for (size_t i = 0; i < files.size(); ++i) by_stem[stem_of(files[i].path)].push_back(i);
  for (const auto& [stem, group] : by_stem) {
    for (size_t a : group) {
      if (roles[a].role != "vendored" || roles[a].rule.rfind("copy: ", 0) != 0) continue;
      for (size_t b : group) {
        if (b != a && roles[b].rule == "default" && repo.heads[b].holder.empty()) {
          roles[b] = {"vendored", "copy: companion of " + files[a].path};
        }
      }
    }
  }
}

}  // namespace

std::string role_head(std::string_view text) {
  size_t end = 0;
  for (int n = 0; n < kRoleHeadLines && end < text.size(); ++n) {
    size_t nl = text.find('\n', end);
    end = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  return std::string(text.substr(0, end));
}

std::vector<FileRole> classify_roles(const RoleInput& in) {
  const auto& files = *in.files;
  std::vector<FileAttributes> attrs = read_attributes(in);
  RepoHeads repo = read_heads(in);
  repo.heads.resize(files.size());
  std::vector<FileRole> roles(files.size());
  for (size_t i = 0; i < files.size(); ++i) roles[i] = classify_one(i, in, attrs[i], repo);
  apply_companions(in, repo, roles);
  apply_include_graph(in, roles);
  return roles;
}

}  // namespace stepup
