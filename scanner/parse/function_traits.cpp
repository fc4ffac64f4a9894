#include "scanner/parse/function_traits.h"

#include <vector>

namespace stepup {
namespace {

bool is_method_kind(CXCursorKind k) {
  return k == CXCursor_CXXMethod || k == CXCursor_Constructor || k == CXCursor_Destructor ||
         k == CXCursor_ConversionFunction;
}

bool is_class_kind(CXCursorKind k) {
  return k == CXCursor_ClassDecl || k == CXCursor_StructDecl || k == CXCursor_UnionDecl ||
         k == CXCursor_ClassTemplate || k == CXCursor_ClassTemplatePartialSpecialization;
}

bool is_literal(CXCursorKind k) {
  return k == CXCursor_IntegerLiteral || k == CXCursor_FloatingLiteral ||
         k == CXCursor_ImaginaryLiteral || k == CXCursor_StringLiteral ||
         k == CXCursor_CharacterLiteral || k == CXCursor_CXXBoolLiteralExpr ||
         k == CXCursor_CXXNullPtrLiteralExpr;
}

// `= default` / `= delete` among two token pairs: the last two tokens of
// the declaration's extent and the two after it (libclang's extent ends
// before `= delete` for some declarations and after `= default` for others).
std::string spelled_special(CXCursor fn, const FileTokens& tokens) {
  CXSourceRange extent = clang_getCursorExtent(fn);
  FilePos begin = file_pos(clang_getRangeStart(extent));
  FilePos end = file_pos(clang_getRangeEnd(extent));
  if (begin.file != tokens.file() || end.file != tokens.file() || end.offset < begin.offset) {
    return "";
  }
  auto says = [](std::string_view eq, std::string_view word) -> std::string {
    if (eq != "=") return "";
    if (word == "default") return "defaulted";
    return word == "delete" ? "deleted" : "";
  };
  std::vector<std::string_view> inside = tokens.tokens_between(begin.offset, end.offset);
  size_t n = inside.size();
  if (n >= 2) {
    std::string s = says(inside[n - 2], inside[n - 1]);
    if (!s.empty()) return s;
  }
  std::vector<std::string_view> after = tokens.tokens_from(end.offset, 2);
  return after.size() == 2 ? says(after[0], after[1]) : "";
}

CXCursor referenced(CXCursor c) { return clang_getCursorReferenced(c); }

// A constant: a literal (negated or not), an enumerator, a const variable.
bool is_constant(CXCursor e) {
  e = strip_implicit(e);
  CXCursorKind k = clang_getCursorKind(e);
  if (is_literal(k)) return true;
  if (k == CXCursor_UnaryOperator) {
    std::vector<CXCursor> kids = children_of(e);
    return kids.size() == 1 && is_literal(clang_getCursorKind(strip_implicit(kids[0])));
  }
  if (k != CXCursor_DeclRefExpr) return false;
  CXCursor ref = referenced(e);
  CXCursorKind rk = clang_getCursorKind(ref);
  if (rk == CXCursor_EnumConstantDecl) return true;
  return rk == CXCursor_VarDecl && clang_isConstQualifiedType(clang_getCursorType(ref));
}

bool is_parameter(CXCursor e) {
  e = strip_implicit(e);
  return clang_getCursorKind(e) == CXCursor_DeclRefExpr &&
         clang_getCursorKind(referenced(e)) == CXCursor_ParmDecl;
}

// std::move(x) or std::forward<T>(x): the argument, else a null cursor.
CXCursor moved_argument(CXCursor call) {
  if (clang_getCursorKind(call) != CXCursor_CallExpr) return clang_getNullCursor();
  CXCursor fn = referenced(call);
  std::string name = take_string(clang_getCursorSpelling(fn));
  CXCursor ns = clang_getCursorSemanticParent(fn);
  if ((name != "move" && name != "forward") || clang_Cursor_getNumArguments(call) != 1 ||
      take_string(clang_getCursorSpelling(ns)) != "std") {
    return clang_getNullCursor();
  }
  return clang_Cursor_getArgument(call, 0);
}

bool is_constructor_call(CXCursor e) {
  return clang_getCursorKind(e) == CXCursor_CallExpr &&
         clang_getCursorKind(referenced(e)) == CXCursor_Constructor;
}

// What a constructor's initializer may hold and still copy only: a
// parameter (moved or not), a constant, a value-initialisation, or a
// constructor call, or braces, over such values.
bool is_copied_value(CXCursor e) {
  e = strip_implicit(e);
  if (is_parameter(e) || is_constant(e)) return true;
  CXCursorKind k = clang_getCursorKind(e);
  if (k == CXCursor_UnexposedExpr) return children_of(e).empty();  // x_() / x_{}
  if (k == CXCursor_InitListExpr) {
    for (CXCursor kid : children_of(e)) {
      if (!is_copied_value(kid)) return false;
    }
    return true;
  }
  CXCursor moved = moved_argument(e);
  if (!clang_Cursor_isNull(moved)) return is_parameter(moved);
  if (!is_constructor_call(e)) return false;
  int n = clang_Cursor_getNumArguments(e);
  for (int i = 0; i < n; ++i) {
    if (!is_copied_value(clang_Cursor_getArgument(e, static_cast<unsigned>(i)))) return false;
  }
  return true;
}

// x_, this->x_, this->a_.b_, or a static data member.
bool is_member(CXCursor e) {
  e = strip_implicit(e);
  CXCursorKind k = clang_getCursorKind(e);
  if (k == CXCursor_DeclRefExpr) {
    CXCursor ref = referenced(e);
    return clang_getCursorKind(ref) == CXCursor_VarDecl &&
           is_class_kind(clang_getCursorKind(clang_getCursorSemanticParent(ref)));
  }
  if (k != CXCursor_MemberRefExpr) return false;
  if (clang_getCursorKind(referenced(e)) != CXCursor_FieldDecl) return false;
  std::vector<CXCursor> kids = children_of(e);
  if (kids.empty()) return true;  // implicit this
  if (kids.size() != 1) return false;
  CXCursor base = strip_implicit(kids[0]);
  return clang_getCursorKind(base) == CXCursor_CXXThisExpr || is_member(base);
}

// `return member;` (perhaps copied), `return constant;`.
bool returns_member_or_constant(CXCursor stmt) {
  if (clang_getCursorKind(stmt) != CXCursor_ReturnStmt) return false;
  std::vector<CXCursor> kids = children_of(stmt);
  if (kids.size() != 1) return false;
  CXCursor value = strip_implicit(kids[0]);
  if (is_constructor_call(value) && clang_Cursor_getNumArguments(value) == 1) {
    value = clang_Cursor_getArgument(value, 0);  // a copy of a class-type member
  }
  return is_member(value) || is_constant(value);
}

bool is_parameter_value(CXCursor e) {
  CXCursor moved = moved_argument(strip_implicit(e));
  return is_parameter(clang_Cursor_isNull(moved) ? e : moved);
}

bool is_parameter_or_constant(CXCursor e) {
  return is_parameter_value(e) || is_constant(strip_implicit(e));
}

// `member = parameter;` (or std::move(parameter)), or `member = constant;`
// (a setter such as `running_ = false;`), built-in or operator= (an atomic's
// or a class's).
bool assigns_member_from_parameter(CXCursor stmt, const FileTokens& tokens) {
  std::vector<CXCursor> kids = children_of(stmt);
  CXCursorKind k = clang_getCursorKind(stmt);
  if (k == CXCursor_BinaryOperator && kids.size() == 2) {
    FilePos rhs = file_pos(clang_getRangeStart(clang_getCursorExtent(kids[1])));
    if (rhs.file != tokens.file() || tokens.token_before(rhs.offset) != "=") return false;
    return is_member(kids[0]) && is_parameter_or_constant(kids[1]);
  }
  if (k == CXCursor_CallExpr && kids.size() == 3 &&
      take_string(clang_getCursorSpelling(referenced(stmt))) == "operator=") {
    return is_member(kids[0]) && is_parameter_or_constant(kids[2]);
  }
  return false;
}

// Every initializer of a constructor copies (see is_copied_value).
bool initializers_copy_only(CXCursor ctor) {
  for (CXCursor kid : children_of(ctor)) {
    CXCursorKind k = clang_getCursorKind(kid);
    if (k == CXCursor_CompoundStmt) break;
    if (clang_isExpression(k) && !is_copied_value(kid)) return false;
  }
  return true;
}

// The braces hold nothing but ';' and comments (when they are written in the file:
// a body a macro writes is judged by the AST alone).
bool written_empty(CXCursor body, const FileTokens& tokens) {
  CXSourceRange extent = clang_getCursorExtent(body);
  FilePos begin = file_pos(clang_getRangeStart(extent));
  FilePos end = file_pos(clang_getRangeEnd(extent));
  if (begin.file != tokens.file() || end.file != tokens.file() ||
      is_macro_location(clang_getRangeStart(extent))) {
    return true;
  }
  for (std::string_view t : tokens.tokens_between(begin.offset, end.offset)) {
    bool comment = t.substr(0, 2) == "//" || t.substr(0, 2) == "/*";
    if (t != "{" && t != "}" && t != ";" && !comment) return false;
  }
  return true;
}

std::string trivial_body(CXCursor fn, const FileTokens& tokens) {
  CXCursor body = clang_getNullCursor();
  for (CXCursor kid : children_of(fn)) {
    CXCursorKind k = clang_getCursorKind(kid);
    if (k == CXCursor_CXXTryStmt) return "";
    if (k == CXCursor_CompoundStmt) body = kid;
  }
  if (clang_Cursor_isNull(body)) return "";
  std::vector<CXCursor> stmts;
  for (CXCursor s : children_of(body)) {
    if (clang_getCursorKind(s) != CXCursor_NullStmt) stmts.push_back(s);
  }
  CXCursorKind kind = clang_getCursorKind(fn);
  if (stmts.empty()) {
    if (!written_empty(body, tokens)) return "";  // statements clang dropped on an error
    return kind != CXCursor_Constructor || initializers_copy_only(fn) ? "empty" : "";
  }
  if (stmts.size() != 1 || kind == CXCursor_Constructor || kind == CXCursor_Destructor) return "";
  if (returns_member_or_constant(stmts[0]) || assigns_member_from_parameter(stmts[0], tokens)) {
    return "accessor";
  }
  return "";
}

bool in_anonymous_namespace(CXCursor c) {
  for (CXCursor p = clang_getCursorSemanticParent(c);
       !clang_Cursor_isNull(p) && !clang_isTranslationUnit(clang_getCursorKind(p));
       p = clang_getCursorSemanticParent(p)) {
    if (clang_getCursorKind(p) == CXCursor_Namespace && clang_Cursor_isAnonymous(p)) return true;
  }
  return false;
}

bool in_class_template(CXCursor c) {
  for (CXCursor p = clang_getCursorSemanticParent(c);
       !clang_Cursor_isNull(p) && !clang_isTranslationUnit(clang_getCursorKind(p));
       p = clang_getCursorSemanticParent(p)) {
    CXCursorKind k = clang_getCursorKind(p);
    if (k == CXCursor_ClassTemplate || k == CXCursor_ClassTemplatePartialSpecialization) {
      return true;
    }
  }
  return false;
}

// `constexpr` or `consteval` written before the function's name.
bool spelled_constexpr(CXCursor fn, const FileTokens& tokens) {
  FilePos begin = file_pos(clang_getRangeStart(clang_getCursorExtent(fn)));
  FilePos name = file_pos(clang_getCursorLocation(fn));
  if (begin.file != tokens.file() || name.file != tokens.file()) return false;
  for (std::string_view t : tokens.tokens_between(begin.offset, name.offset)) {
    if (t == "constexpr" || t == "consteval") return true;
  }
  return false;
}

}  // namespace

std::string defaulted_or_deleted(CXCursor fn, const FileTokens& tokens) {
  CXCursorKind kind = clang_getCursorKind(fn);
  bool macro = is_macro_location(clang_getCursorLocation(fn));
  if (is_method_kind(kind) && clang_CXXMethod_isDefaulted(fn)) return "defaulted";
  if (clang_getCursorAvailability(fn) == CXAvailability_NotAvailable) {
    // Deleted, or marked unavailable by an attribute: the tokens tell.
    if (macro) return "deleted";
    return spelled_special(fn, tokens) == "deleted" ? "deleted" : "";
  }
  // A defaulted free function (a C++20 comparison operator).
  return macro ? "" : spelled_special(fn, tokens);
}

FunctionTraits function_traits(CXCursor fn, const FileTokens& tokens, const std::string& special) {
  FunctionTraits t;
  t.from_macro = is_macro_location(clang_getCursorLocation(fn));
  t.trivial = special.empty() ? trivial_body(fn, tokens) : special;
  CXLinkageKind linkage = clang_getCursorLinkage(fn);
  t.internal_linkage = linkage == CXLinkage_Internal || linkage == CXLinkage_UniqueExternal ||
                       in_anonymous_namespace(fn);
  t.is_constexpr = !t.from_macro && spelled_constexpr(fn, tokens);
  t.is_template = clang_getCursorKind(fn) == CXCursor_FunctionTemplate || in_class_template(fn);
  return t;
}

}  // namespace stepup
