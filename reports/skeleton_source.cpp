#include "reports/skeleton_source.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <regex>
#include <set>

#include "reports/skeleton_code.h"

namespace stepup {
namespace {

std::string normal(const std::string& path) {
  std::string s = std::filesystem::path(path).lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s == "." ? "" : s;
}

bool under(const std::string& path, const std::string& dir) {
  return dir.empty() || path.compare(0, dir.size() + 1, dir + "/") == 0;
}

// #include lines of a text, as written.
std::vector<IncludeRef> includes_of(const FileFacts& f, bool unconditional = false) {
  if (!f.includes.empty()) return f.includes;  // the scan's: only those the build took
  static const std::regex inc(R"(^[ \t]*#[ \t]*include[ \t]*([<"])([^>"]+)[>"])");
  static const std::regex cond(R"(^[ \t]*#[ \t]*(if|ifdef|ifndef|endif)\b)");
  std::vector<IncludeRef> out;
  int depth = 0;  // inside #if blocks: an include for another platform, maybe
  size_t start = 0;
  for (int n = 1; start < f.source.size(); ++n) {
    size_t end = f.source.find('\n', start);
    std::string line =
        f.source.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::smatch m;
    if (line.find('#') != std::string::npos && std::regex_search(line, m, cond)) {
      depth = std::max(0, depth + (m[1] == "endif" ? -1 : 1));
    } else if (line.find("include") != std::string::npos && std::regex_search(line, m, inc) &&
               (!unconditional || depth == 0)) {
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
// The head of fn's definition as written, up to its body, whitespace
// collapsed: "int count(const std::string& s)"; "" when it is not a plain
// function head (a constructor's initialisers, a declaration).
std::string definition_head(const FileFacts& file, const FunctionFacts& fn) {
  const std::string& src = file.source;
  if (src.empty() || fn.line < 1) return "";
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
  return head;
}

}  // namespace

bool is_header(const std::string& path) {
  static const std::set<std::string> kExt = {"h", "hh", "hpp", "hxx", "h++", "inl", "ipp", "tcc"};
  size_t dot = path.rfind('.');
  return dot != std::string::npos && path.find('/', dot) == std::string::npos &&
         kExt.count(path.substr(dot + 1));
}

std::string regex_escape(const std::string& s) {
  return std::regex_replace(s, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)");
}

std::string dir_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string base_of(const std::string& path) { return path.substr(path.rfind('/') + 1); }

std::string stem_of(const std::string& path) {
  std::string base = base_of(path);
  return base.substr(0, base.rfind('.'));
}

std::string join(const std::string& dir, const std::string& rel) {
  return normal(dir.empty() ? rel : dir + "/" + rel);
}

const FileFacts* file_named(const Report& r, const std::string& path) {
  for (const FileFacts& f : r.files) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

std::string code(const std::string& s) { return "`" + s + "`"; }

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

bool static_by_text(const FileFacts& file, const FunctionFacts& fn) {
  if (!namespaces_of(file.source, fn.qualified_name)) return false;  // a member: static means else
  std::string head = definition_head(file, fn);
  return std::regex_search(head, std::regex(R"(^(inline\s+|constexpr\s+)*static\b)"));
}

std::string declaration_of(const FileFacts& file, const FunctionFacts& fn) {
  if (fn.is_template || fn.name.find("operator") != std::string::npos) return "";
  auto scopes = namespaces_of(file.source, fn.qualified_name);
  std::string head = definition_head(file, fn);
  if (!scopes || head.empty()) return "";
  std::string open, end;
  for (const std::string& s : *scopes) {
    open += "namespace " + s + " {\n";
    end = "}  // namespace " + s + "\n" + end;
  }
  // The names its file brings in at file scope, which the head may use.
  std::string uses;
  static const std::regex using_directive(R"(^using namespace [A-Za-z_][A-Za-z0-9_:]*;$)");
  for (int n = 1; n < fn.line; ++n) {
    std::string line = source_line(file.source, n);
    if (line.rfind("using namespace", 0) == 0 && std::regex_match(line, using_directive)) {
      uses += line + "\n";
    }
  }
  std::string decl = uses + open + head + ";\n" + end;
  decl.pop_back();
  return decl;
}

std::vector<std::string> declaration_includes(const Report& r, const TestFramework& fw,
                                              const FileFacts& file, const std::string& dir) {
  std::vector<std::string> out;
  for (const IncludeRef& inc : includes_of(file, true)) {
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
  bool templated =
      !outer.empty() &&
      std::regex_search(text, std::regex(R"(template\s*<[^;{]{0,400}>\s*(class|struct)\s+)" +
                                         regex_escape(outer) + R"(\b)"));
  if (definitions > 1 || mentions > 1 || templated) return "";  // maybe overloaded
  return fn.qualified_name;
}

std::regex class_head(const std::string& cls) {
  return std::regex(R"((^|[^A-Za-z0-9_])(class|struct)\s+([A-Za-z_][A-Za-z0-9_]*\s+)*)" +
                    regex_escape(cls) + R"(\b[^;{()]{0,400}\{)");  // an export macro may come first
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

}  // namespace stepup
