#include "reports/test_skeleton.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "reports/skeleton_source.h"

namespace stepup {
namespace {

using Node = std::pair<const FileFacts*, const FunctionFacts*>;

bool is_test_file(const FileFacts& f) { return f.is_test || f.role == "test"; }

std::string at(const FileFacts& f, const FunctionFacts& fn) {
  return f.path + ":" + std::to_string(fn.line);
}

const FunctionFacts* function_named(const FileFacts& f, const std::string& name,
                                    std::optional<int> line) {
  const FunctionFacts* best = nullptr;
  for (const FunctionFacts& fn : f.functions) {
    if (fn.qualified_name != name) continue;
    if (!best || (line && fn.line == *line)) best = &fn;
  }
  return best;
}

// The function the first step starts with: Candidate.focus, else the target.
Node focus_of(const Report& r, const Candidate& c) {
  const FileFacts* file = c.target.file ? file_named(r, *c.target.file) : nullptr;
  std::optional<std::string> name = c.focus ? c.focus : c.target.function;
  if (name) {
    if (file) {
      if (const FunctionFacts* fn = function_named(*file, *name, c.target.line)) return {file, fn};
    }
    for (const FileFacts& f : r.files) {
      if (const FunctionFacts* fn = function_named(f, *name, std::nullopt)) return {&f, fn};
    }
    return {file, nullptr};
  }
  // A file task without a focus: the function at its line (where its first
  // step points), else its most complex function with lines no test runs.
  if (!file) return {nullptr, nullptr};
  const FunctionFacts* best = nullptr;
  for (const FunctionFacts& fn : file->functions) {
    if (c.target.line && fn.line <= *c.target.line && *c.target.line <= fn.end_line &&
        (!best || fn.line > best->line)) {
      best = &fn;
    }
  }
  if (best) return {file, best};
  for (const FunctionFacts& fn : file->functions) {
    if (!fn.uncovered_lines.empty() && (!best || fn.cyclomatic > best->cyclomatic)) best = &fn;
  }
  return {file, best};
}

bool is_main(const FunctionFacts& fn) { return fn.qualified_name == "main"; }

bool internal(const FunctionFacts& fn) {
  return fn.internal_linkage ||
         fn.qualified_name.find("(anonymous namespace)") != std::string::npos;
}

// The nearest caller with external linkage, outside the tests, through the
// call graph (breadth first): the path from it down to focus.
// The functions of file whose body names fn followed by "(": the callers of
// a function with internal linkage live in its own file, so this stands in
// for the call graph where the report carries none.
std::vector<Node> callers_by_text(const FileFacts& file, const FunctionFacts& fn) {
  std::vector<Node> out;
  if (file.source.empty() || fn.name.empty()) return out;
  std::regex called("(^|[^A-Za-z0-9_])" + regex_escape(fn.name) + R"(\s*\()");
  for (const FunctionFacts& g : file.functions) {
    if (&g == &fn || g.name == fn.name) continue;
    for (int n = g.line; n <= g.end_line; ++n) {
      std::string line = source_line(file.source, n);
      if (n == g.line) {  // a one-line body: what follows its brace
        size_t brace = line.find('{');
        line = brace == std::string::npos ? "" : line.substr(brace);
      }
      if (std::regex_search(line.substr(0, line.find("//")), called)) {
        out.push_back({&file, &g});
        break;
      }
    }
  }
  return out;
}

// The nearest caller a test can call, outside the tests, breadth first: the
// path from it down to focus. Uses the call graph where functions carry
// their calls, else callers_by_text (and says so in by_text).
std::vector<Node> path_to_public(const Report& r, Node focus,
                                 const std::function<bool(const Node&)>& callable, bool& by_text) {
  std::map<std::string, std::vector<Node>> graph;
  for (const FileFacts& f : r.files) {
    for (const FunctionFacts& fn : f.functions) {
      for (const CallSite& call : fn.calls) graph[call.callee_usr].push_back({&f, &fn});
    }
  }
  by_text = focus.second->usr.empty();
  auto callers = [&](const Node& n) {
    if (by_text) return callers_by_text(*n.first, *n.second);
    auto it = graph.find(n.second->usr);
    return it == graph.end() ? std::vector<Node>{} : it->second;
  };
  std::map<const FunctionFacts*, Node> parent;  // caller -> the callee it was reached from
  std::vector<Node> level = {focus};
  parent[focus.second] = focus;
  while (!level.empty()) {
    std::vector<Node> next, found;
    for (const Node& n : level) {
      for (const Node& caller : callers(n)) {
        if (is_test_file(*caller.first) || !parent.emplace(caller.second, n).second) continue;
        if (callable(caller)) found.push_back(caller);
        next.push_back(caller);
      }
    }
    level = std::move(next);
    if (found.empty()) continue;
    std::sort(found.begin(), found.end(), [&](const Node& a, const Node& b) {
      bool sa = a.first == focus.first, sb = b.first == focus.first;
      if (sa != sb) return sa;
      return std::make_pair(a.first->path, a.second->line) <
             std::make_pair(b.first->path, b.second->line);
    });
    std::vector<Node> path = {found.front()};
    while (path.back().second != focus.second) path.push_back(parent.at(path.back().second));
    return path;
  }
  return {};
}

/// Where the new tests go.
struct Place {
  std::string file, why;
  bool exists = false;
};

// A test file named the way the model test is, for the source's stem.
std::string named_like(const std::string& model, const std::string& stem) {
  std::string base = base_of(model);
  size_t dot = base.rfind('.');
  std::string ext = dot == std::string::npos ? ".cpp" : base.substr(dot);
  std::string name = base.substr(0, dot);
  for (const char* suffix : {"_unittest", "_tests", "_test", "Test", "Tests", "-test"}) {
    std::string s = suffix;
    if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
      return stem + s + ext;
    }
  }
  if (name.rfind("test_", 0) == 0) return "test_" + stem + ext;
  return stem + "_test" + ext;
}

Place test_place(const Report& r, const TestFramework& fw, const std::string& source) {
  std::vector<const FileFacts*> tests;
  for (const FileFacts& f : r.files) {
    if (is_test_file(f) && !is_header(f.path)) tests.push_back(&f);
  }
  if (tests.empty()) {
    return {"tests/" + stem_of(source) + "_test.cpp", "the repository has no test file yet", false};
  }
  auto shared = [&](const std::string& path) {  // folders in common with the source
    int n = 0;
    std::string a = dir_of(source), b = dir_of(path);
    for (size_t i = 0; i <= std::min(a.size(), b.size()); ++i) {
      bool end_a = i == a.size() || a[i] == '/', end_b = i == b.size() || b[i] == '/';
      if (end_a && end_b && i > 0) ++n;
      if (i == a.size() || i == b.size() || a[i] != b[i]) break;
    }
    return n;
  };
  const FileFacts* model = nullptr;
  for (const FileFacts* t : tests) {
    if (!model || shared(t->path) > shared(model->path) ||
        (shared(t->path) == shared(model->path) && t->path == fw.include_tu)) {
      model = t;
    }
  }
  std::string name = named_like(model->path, stem_of(source));
  for (const FileFacts* t : tests) {  // tests of this source may already exist elsewhere
    if (base_of(t->path) == name) {
      return {t->path, "it exists and is named for " + code(source) + ": add the tests to it",
              true};
    }
  }
  std::string file = join(dir_of(model->path), name);
  return {file,
          "a new file beside " + code(model->path) +
              ", named the way it is; add it to the test "
              "build where " +
              code(model->path) + " is listed",
          false};
}

// Why a test cannot call fn, or "" when it can.
std::string blocker(const Report& r, const TestFramework& fw, const FileFacts& file,
                    const FunctionFacts& fn) {
  if (is_main(fn)) return "`main` is the program's entry point: no test can call it";
  if (fn.from_macro) return code(fn.qualified_name) + " is written by a macro expansion";
  if (internal(fn) || static_by_text(file, fn)) {
    return code(fn.qualified_name) +
           " has internal linkage (static, or in an anonymous namespace): no test can call it";
  }
  std::string why;
  std::string header = header_of(r, fw, file, fn, why);
  std::string cls = last_scope(fn.qualified_name);
  if (header.empty()) {
    bool local_class = !cls.empty() && std::regex_search(file.source, class_head(cls));
    return local_class ? code(fn.qualified_name) + " is a member of " + code(cls) + ", which " +
                             code(file.path) + " defines: no test can see it"
                       : "";
  }
  const FileFacts* h = file_named(r, header);
  std::string access = h ? access_of(h->source, cls, fn.name) : "";
  if (access == "private" || access == "protected") {
    return code(fn.qualified_name) + " is a " + access + " member of " + code(cls) + " (" +
           code(header) + "): no test can call it";
  }
  return "";
}

// Sets plan.entry (or leaves it null) and says why it is not the focus.
void choose_entry(const Report& r, SkeletonPlan& p) {
  const FunctionFacts& f = *p.focus;
  std::string why = blocker(r, p.framework, *p.focus_file, f);
  if (why.empty()) {
    p.entry_file = p.focus_file;
    p.entry = p.focus;
    return;
  }
  auto callable = [&](const Node& n) {
    return blocker(r, p.framework, *n.first, *n.second).empty();
  };
  bool by_text = false;
  std::vector<Node> path = is_main(f)
                               ? std::vector<Node>{}
                               : path_to_public(r, {p.focus_file, p.focus}, callable, by_text);
  if (!path.empty()) {
    p.entry_file = path.front().first;
    p.entry = path.front().second;
    p.reach = why + ". " + code(p.entry->qualified_name) + " (" +
              code(at(*p.entry_file, *p.entry)) + "), which a test can call, calls it";
    if (path.size() > 2) {
      p.reach += " through";
      for (size_t i = 1; i + 1 < path.size(); ++i) p.reach += " " + code(path[i].second->name);
    }
    if (by_text) p.reach += " (found by name in the file's text: the report carries no call graph)";
    p.reach += ": the test calls " + code(p.entry->name) + " with inputs that reach " +
               code(f.name) + "'s lines.";
  } else {
    p.reach = why +
              (is_main(f) ? ""
               : by_text  ? ", and no function of " + code(p.focus_file->path) +
                               " that a test can call names it (the report carries no call graph)"
                         : ", and no function a test can call calls it") +
              ". It can only be tested through the program (run it and check what it does), "
              "or after extracting its logic into a function declared in a header.";
  }
}

}  // namespace

SkeletonPlan plan_skeleton(const Report& r, const Candidate& c) {
  SkeletonPlan p;
  if (r.test_framework) {
    p.framework = *r.test_framework;
  } else {
    p.framework = {"catch2-v3", "catch2/catch_test_macros.hpp",
                   "the report names no test framework: Catch2 v3 assumed"};
    p.framework.assumed = true;
  }
  std::tie(p.focus_file, p.focus) = focus_of(r, c);
  if (!p.focus) return p;
  p.decisions = decisions_of(*p.focus_file, *p.focus);
  choose_entry(r, p);
  if (!p.entry) return p;
  Place place = test_place(r, p.framework, p.entry_file->path);
  p.test_file = place.file;
  p.test_file_exists = place.exists;
  p.test_file_why = place.why;
  std::string why;
  p.header = header_of(r, p.framework, *p.entry_file, *p.entry, why);
  if (!p.header.empty()) {
    Spelling s = spell(p.framework, p.header, dir_of(p.test_file));
    p.include = s.text;
    p.include_angled = s.angled;
    p.include_why = code(p.header) + " " + why + "; " + s.why;
    const FileFacts* h = file_named(r, p.header);
    p.address_check = address_check(r, *p.entry, h ? h->source : "");
  } else {
    p.include_why = why;
    p.declaration = declaration_of(*p.entry_file, *p.entry);
    if (!p.declaration.empty()) {
      p.declaration_includes =
          declaration_includes(r, p.framework, *p.entry_file, dir_of(p.test_file));
      p.address_check = address_check(r, *p.entry, p.declaration);
    }
  }
  return p;
}

std::vector<std::string> skeleton_reads(const Report& r, const Candidate& c) {
  Node focus = focus_of(r, c);
  if (!focus.first) return {};
  TestFramework fw = r.test_framework.value_or(TestFramework{});
  std::vector<std::string> out;
  for (const std::string& h : header_candidates(r, fw, *focus.first)) {
    const FileFacts* f = file_named(r, h);
    if (f && f->source.empty()) out.push_back(h);
  }
  return out;
}

}  // namespace stepup
