#include "scanner/parse/signal_repo.h"

#include <cctype>
#include <vector>

#include "scanner/parse/clang_util.h"
#include "scanner/parse/signal_patterns.h"

namespace stepup {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_ident(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// A parameter name that says printf-style format: fmt, format, msgfmt...
bool format_name(std::string_view name) {
  std::string l = lower(name);
  return l.find("fmt") != std::string::npos || l.find("format") != std::string::npos;
}

// const char* (or const unsigned char*): what a printf-style format is.
bool const_char_pointer(CXType t) {
  CXType c = clang_getCanonicalType(t);
  if (c.kind != CXType_Pointer) return false;
  CXType p = clang_getPointeeType(c);
  return clang_isConstQualifiedType(p) && (p.kind == CXType_Char_S || p.kind == CXType_Char_U ||
                                           p.kind == CXType_SChar || p.kind == CXType_UChar);
}

// A parameter whose type names a logger, sink or stream (by pointer or
// reference; a Logger** is an out-parameter, not a sink).
bool logger_type(CXType t) {
  CXType c = clang_getCanonicalType(t);
  if (c.kind == CXType_Pointer || c.kind == CXType_LValueReference ||
      c.kind == CXType_RValueReference) {
    c = clang_getPointeeType(c);
    if (c.kind == CXType_Pointer) return false;
  }
  if (c.kind != CXType_Record) return false;
  std::string name = take_string(clang_getCursorSpelling(clang_getTypeDeclaration(c)));
  for (const std::string& w : name_words(name)) {
    if (w == "logger" || w == "log" || w == "sink" || w == "ostream" || w == "stream") return true;
  }
  return false;
}

}  // namespace

const std::string& RepoFacts::path_of(CXFile file) {
  static const std::string kNone;
  if (!path_of_ || !file) return kNone;
  auto it = paths_.find(file);
  if (it == paths_.end()) it = paths_.emplace(file, path_of_(file)).first;
  return it->second;
}

DeclFacts function_decl_facts(CXCursor decl) {
  DeclFacts d;
  d.name = take_string(clang_getCursorSpelling(decl));
  std::string top;
  d.qualified_name = qualified_name(decl, d.name, &top);
  CXType type = clang_getCursorType(decl);
  d.variadic = clang_isFunctionTypeVariadic(type) == 1;
  d.result = type_text(clang_getCursorResultType(decl));
  int n = clang_Cursor_getNumArguments(decl);
  for (int i = 0; i < n; ++i) {
    CXCursor arg = clang_Cursor_getArgument(decl, static_cast<unsigned>(i));
    CXType t = clang_getCursorType(arg);
    if (logger_type(t)) d.logger_param = true;
    if (!const_char_pointer(t)) continue;
    // A format: named so, or the last named parameter before "..." or a va_list.
    bool before_varargs = (i == n - 1 && d.variadic);
    if (i + 1 < n) {
      CXCursor next = clang_Cursor_getArgument(decl, static_cast<unsigned>(i + 1));
      std::string spelled = take_string(clang_getTypeSpelling(clang_getCursorType(next)));
      before_varargs = before_varargs || spelled.find("va_list") != std::string::npos;
    }
    if (before_varargs || format_name(take_string(clang_getCursorSpelling(arg)))) {
      d.format_param = true;
    }
  }
  return d;
}

std::string RepoFacts::record_function(CXCursor decl, bool known_log) {
  if (!enabled()) return {};
  // A special member the compiler declared (or `= default`) has no body in
  // the repository: calling it calls nothing of the repository's.
  if (clang_CXXMethod_isDefaulted(decl)) return {};
  // A template's specializations share the template's facts and USR. A
  // member template of a class template's instantiation is specialized
  // twice: from the instantiated class's member template, then from the
  // pattern written in the source.
  CXCursor tmpl = clang_getSpecializedCursorTemplate(decl);
  for (int i = 0; i < 3 && !clang_Cursor_isNull(tmpl); ++i) {
    CXCursor next = clang_getSpecializedCursorTemplate(tmpl);
    if (clang_Cursor_isNull(next) || clang_equalCursors(next, tmpl)) break;
    tmpl = next;
  }
  CXCursor named = clang_Cursor_isNull(tmpl) ? decl : tmpl;
  CXCursor first = clang_getCanonicalCursor(named);
  CXFile file = nullptr;
  unsigned line = 0;
  clang_getExpansionLocation(clang_getCursorLocation(first), &file, &line, nullptr, nullptr);
  const std::string& path = path_of(file);
  if (path.empty()) return {};
  std::string usr = take_string(clang_getCursorUSR(named));
  if (usr.empty()) return {};
  auto [it, fresh] = declarations.emplace(usr, DeclFacts{});
  if (fresh) {
    it->second = function_decl_facts(clang_Cursor_isNull(tmpl) ? first : decl);
    it->second.path = path;
    it->second.line = static_cast<int>(line);
  }
  if (known_log) it->second.known_log = true;
  return usr;
}

std::vector<DeclFacts> macro_definitions(std::string_view text) {
  std::vector<DeclFacts> out;
  int line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    // At a line start: blanks, '#', blanks, "define", blanks, NAME.
    size_t p = i;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
    if (p < text.size() && text[p] == '#') {
      ++p;
      while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
      if (text.substr(p, 6) == "define" && p + 6 < text.size() && !is_ident(text[p + 6])) {
        p += 6;
        while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
        size_t start = p;
        while (p < text.size() && is_ident(text[p])) ++p;
        DeclFacts d;
        d.name = std::string(text.substr(start, p - start));
        d.qualified_name = d.name;
        d.line = line;
        d.is_macro = true;
        if (p < text.size() && text[p] == '(') {
          size_t close = text.find(')', p);
          std::string_view params =
              text.substr(p + 1, close == std::string_view::npos ? 0 : close - p - 1);
          d.variadic = params.find("...") != std::string_view::npos;
          d.format_param = format_name(params);
        }
        if (!d.name.empty()) out.push_back(std::move(d));
      }
    }
    // To the next line start, following backslash continuations.
    size_t nl = text.find('\n', i);
    if (nl == std::string_view::npos) break;
    line += 1;
    i = nl;
  }
  return out;
}

void RepoFacts::load_macros() {
  macros_loaded_ = true;
  std::vector<CXFile> files;
  clang_getInclusions(
      tu_,
      [](CXFile file, CXSourceLocation*, unsigned, CXClientData data) {
        static_cast<std::vector<CXFile>*>(data)->push_back(file);
      },
      &files);
  for (CXFile f : files) {
    const std::string& path = path_of(f);
    if (path.empty()) continue;
    size_t size = 0;
    const char* data = clang_getFileContents(tu_, f, &size);
    if (!data) continue;
    for (DeclFacts& d : macro_definitions(std::string_view(data, size))) {
      d.path = path;
      std::string usr = "c:@macro@" + d.name;
      auto [it, fresh] = macros_.emplace(d.name, RepoMacro{usr, d});
      // #ifdef'd variants: any variadic definition makes the macro variadic.
      if (!fresh && d.variadic) it->second.facts.variadic = true;
    }
  }
}

const RepoMacro* RepoFacts::macro(std::string_view name) {
  if (!enabled()) return nullptr;
  if (!macros_loaded_) load_macros();
  auto it = macros_.find(std::string(name));
  return it == macros_.end() ? nullptr : &it->second;
}

void RepoFacts::record_macro(const RepoMacro& m, bool calls_log, bool known_log) {
  auto [it, fresh] = declarations.emplace(m.usr, m.facts);
  if (calls_log) it->second.calls_log = true;
  if (known_log) it->second.known_log = true;
}

}  // namespace stepup
