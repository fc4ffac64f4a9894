#include "scanner/parse/signal_exits.h"

#include <vector>

#include "scanner/parse/clang_util.h"

namespace stepup {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// absl::Status, leveldb::Status, std::error_code, llvm::Error, a team's
// ErrorCode class: a type whose job is to carry success or failure.
bool status_like(CXType t) {
  CXType c = clang_getCanonicalType(t);
  if (c.kind != CXType_Record) return false;
  std::string name = take_string(clang_getCursorSpelling(clang_getTypeDeclaration(c)));
  for (const std::string& w : name_words(name)) {
    if (w == "status" || w == "error" || w == "errc") return true;
  }
  return false;
}

// Through implicit conversions and copy/move constructions to the value.
CXCursor value_of(CXCursor c) {
  for (int depth = 0; depth < 6; ++depth) {
    c = strip_implicit(c);
    if (clang_getCursorKind(c) != CXCursor_CallExpr) return c;
    CXCursor callee = clang_getCursorReferenced(c);
    if (clang_getCursorKind(callee) != CXCursor_Constructor) return c;
    std::vector<CXCursor> kids = children_of(c);
    if (kids.size() != 1) return c;  // error_code(errno, category): the value itself
    c = kids[0];
  }
  return c;
}

// A call that makes a failed status: a static member of the status class
// other than OK(), or a function whose name ends in Error (absl's
// InternalError, leveldb's PosixError), or make_error_code.
bool error_factory(CXCursor call) {
  CXCursor callee = clang_getCursorReferenced(call);
  std::string name = take_string(clang_getCursorSpelling(callee));
  std::vector<std::string> ws = name_words(name);
  if (ws.empty()) return false;
  if (ws.size() == 1 && (ws[0] == "ok" || ws[0] == "okstatus" || ws[0] == "success")) return false;
  if (ws.size() == 2 && ws[0] == "ok" && ws[1] == "status") return false;
  CXCursorKind k = clang_getCursorKind(callee);
  if (k == CXCursor_Constructor) return children_of(call).size() >= 2;
  if (ws.back() == "error" || ws.back() == "err" || name == "make_error_code") return true;
  if (k == CXCursor_CXXMethod && clang_CXXMethod_isStatic(callee)) {
    // Status::Corruption(...): the class builds one of itself.
    CXType result = clang_getCanonicalType(clang_getCursorResultType(callee));
    CXCursor cls = clang_getCursorSemanticParent(callee);
    return clang_equalCursors(clang_getTypeDeclaration(result), cls) != 0;
  }
  return false;
}

}  // namespace

ReturnValue classify_return(CXCursor value, const std::string& text, const SignalMatcher& m,
                            std::string* detail) {
  if (text == "false" || text == "-1" || text == "nullptr" || text == "NULL" ||
      text == "std::nullopt" || text == "nullopt") {
    return ReturnValue::kAmbiguous;
  }
  for (const char* u : {"std::unexpected(", "unexpected(", "tl::unexpected(", "make_unexpected(",
                        "tl::make_unexpected(", "std::make_unexpected("}) {
    if (starts_with(text, u)) return ReturnValue::kUnexpected;
  }
  CXCursor v = value_of(value);
  CXCursorKind k = clang_getCursorKind(v);
  if (k == CXCursor_DeclRefExpr) {
    CXCursor decl = clang_getCursorReferenced(v);
    if (clang_getCursorKind(decl) == CXCursor_EnumConstantDecl) {
      if (m.error_values.empty()) return ReturnValue::kOther;
      std::string name = take_string(clang_getCursorSpelling(decl));
      std::string top;
      std::string qualified = qualified_name(decl, name, &top);
      if (!m.error_values.matches(name, qualified, is_std_like(top))) return ReturnValue::kOther;
      *detail = qualified;
      return ReturnValue::kEnumerator;
    }
    if ((clang_getCursorKind(decl) == CXCursor_VarDecl ||
         clang_getCursorKind(decl) == CXCursor_ParmDecl) &&
        status_like(clang_getCursorType(decl))) {
      *detail = take_string(clang_getCursorSpelling(decl));
      return ReturnValue::kStatusVar;
    }
    return ReturnValue::kOther;
  }
  if (k == CXCursor_CallExpr && status_like(clang_getCursorType(v)) && error_factory(v)) {
    return ReturnValue::kErrorValue;
  }
  return ReturnValue::kOther;
}

bool tests_failed_status(const std::string& condition, const std::string& name, bool is_else) {
  std::string c = collapse_spaces(condition);
  if (is_else) {
    return c == name + ".ok()" || c == name + "->ok()" || c == "!" + name;
  }
  for (const std::string& failed : {"!" + name + ".ok()", "!" + name + "->ok()",
                                    "!(" + name + ".ok())", "!" + name + ".is_ok()"}) {
    if (c.find(failed) != std::string::npos) return true;
  }
  return c == name || c == "static_cast<bool>(" + name + ")";
}

}  // namespace stepup
