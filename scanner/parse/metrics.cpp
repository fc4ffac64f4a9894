#include "scanner/parse/metrics.h"

#include <set>
#include <string_view>
#include <vector>

#include "scanner/parse/source_text.h"

namespace stepup {
namespace {

class Walker {
 public:
  Walker(CXCursor fn, const FileTokens& tokens)
      : fn_(clang_getCanonicalCursor(fn)), tokens_(tokens) {}

  Complexity result() const { return c_; }

  void visit(CXCursor c, int nesting) {
    switch (clang_getCursorKind(c)) {
      case CXCursor_IfStmt:
        visit_if(c, nesting, false);
        return;
      case CXCursor_ForStmt:
      case CXCursor_CXXForRangeStmt:
      case CXCursor_WhileStmt:
        visit_loop(c, nesting, clang_getCursorKind(c) == CXCursor_WhileStmt ? "while" : "for");
        return;
      case CXCursor_DoStmt:
        visit_do(c, nesting);
        return;
      case CXCursor_SwitchStmt:
        visit_structure(c, nesting, "switch", /*cyclomatic=*/false);
        return;
      case CXCursor_CXXCatchStmt:
        visit_structure(c, nesting, "catch", /*cyclomatic=*/true);
        return;
      case CXCursor_CaseStmt:
        if (keyword_at(c, "case")) ++c_.cyclomatic;
        break;
      case CXCursor_GotoStmt:
        if (keyword_at(c, "goto")) ++c_.cognitive;
        break;
      case CXCursor_ConditionalOperator:
        visit_conditional(c, nesting);
        return;
      case CXCursor_BinaryOperator:
        if (logical_op(c)) {
          visit_logical(c, nesting);
          return;
        }
        break;
      case CXCursor_CallExpr:
        if (calls_self(c)) ++c_.cognitive;
        break;
      case CXCursor_LambdaExpr:
        visit_children(c, enter(nesting));
        return;
      default:
        break;
    }
    visit_children(c, nesting);
  }

  void visit_children(CXCursor c, int nesting) {
    for (CXCursor kid : children_of(c)) visit(kid, nesting);
  }

 private:
  // The nesting level inside a structure's body; remembers the deepest.
  int enter(int nesting) {
    int inner = nesting + 1;
    if (inner > c_.max_nesting) c_.max_nesting = inner;
    return inner;
  }

  FilePos pos_of_start(CXCursor c) const {
    return file_pos(clang_getRangeStart(clang_getCursorExtent(c)));
  }

  // True when the keyword that starts c is written in the function's file
  // at c's own location (not produced by a macro body). Each token counts
  // once, so a macro that repeats an argument cannot double-count it.
  bool keyword_at(CXCursor c, std::string_view keyword) {
    FilePos p = file_pos(clang_getCursorLocation(c));
    if (p.file != tokens_.file() || tokens_.token_at(p.offset) != keyword) {
      return false;
    }
    return counted_.insert(p.offset).second;
  }

  // Token lookups read what the compiler read: comments, preprocessor
  // directive lines and the code an #if between them left out are passed
  // over ("a && /* why */ b", "a ||\n#if X\n  c ||\n#endif\n  b").

  // The first code token at or after `from`, and its offset.
  std::string_view code_token_after(unsigned from, unsigned* at) const {
    std::string_view text = tokens_.text();
    size_t i = next_code(text, from);
    if (i >= text.size()) return {};
    *at = static_cast<unsigned>(i);
    return tokens_.token_at(*at);
  }

  // The last token before `offset` that is neither a comment nor on a
  // directive line, and its offset.
  std::string_view code_token_before(unsigned offset, unsigned* at) const {
    for (unsigned o = offset;;) {
      std::string_view tok = tokens_.token_before(o);
      if (tok.empty()) return {};
      unsigned start = tokens_.offset_before(o);
      bool comment = tok.substr(0, 2) == "//" || tok.substr(0, 2) == "/*";
      if (!comment && !on_directive_line(tokens_.text(), start)) {
        *at = start;
        return tok;
      }
      o = start;
    }
  }

  // The token written between two children `left` and `right` of `parent`:
  // the first code token after `left` (one ';' passed over when
  // `past_semicolon`, for a statement that is not a block), else the last
  // one before `right`. Reading forward first keeps code an #if left out
  // between the token and `right` out of the answer. The token must lie
  // inside parent's own text: an operator a macro's body writes has its
  // operands' extents spanning the whole macro use, and what stands next to
  // that use is not its operator.
  std::string_view token_between(CXCursor parent, CXCursor left, CXCursor right,
                                 bool past_semicolon, unsigned* at) const {
    CXSourceRange extent = clang_getCursorExtent(parent);
    FilePos begin = file_pos(clang_getRangeStart(extent));
    FilePos end = file_pos(clang_getRangeEnd(extent));
    if (begin.file != tokens_.file() || end.file != tokens_.file()) return {};
    auto inside = [&](std::string_view tok) {
      return !tok.empty() && *at >= begin.offset && *at < end.offset ? tok : std::string_view();
    };
    FilePos l = file_pos(clang_getRangeEnd(clang_getCursorExtent(left)));
    if (l.file == tokens_.file()) {
      std::string_view tok = code_token_after(l.offset, at);
      if (past_semicolon && tok == ";") tok = code_token_after(*at + 1, at);
      if (!tok.empty()) return inside(tok);
    }
    FilePos r = pos_of_start(right);
    if (r.file != tokens_.file()) return {};
    return inside(code_token_before(r.offset, at));
  }

  // For a BinaryOperator: '&' for &&, '|' for ||, 0 otherwise.
  char logical_op(CXCursor c) {
    std::vector<CXCursor> kids = children_of(c);
    if (kids.size() != 2) return 0;
    unsigned at = 0;
    std::string_view op = token_between(c, kids[0], kids[1], false, &at);
    if (op == "&&" || op == "and") return '&';
    if (op == "||" || op == "or") return '|';
    return 0;
  }

  void visit_if(CXCursor c, int nesting, bool else_if) {
    if (!keyword_at(c, "if")) {  // from a macro: transparent
      visit_children(c, nesting);
      return;
    }
    ++c_.cyclomatic;
    c_.cognitive += else_if ? 1 : 1 + nesting;
    std::vector<CXCursor> kids = children_of(c);
    unsigned else_offset = 0;
    bool has_else = kids.size() >= 2 && token_between(c, kids[kids.size() - 2], kids.back(), true,
                                                      &else_offset) == "else";
    size_t then_index = kids.size() - (has_else ? 2 : 1);
    for (size_t i = 0; i < then_index; ++i) visit(kids[i], nesting);
    int body = enter(nesting);
    visit(kids[then_index], body);
    if (!has_else) return;
    CXCursor other = kids.back();
    FilePos p = file_pos(clang_getCursorLocation(other));
    if (clang_getCursorKind(other) == CXCursor_IfStmt && p.file == tokens_.file() &&
        tokens_.token_at(p.offset) == "if") {
      visit_if(other, nesting, /*else_if=*/true);
      return;
    }
    if (counted_.insert(else_offset).second) ++c_.cognitive;
    visit(other, body);
  }

  // for / range-for / while: the body is the last child.
  void visit_loop(CXCursor c, int nesting, std::string_view keyword) {
    bool spelled = keyword_at(c, keyword);
    if (spelled) {
      ++c_.cyclomatic;
      c_.cognitive += 1 + nesting;
    }
    std::vector<CXCursor> kids = children_of(c);
    for (size_t i = 0; i + 1 < kids.size(); ++i) visit(kids[i], nesting);
    if (!kids.empty()) visit(kids.back(), spelled ? enter(nesting) : nesting);
  }

  // do { body } while (cond): the body is the first child.
  void visit_do(CXCursor c, int nesting) {
    bool spelled = keyword_at(c, "do");
    if (spelled) {
      ++c_.cyclomatic;
      c_.cognitive += 1 + nesting;
    }
    std::vector<CXCursor> kids = children_of(c);
    for (size_t i = 0; i < kids.size(); ++i) {
      visit(kids[i], i == 0 && spelled ? enter(nesting) : nesting);
    }
  }

  // switch and catch: an increment with nesting, the last child nested.
  void visit_structure(CXCursor c, int nesting, std::string_view keyword, bool cyclomatic) {
    bool spelled = keyword_at(c, keyword);
    if (spelled) {
      if (cyclomatic) ++c_.cyclomatic;
      c_.cognitive += 1 + nesting;
    }
    std::vector<CXCursor> kids = children_of(c);
    for (size_t i = 0; i + 1 < kids.size(); ++i) visit(kids[i], nesting);
    if (!kids.empty()) visit(kids.back(), spelled ? enter(nesting) : nesting);
  }

  void visit_conditional(CXCursor c, int nesting) {
    std::vector<CXCursor> kids = children_of(c);
    unsigned offset = 0;
    bool spelled = kids.size() == 3 && token_between(c, kids[0], kids[1], false, &offset) == "?" &&
                   counted_.insert(offset).second;
    if (!spelled) {
      visit_children(c, nesting);
      return;
    }
    ++c_.cyclomatic;
    c_.cognitive += 1 + nesting;
    visit(kids[0], nesting);
    int branch = enter(nesting);
    visit(kids[1], branch);
    visit(kids[2], branch);
  }

  // A tree of && and || joined directly or through parentheses is one
  // expression: +1 cognitive for its first operator and for each change of
  // operator; operands that are anything else (a '!', a call) are walked
  // as ordinary expressions and may start sequences of their own.
  void visit_logical(CXCursor c, int nesting) {
    std::vector<char> ops;
    std::vector<CXCursor> operands;
    flatten(c, ops, operands);
    add_logical_sequence(ops, c_);
    for (CXCursor operand : operands) visit(operand, nesting);
  }

  void flatten(CXCursor c, std::vector<char>& ops, std::vector<CXCursor>& operands) {
    CXCursorKind kind = clang_getCursorKind(c);
    if (kind == CXCursor_ParenExpr || kind == CXCursor_UnexposedExpr) {
      std::vector<CXCursor> kids = children_of(c);
      if (kids.size() == 1 && is_logical_tree(kids[0])) {
        flatten(kids[0], ops, operands);
        return;
      }
    } else if (kind == CXCursor_BinaryOperator) {
      if (char op = logical_op(c)) {
        std::vector<CXCursor> kids = children_of(c);
        flatten(kids[0], ops, operands);
        ops.push_back(op);
        flatten(kids[1], ops, operands);
        return;
      }
    }
    operands.push_back(c);
  }

  bool is_logical_tree(CXCursor c) {
    CXCursorKind kind = clang_getCursorKind(c);
    if (kind == CXCursor_BinaryOperator) return logical_op(c) != 0;
    if (kind == CXCursor_ParenExpr || kind == CXCursor_UnexposedExpr) {
      std::vector<CXCursor> kids = children_of(c);
      return kids.size() == 1 && is_logical_tree(kids[0]);
    }
    return false;
  }

  bool is_self(CXCursor decl) const {
    if (clang_Cursor_isNull(decl)) return false;
    if (clang_equalCursors(clang_getCanonicalCursor(decl), fn_)) return true;
    CXCursor tmpl = clang_getSpecializedCursorTemplate(decl);
    return !clang_Cursor_isNull(tmpl) && clang_equalCursors(clang_getCanonicalCursor(tmpl), fn_);
  }

  bool calls_self(CXCursor call) {
    if (is_self(clang_getCursorReferenced(call))) return true;
    // A dependent call inside a template names an overload set.
    for (CXCursor kid : children_of(call)) {
      CXCursor ref = kid;
      while (clang_getCursorKind(ref) == CXCursor_UnexposedExpr) {
        std::vector<CXCursor> inner = children_of(ref);
        if (inner.empty()) break;
        ref = inner[0];
      }
      if (clang_getCursorKind(ref) == CXCursor_OverloadedDeclRef) {
        unsigned n = clang_getNumOverloadedDecls(ref);
        for (unsigned i = 0; i < n; ++i) {
          if (is_self(clang_getOverloadedDecl(ref, i))) return true;
        }
      }
      break;  // only the callee, the first child
    }
    return false;
  }

  CXCursor fn_;
  const FileTokens& tokens_;
  Complexity c_;
  std::set<unsigned> counted_;  // offsets of keywords/operators already counted
};

}  // namespace

Complexity measure_complexity(CXCursor fn, const FileTokens& tokens) {
  Walker walker(fn, tokens);
  for (CXCursor kid : children_of(fn)) {
    CXCursorKind kind = clang_getCursorKind(kid);
    if (kind == CXCursor_CompoundStmt || kind == CXCursor_CXXTryStmt ||
        kind == CXCursor_MemberRef || kind == CXCursor_InitListExpr || clang_isExpression(kind)) {
      // Body, function-try-block, and constructor initializers.
      walker.visit(kid, 0);
    }
  }
  return walker.result();
}

}  // namespace stepup
