#include "scanner/parse/test_framework.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

namespace stepup {
namespace {

namespace fs = std::filesystem;

/// A header that names a framework when a test includes it.
struct KnownHeader {
  const char* header;
  const char* framework;
};

// Order matters for ties: the first framework listed wins.
constexpr KnownHeader kKnown[] = {
    {"gtest/gtest.h", "googletest"},
    {"gmock/gmock.h", "googletest"},
    {"catch2/catch_test_macros.hpp", "catch2-v3"},
    {"catch2/catch_all.hpp", "catch2-v3"},
    {"catch_amalgamated.hpp", "catch2-v3"},
    {"catch2/catch.hpp", "catch2-v2"},
    {"catch.hpp", "catch2-v2"},
    {"doctest/doctest.h", "doctest"},
    {"doctest.h", "doctest"},
    {"boost/test/unit_test.hpp", "boost-test"},
    {"boost/test/included/unit_test.hpp", "boost-test"},
};

// The framework's header a skeleton includes when only a build flag named it.
const char* default_header(const std::string& framework) {
  if (framework == "googletest") return "gtest/gtest.h";
  if (framework == "catch2-v3") return "catch2/catch_test_macros.hpp";
  if (framework == "catch2-v2") return "catch2/catch.hpp";
  if (framework == "doctest") return "doctest/doctest.h";
  return "boost/test/unit_test.hpp";
}

const KnownHeader* known_header(const std::string& spelled) {
  for (const KnownHeader& k : kKnown) {
    std::string h = k.header;
    if (spelled == h || (spelled.size() > h.size() &&
                         spelled.compare(spelled.size() - h.size(), h.size(), h) == 0 &&
                         spelled[spelled.size() - h.size() - 1] == '/')) {
      return &k;
    }
  }
  return nullptr;
}

std::string normal(const std::string& path) {
  std::string s = fs::path(path).lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  if (s.rfind("./", 0) == 0) s = s.substr(2);
  return s == "." ? "" : s;
}

std::string dir_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string join(const std::string& dir, const std::string& rel) {
  return normal(dir.empty() ? rel : dir + "/" + rel);
}

bool is_test(const FileFacts& f) { return f.is_test || f.role == "test"; }

bool is_header(const std::string& path) {
  static const std::set<std::string> kExt = {"h", "hh", "hpp", "hxx", "h++", "inl", "ipp", "tcc"};
  size_t dot = path.rfind('.');
  return dot != std::string::npos && path.find('/', dot) == std::string::npos &&
         kExt.count(path.substr(dot + 1));
}

std::string quoted(const IncludeLine& inc) {
  return inc.angled ? "<" + inc.spelled + ">" : "\"" + inc.spelled + "\"";
}

/// A test TU's include folders and defines, from its compile command.
struct TuFlags {
  std::string tu;                  ///< repo-relative
  std::vector<std::string> dirs;   ///< inside the repo, repo-relative
  std::vector<std::string> other;  ///< outside the repo, absolute
  std::vector<std::string> args;
};

TuFlags flags_of(const CompileCommand& cmd, const std::string& root, const std::string& rel) {
  TuFlags t;
  t.tu = rel;
  t.args = cmd.args;
  static const std::set<std::string> kDirOptions = {"-I", "-iquote", "-isystem", "-idirafter"};
  for (size_t i = 1; i < cmd.args.size(); ++i) {
    const std::string& a = cmd.args[i];
    std::string value;
    if (kDirOptions.count(a) && i + 1 < cmd.args.size()) {
      value = cmd.args[++i];
    } else if (a.size() > 2 && a.compare(0, 2, "-I") == 0) {
      value = a.substr(2);
    } else {
      continue;
    }
    std::string dir = normal(fs::path(value).is_absolute() ? value : cmd.directory + "/" + value);
    if (dir == root) {
      t.dirs.push_back("");
    } else if (dir.compare(0, root.size() + 1, root + "/") == 0) {
      t.dirs.push_back(dir.substr(root.size() + 1));
    } else {
      t.other.push_back(dir);
    }
  }
  return t;
}

// The include folders most test TUs share (the first such TU by path).
std::optional<TuFlags> test_tu_flags(const TestFrameworkInput& in,
                                     const std::map<std::string, const FileFacts*>& files) {
  if (!in.db) return std::nullopt;
  std::string root = normal(in.root);
  std::map<std::vector<std::string>, std::pair<int, TuFlags>> groups;
  for (const CompileCommand& cmd : in.db->commands) {
    std::string file = normal(cmd.file);
    if (file.compare(0, root.size() + 1, root + "/") != 0) continue;
    std::string rel = file.substr(root.size() + 1);
    auto it = files.find(rel);
    if (it == files.end() || !is_test(*it->second)) continue;
    TuFlags t = flags_of(cmd, root, rel);
    auto& group = groups[t.dirs];
    if (group.first++ == 0 || rel < group.second.tu) group.second = std::move(t);
  }
  const std::pair<int, TuFlags>* best = nullptr;
  for (const auto& [dirs, group] : groups) {
    if (!best || group.first > best->first) best = &group;
  }
  if (!best) return std::nullopt;
  return best->second;
}

/// A repo file an include names, and the folder it was found from.
struct Resolved {
  std::string path;
  bool relative = false;
  std::string dir;
};

// Quoted includes look beside the includer first, then in the include
// folders; without a database (or when those miss) a unique repo file
// whose path ends with the spelling is taken.
std::optional<Resolved> resolve(const std::string& includer, const IncludeLine& inc,
                                const std::map<std::string, const FileFacts*>& files,
                                const std::vector<std::string>& dirs) {
  if (!inc.angled) {
    std::string beside = join(dir_of(includer), inc.spelled);
    if (files.count(beside)) return Resolved{beside, true, dir_of(includer)};
  }
  for (const std::string& d : dirs) {
    std::string p = join(d, inc.spelled);
    if (files.count(p)) return Resolved{p, false, d};
  }
  std::string spelled = normal(inc.spelled);
  if (spelled.empty() || spelled.rfind("../", 0) == 0) return std::nullopt;
  std::optional<Resolved> found;
  for (const auto& [path, file] : files) {
    bool match = path == spelled ||
                 (path.size() > spelled.size() &&
                  path.compare(path.size() - spelled.size(), spelled.size(), spelled) == 0 &&
                  path[path.size() - spelled.size() - 1] == '/');
    if (!match) continue;
    if (found) return std::nullopt;  // ambiguous
    found = Resolved{path, false, path.substr(0, path.size() - spelled.size() - (path != spelled))};
  }
  return found;
}

/// A framework a test file reaches, and the include chain that shows it.
struct Reach {
  const KnownHeader* known = nullptr;
  IncludeLine include;
  std::string chain;
};

// Breadth first through repo headers (a test.h that includes gtest), so a
// direct include is found before one three files away.
std::optional<Reach> reach_framework(const FileFacts& test,
                                     const std::map<std::string, const FileFacts*>& files,
                                     const std::vector<std::string>& dirs) {
  constexpr int kMaxDepth = 3;
  std::deque<std::pair<const FileFacts*, std::string>> queue = {{&test, ""}};
  std::set<std::string> seen = {test.path};
  for (int depth = 0; depth <= kMaxDepth && !queue.empty(); ++depth) {
    std::deque<std::pair<const FileFacts*, std::string>> next;
    for (const auto& [file, chain] : queue) {
      for (const IncludeLine& inc : include_lines(file->source)) {
        std::string step = chain + (chain.empty() ? "" : ", ") + file->path + ":" +
                           std::to_string(inc.line) + " includes " + quoted(inc);
        if (const KnownHeader* k = known_header(inc.spelled)) return Reach{k, inc, step};
        std::optional<Resolved> r = resolve(file->path, inc, files, dirs);
        if (r && seen.insert(r->path).second) next.emplace_back(files.at(r->path), step);
      }
    }
    queue = std::move(next);
  }
  return std::nullopt;
}

// Each repo file a test includes tells which folder the tests write paths from.
std::vector<IncludeRoot> learn_roots(const std::vector<const FileFacts*>& tests,
                                     const std::map<std::string, const FileFacts*>& files,
                                     const std::optional<TuFlags>& tu) {
  std::vector<std::string> dirs = tu ? tu->dirs : std::vector<std::string>{};
  std::map<std::pair<bool, std::string>, std::pair<IncludeRoot, int>> roots;  // -> (root, angled)
  for (const FileFacts* t : tests) {
    for (const IncludeLine& inc : include_lines(t->source)) {
      if (known_header(inc.spelled)) continue;
      std::optional<Resolved> r = resolve(t->path, inc, files, dirs);
      if (!r) continue;
      auto& [root, angled] = roots[{r->relative, r->relative ? "" : r->dir}];
      if (root.uses++ == 0) {
        root.dir = r->relative ? "" : r->dir;
        root.relative = r->relative;
        root.example = t->path + ":" + std::to_string(inc.line) + " includes " + quoted(inc);
        root.on_include_path =
            r->relative || std::find(dirs.begin(), dirs.end(), r->dir) != dirs.end();
      }
      angled += inc.angled;
    }
  }
  std::vector<IncludeRoot> out;
  for (auto& [key, value] : roots) {
    value.first.angled = 2 * value.second > value.first.uses;
    out.push_back(value.first);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const IncludeRoot& a, const IncludeRoot& b) { return a.uses > b.uses; });
  return out;
}

// A framework named by a test TU's flags: a define or an include folder.
std::optional<std::pair<std::string, std::string>> flag_hint(const TuFlags& tu) {
  static const std::pair<const char*, const char*> kHints[] = {{"GTEST", "googletest"},
                                                               {"googletest", "googletest"},
                                                               {"gmock", "googletest"},
                                                               {"doctest", "doctest"},
                                                               {"BOOST_TEST", "boost-test"}};
  for (const std::string& a : tu.args) {
    for (const auto& [needle, framework] : kHints) {
      if (a.find(needle) != std::string::npos) return std::make_pair(std::string(framework), a);
    }
  }
  return std::nullopt;
}

struct Votes {
  std::map<std::string, int> files;             ///< framework -> test files that reach it
  std::map<std::string, std::string> evidence;  ///< framework -> first chain
  std::map<std::string, std::map<std::pair<std::string, bool>, int>> headers;
};

TestFramework decide(const Votes& votes, size_t tests) {
  std::string best;
  for (const KnownHeader& k : kKnown) {
    auto it = votes.files.find(k.framework);
    if (it != votes.files.end() && (best.empty() || it->second > votes.files.at(best))) {
      best = k.framework;
    }
  }
  TestFramework t;
  t.name = best;
  int most = 0;
  for (const auto& [header, n] : votes.headers.at(best)) {
    if (n > most) {
      most = n;
      t.header = header.first;
      t.header_angled = header.second;
    }
  }
  t.evidence = votes.evidence.at(best) + " (" + std::to_string(votes.files.at(best)) + " of " +
               std::to_string(tests) + " test files reach it)";
  for (const auto& [name, n] : votes.files) {
    if (name != best) t.evidence += "; " + std::to_string(n) + " reach " + name;
  }
  return t;
}

}  // namespace

std::vector<IncludeLine> include_lines(std::string_view text) {
  std::vector<IncludeLine> out;
  int n = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string_view line =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    ++n;
    size_t i = line.find_first_not_of(" \t");
    if (i != std::string_view::npos && line[i] == '#') {
      i = line.find_first_not_of(" \t", i + 1);
      if (i != std::string_view::npos && line.substr(i, 7) == "include") {
        i = line.find_first_not_of(" \t", i + 7);
        if (i != std::string_view::npos && (line[i] == '"' || line[i] == '<')) {
          char close = line[i] == '"' ? '"' : '>';
          size_t e = line.find(close, i + 1);
          if (e != std::string_view::npos && e > i + 1) {
            out.push_back({n, std::string(line.substr(i + 1, e - i - 1)), close == '>'});
          }
        }
      }
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

TestFramework assumed_framework(const std::vector<std::string>& dirs,
                                const std::function<bool(const std::string&)>& exists,
                                const std::string& reason) {
  std::string v2, v3;
  for (const std::string& d : dirs) {
    if (v3.empty() && exists(d + "/catch2/catch_test_macros.hpp")) v3 = d;
    if (v2.empty() && exists(d + "/catch2/catch.hpp")) v2 = d;
  }
  TestFramework t;
  t.assumed = true;
  if (!v2.empty() && v3.empty()) {
    t.name = "catch2-v2";
    t.header = "catch2/catch.hpp";
    t.evidence = reason + "; the skeleton uses Catch2 v2, the Catch2 installed here (" + v2 +
                 "/catch2/catch.hpp; no Catch2 v3)";
  } else {
    t.name = "catch2-v3";
    t.header = "catch2/catch_test_macros.hpp";
    t.evidence = reason + "; the skeleton uses Catch2 v3 (" +
                 (v3.empty() ? "not installed here" : "installed in " + v3) + ")";
  }
  return t;
}

TestFramework detect_test_framework(const TestFrameworkInput& in) {
  std::function<bool(const std::string&)> exists = in.exists;
  if (!exists) {
    exists = [](const std::string& p) {
      std::error_code ec;
      return fs::is_regular_file(p, ec);
    };
  }
  std::map<std::string, const FileFacts*> files;
  std::vector<const FileFacts*> tests;  // test sources: a test header is reached through them
  for (const FileFacts& f : *in.files) {
    files[f.path] = &f;
    if (is_test(f) && !is_header(f.path)) tests.push_back(&f);
  }
  std::optional<TuFlags> tu = test_tu_flags(in, files);
  std::vector<std::string> dirs = tu ? tu->dirs : std::vector<std::string>{};
  Votes votes;
  for (const FileFacts* t : tests) {
    std::optional<Reach> r = reach_framework(*t, files, dirs);
    if (!r) continue;
    if (votes.files[r->known->framework]++ == 0) votes.evidence[r->known->framework] = r->chain;
    ++votes.headers[r->known->framework][{r->include.spelled, r->include.angled}];
  }
  TestFramework out;
  std::optional<std::pair<std::string, std::string>> hint;
  if (!votes.files.empty()) {
    out = decide(votes, tests.size());
  } else if (tu && (hint = flag_hint(*tu))) {
    out.name = hint->first;
    out.header = default_header(hint->first);
    out.evidence = "compile database: " + tu->tu + " is compiled with " + hint->second +
                   "; no test file includes the framework's header";
  } else {
    std::vector<std::string> look = in.system_dirs;
    if (tu) look.insert(look.begin(), tu->other.begin(), tu->other.end());
    std::string reason = tests.empty() ? "no test files found"
                                       : "no test file (" + std::to_string(tests.size()) +
                                             " in all) includes googletest, Catch2, doctest or "
                                             "Boost.Test, directly or through a repo header";
    out = assumed_framework(look, exists, reason);
  }
  out.include_roots = learn_roots(tests, files, tu);
  if (tu) {
    out.include_tu = tu->tu;
    out.include_dirs = tu->dirs;
  }
  return out;
}

}  // namespace stepup
