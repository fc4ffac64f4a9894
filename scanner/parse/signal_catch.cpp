#include "scanner/parse/signal_catch.h"

#include <cctype>
#include <string>
#include <vector>

namespace stepup {

namespace {

// Empty, `;`, `return;`, break, continue, `(void)e;` and blocks of those.
bool does_nothing(CXCursor block, bool* any) {
  for (CXCursor s : children_of(block)) {
    switch (clang_getCursorKind(s)) {
      case CXCursor_NullStmt:
        break;
      case CXCursor_CompoundStmt:
        if (!does_nothing(s, any)) return false;
        break;
      case CXCursor_ReturnStmt:
        if (!children_of(s).empty()) return false;
        *any = true;
        break;
      case CXCursor_BreakStmt:
      case CXCursor_ContinueStmt:
        *any = true;
        break;
      case CXCursor_CStyleCastExpr:
      case CXCursor_CXXStaticCastExpr: {
        if (clang_getCursorType(s).kind != CXType_Void) return false;
        std::vector<CXCursor> inner = children_of(s);
        if (inner.empty() ||
            clang_getCursorKind(strip_implicit(inner.back())) != CXCursor_DeclRefExpr) {
          return false;
        }
        *any = true;
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

// Anything but blanks between the block's braces (comments, then).
bool holds_text(CXCursor block, const FileTokens& tokens) {
  CXSourceRange r = clang_getCursorExtent(block);
  FilePos a = file_pos(clang_getRangeStart(r)), b = file_pos(clang_getRangeEnd(r));
  if (a.file != tokens.file() || b.file != tokens.file() || b.offset < a.offset + 2) {
    return false;
  }
  for (char ch : tokens.text().substr(a.offset + 1, b.offset - a.offset - 2)) {
    if (!std::isspace(static_cast<unsigned char>(ch))) return true;
  }
  return false;
}

}  // namespace

std::optional<Finding> silent_catch(CXCursor c, const FileTokens& tokens, int line) {
  std::vector<CXCursor> kids = children_of(c);
  if (kids.empty()) return std::nullopt;
  CXCursor body = kids.back();
  if (clang_getCursorKind(body) != CXCursor_CompoundStmt) return std::nullopt;
  bool any_statement = false;
  if (!does_nothing(body, &any_statement)) return std::nullopt;
  std::string type = "...";
  if (kids.size() >= 2 && clang_getCursorKind(kids[0]) == CXCursor_VarDecl) {
    type = type_text(clang_getCursorType(kids[0]));
  }
  std::string why = any_statement              ? "the handler only returns, breaks or discards it"
                    : holds_text(body, tokens) ? "the handler holds only comments"
                                               : "empty handler";
  return Finding{"silent-catch", line, "catch (" + type + ") swallows the error: " + why, {}};
}

}  // namespace stepup
