#include "reports/test_skeleton.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <set>

namespace stepup {
namespace {

using Node = std::pair<const FileFacts*, const FunctionFacts*>;

bool is_header(const std::string& path) {
  static const std::set<std::string> kExt = {"h", "hh", "hpp", "hxx", "h++", "inl", "ipp", "tcc"};
  size_t dot = path.rfind('.');
  return dot != std::string::npos && path.find('/', dot) == std::string::npos &&
         kExt.count(path.substr(dot + 1));
}

std::string regex_escape(const std::string& s) {
  return std::regex_replace(s, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)");
}

bool is_test_file(const FileFacts& f) { return f.is_test || f.role == "test"; }

std::string dir_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string base_of(const std::string& path) { return path.substr(path.rfind('/') + 1); }

std::string stem_of(const std::string& path) {
  std::string base = base_of(path);
  return base.substr(0, base.rfind('.'));
}

std::string normal(const std::string& path) {
  std::string s = std::filesystem::path(path).lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s == "." ? "" : s;
}

std::string join(const std::string& dir, const std::string& rel) {
  return normal(dir.empty() ? rel : dir + "/" + rel);
}

bool under(const std::string& path, const std::string& dir) {
  return dir.empty() || path.compare(0, dir.size() + 1, dir + "/") == 0;
}

std::string at(const FileFacts& f, const FunctionFacts& fn) {
  return f.path + ":" + std::to_string(fn.line);
}

const FileFacts* file_named(const Report& r, const std::string& path) {
  for (const FileFacts& f : r.files) {
    if (f.path == path) return &f;
  }
  return nullptr;
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
  const FunctionFacts* best = nullptr;  // an older report: no focus on a file task
  if (!file) return {nullptr, nullptr};
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

std::string code(const std::string& s) { return "`" + s + "`"; }

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

/// How a header is written in an #include, and why.
struct Spelling {
  std::string text;
  bool angled = false;
  std::string why;
};

// The include roots' and the test build's folders that can reach a header
// from a test in dir: the longest learned one first, then the build's own.
Spelling spell(const TestFramework& fw, const std::string& header, const std::string& dir) {
  bool checked = !fw.include_tu.empty();
  const IncludeRoot* best = nullptr;
  for (const IncludeRoot& root : fw.include_roots) {
    std::string from = root.relative ? dir : root.dir;
    if (!under(header, from) || (checked && !root.on_include_path)) continue;
    if (!best || from.size() > (best->relative ? dir : best->dir).size()) best = &root;
  }
  if (best) {
    std::string from = best->relative ? dir : best->dir;
    std::string how = best->relative ? "relative to the test file"
                      : from.empty() ? std::string("from the repo root")
                                     : "from " + code(from + "/");
    std::string check = best->relative || !checked
                            ? ""
                            : " (" + code(fw.include_tu) + "'s compile command puts " +
                                  (from.empty() ? std::string("the repo root") : code(from + "/")) +
                                  " on the include path)";
    return {from.empty() ? header : header.substr(from.size() + 1), best->angled,
            "written " + how + ", the way the tests write theirs: " + code(best->example) + check};
  }
  std::string longest;
  bool found = false;
  for (const std::string& d : fw.include_dirs) {
    if (under(header, d) && (!found || d.size() > longest.size())) longest = d, found = true;
  }
  if (found) {
    return {longest.empty() ? header : header.substr(longest.size() + 1), false,
            "found through the include folder " +
                (longest.empty() ? std::string("(the repo root)") : code(longest + "/")) + " of " +
                code(fw.include_tu) + "'s compile command (no test includes a header from there)"};
  }
  std::string rel =
      std::filesystem::path(header).lexically_relative(dir.empty() ? "." : dir).generic_string();
  return {rel, false,
          "written relative to the test file: no include folder of the test build reaches " +
              (dir_of(header).empty() ? std::string("the repo root") : code(dir_of(header) + "/"))};
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

// #include lines of a text, as written.
std::vector<IncludeRef> includes_of(const FileFacts& f) {
  if (!f.includes.empty()) return f.includes;
  static const std::regex inc(R"(^[ \t]*#[ \t]*include[ \t]*([<"])([^>"]+)[>"])");
  std::vector<IncludeRef> out;
  size_t start = 0;
  for (int n = 1; start < f.source.size(); ++n) {
    size_t end = f.source.find('\n', start);
    std::string line =
        f.source.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::smatch m;
    if (line.find("include") != std::string::npos && std::regex_search(line, m, inc)) {
      out.push_back({n, m[2], m[1] == "<", ""});
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// The repo file an include of includer names, or "".
std::string resolve(const Report& r, const TestFramework& fw, const std::string& includer,
                    const IncludeRef& inc) {
  if (!inc.path.empty()) return inc.path;
  std::vector<std::string> tries;
  if (!inc.angled) tries.push_back(join(dir_of(includer), inc.spelled));
  for (const std::string& d : fw.include_dirs) tries.push_back(join(d, inc.spelled));
  for (const IncludeRoot& root : fw.include_roots) {
    if (!root.relative) tries.push_back(join(root.dir, inc.spelled));
  }
  for (const std::string& t : tries) {
    if (file_named(r, t)) return t;
  }
  std::string found;
  for (const FileFacts& f : r.files) {
    if (f.path.size() > inc.spelled.size() &&
        under(f.path, f.path.substr(0, f.path.size() - inc.spelled.size() - 1)) &&
        f.path.compare(f.path.size() - inc.spelled.size(), inc.spelled.size(), inc.spelled) == 0) {
      if (!found.empty()) return "";  // ambiguous
      found = f.path;
    }
  }
  return found;
}

// Headers that may declare fn: its file's same-named header, then the
// repo headers its file includes.
std::vector<std::string> header_candidates(const Report& r, const TestFramework& fw,
                                           const FileFacts& file) {
  std::vector<std::string> out;
  std::string base = join(dir_of(file.path), stem_of(file.path));
  for (const char* ext : {".h", ".hpp", ".hh", ".hxx"}) {
    if (file_named(r, base + ext)) out.push_back(base + ext);
  }
  for (const IncludeRef& inc : includes_of(file)) {
    std::string p = resolve(r, fw, file.path, inc);
    if (!p.empty() && is_header(p) && std::find(out.begin(), out.end(), p) == out.end()) {
      out.push_back(p);
    }
  }
  return out;
}

bool declares(const std::string& text, const FunctionFacts& fn) {
  if (text.empty()) return false;
  if (!std::regex_search(text,
                         std::regex("(^|[^A-Za-z0-9_~])" + regex_escape(fn.name) + R"(\s*\()"))) {
    return false;
  }
  size_t scope = fn.qualified_name.rfind("::");
  if (scope == std::string::npos) return true;
  std::string outer = fn.qualified_name.substr(0, scope);
  outer = outer.substr(outer.rfind("::") == std::string::npos ? 0 : outer.rfind("::") + 2);
  return outer.find('(') != std::string::npos ||
         std::regex_search(
             text, std::regex("(^|[^A-Za-z0-9_])" + regex_escape(outer) + "([^A-Za-z0-9_]|$)"));
}

// The header that declares fn (repo path), or "" with the reason in why.
std::string header_of(const Report& r, const TestFramework& fw, const FileFacts& file,
                      const FunctionFacts& fn, std::string& why) {
  if (is_header(file.path)) {
    why = "defines it";
    return file.path;
  }
  auto decl = fn.usr.empty() ? r.declarations.end() : r.declarations.find(fn.usr);
  if (decl != r.declarations.end()) {
    if (is_header(decl->second.path)) {
      why = "declares it (line " + std::to_string(decl->second.line) + ")";
      return decl->second.path;
    }
    why = code(fn.name) + " is declared only in " + code(decl->second.path) + ", not in a header";
    return "";
  }
  for (const std::string& h : header_candidates(r, fw, file)) {
    const FileFacts* f = file_named(r, h);
    if (f && declares(f->source, fn)) {
      why = "declares " + code(fn.name) + " (" +
            (dir_of(h) == dir_of(file.path) && stem_of(h) == stem_of(file.path)
                 ? "the header named like " + code(file.path)
                 : "included by " + code(file.path)) +
            ")";
      return h;
    }
  }
  why = "no header of " + code(file.path) +
        " (its same-named header, the headers it includes) declares " + code(fn.name) +
        ": it is not declared in a header";
  return "";
}

// The scopes of a qualified name, when each is a namespace the file opens;
// nullopt for a member of a class (or anything else a declaration cannot
// reopen).
std::optional<std::vector<std::string>> namespaces_of(const std::string& source,
                                                      const std::string& qualified) {
  if (qualified.find_first_of("<(") != std::string::npos) return std::nullopt;
  std::vector<std::string> scopes;
  for (size_t at = 0, next; (next = qualified.find("::", at)) != std::string::npos; at = next + 2) {
    scopes.push_back(qualified.substr(at, next - at));
  }
  for (const std::string& s : scopes) {
    std::regex opened(R"(namespace\s+([A-Za-z_]\w*\s*::\s*)*)" + regex_escape(s) + R"(\b)");
    if (!std::regex_search(source, opened)) return std::nullopt;
  }
  return scopes;
}

// fn's declaration as written at its definition, in its namespaces: for a
// function no header declares, so a test can call it. "" when the text is
// not a plain free-function head.
std::string declaration_of(const FileFacts& file, const FunctionFacts& fn) {
  const std::string& src = file.source;
  if (src.empty() || fn.is_template || fn.name.find("operator") != std::string::npos) return "";
  auto scopes = namespaces_of(src, fn.qualified_name);
  if (!scopes) return "";
  int start = fn.line;
  std::string prev = fn.line > 1 ? source_line(src, fn.line - 1) : "";
  if (source_line(src, fn.line).rfind(fn.name, 0) == 0 && !prev.empty() &&
      prev.find_last_of(";{}") != prev.size() - 1 && prev[0] != '#' && prev.rfind("//", 0) != 0) {
    start = fn.line - 1;  // the result type on a line of its own
  }
  std::string head;
  int depth = 0;
  bool done = false;
  for (int n = start; n <= fn.end_line && n < start + 12 && !done; ++n) {
    std::string line = source_line(src, n);
    line = line.substr(0, line.find("//"));
    for (char ch : line) {
      if (depth == 0 && (ch == '{' || ch == ';')) {
        done = ch == '{';
        if (ch == ';') return "";
        break;
      }
      depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
      head += ch;
    }
    head += ' ';
  }
  head = std::regex_replace(head, std::regex(R"(\s+)"), " ");
  while (!head.empty() && head.back() == ' ') head.pop_back();
  std::regex named("(^|[^A-Za-z0-9_:])" + regex_escape(fn.name) + R"(\s*\()");
  size_t close = head.rfind(')');
  if (!done || !std::regex_search(head, named) || close == std::string::npos ||
      std::regex_search(head.substr(close), std::regex(R"((^|[^:]):([^:]|$))"))) {
    return "";
  }
  std::string open, end;
  for (const std::string& s : *scopes) {
    open += "namespace " + s + " {\n";
    end = "}  // namespace " + s + "\n" + end;
  }
  std::string decl = open + head + ";\n" + end;
  decl.pop_back();
  return decl;
}

// The includes the declaration's types need: those of its own file.
std::vector<std::string> declaration_includes(const Report& r, const TestFramework& fw,
                                              const FileFacts& file, const std::string& dir) {
  std::vector<std::string> out;
  for (const IncludeRef& inc : includes_of(file)) {
    if (inc.angled) {
      out.push_back("<" + inc.spelled + ">");
      continue;
    }
    std::string p = resolve(r, fw, file.path, inc);
    if (p.empty()) continue;
    Spelling s = spell(fw, p, dir);
    out.push_back(s.angled ? "<" + s.text + ">" : "\"" + s.text + "\"");
  }
  return out;
}

std::string last_scope(const std::string& qualified) {
  size_t scope = qualified.rfind("::");
  if (scope == std::string::npos) return "";
  std::string outer = qualified.substr(0, scope);
  size_t before = outer.rfind("::");
  return before == std::string::npos ? outer : outer.substr(before + 2);
}

// What the tests take the address of (&ns::f) to have the compiler check
// the include; "" where that fails for a reason of its own.
std::string address_check(const Report& r, const FunctionFacts& fn, const std::string& text) {
  std::string outer = last_scope(fn.qualified_name);
  if (fn.is_template || fn.name.empty() || fn.name[0] == '~' || fn.name == outer ||
      fn.name.find("operator") == 0 || fn.qualified_name.find_first_of("<(") != std::string::npos) {
    return "";
  }
  int definitions = 0;
  for (const FileFacts& f : r.files) {
    for (const FunctionFacts& g : f.functions) definitions += g.qualified_name == fn.qualified_name;
  }
  std::regex named("(^|[^A-Za-z0-9_~])" + regex_escape(fn.name) + R"(\s*\()");
  auto mentions =
      std::distance(std::sregex_iterator(text.begin(), text.end(), named), std::sregex_iterator());
  bool templated = !outer.empty() &&
                   std::regex_search(text, std::regex(R"(template\s*<[^;{]*>\s*(class|struct)\s+)" +
                                                      regex_escape(outer) + R"(\b)"));
  if (definitions > 1 || mentions > 1 || templated) return "";  // maybe overloaded
  return fn.qualified_name;
}

// The access of name's declaration in the body of class cls in text:
// "public", "private" or "protected"; "" when that body or name is not found.
std::regex class_head(const std::string& cls) {
  return std::regex(R"((^|[^A-Za-z0-9_])(class|struct)\s+([A-Za-z_][A-Za-z0-9_]*\s+)*)" +
                    regex_escape(cls) + R"(\b[^;{()]*\{)");  // an export macro may come first
}

std::string access_of(const std::string& text, const std::string& cls, const std::string& name) {
  std::smatch m;
  if (cls.empty() || !std::regex_search(text, m, class_head(cls))) return "";
  std::string access = m[2] == "class" ? "private" : "public";
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  auto after_blanks = [&](size_t i) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    return i;
  };
  int depth = 1;
  for (size_t i = m.position(0) + m.length(0); i < text.size() && depth > 0;) {
    char c = text[i];
    if (text.compare(i, 2, "//") == 0) {
      i = text.find('\n', i);
      if (i == std::string::npos) break;
    } else if (text.compare(i, 2, "/*") == 0) {
      i = text.find("*/", i + 2);
      if (i == std::string::npos) break;
      i += 2;
    } else if (c == '"' || c == '\'') {
      for (++i; i < text.size() && text[i] != c && text[i] != '\n'; ++i) i += text[i] == '\\';
      ++i;
    } else if (c == '{' || c == '}') {
      depth += c == '{' ? 1 : -1;
      ++i;
    } else if (word(c) && (i == 0 || !word(text[i - 1]))) {
      size_t end = i;
      while (end < text.size() && word(text[end])) ++end;
      std::string id = text.substr(i, end - i);
      size_t next = after_blanks(end);
      bool colon = next < text.size() && text[next] == ':' && text.compare(next, 2, "::") != 0;
      if (depth == 1 && colon && (id == "public" || id == "private" || id == "protected")) {
        access = id;
      } else if (depth == 1 && id == name && next < text.size() && text[next] == '(') {
        return access;
      }
      i = end;
    } else {
      ++i;
    }
  }
  return "";
}

// Why a test cannot call fn, or "" when it can.
std::string blocker(const Report& r, const TestFramework& fw, const FileFacts& file,
                    const FunctionFacts& fn) {
  if (is_main(fn)) return "`main` is the program's entry point: no test can call it";
  if (fn.from_macro) return code(fn.qualified_name) + " is written by a macro expansion";
  if (internal(fn)) {
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
