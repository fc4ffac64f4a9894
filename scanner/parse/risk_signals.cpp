#include "scanner/parse/risk_signals.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace stepup {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool is_function_kind(CXCursorKind k) {
  return k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod || k == CXCursor_Constructor ||
         k == CXCursor_ConversionFunction || k == CXCursor_FunctionTemplate;
}

const char* const kSilentCatch = "silent-catch";
const char* const kUnlogged = "unlogged-error-path";
const char* const kIoInLoop = "io-in-loop";

class SignalWalker {
 public:
  SignalWalker(CXCursor fn, const FileTokens& tokens, const SignalMatcher& m, CalleeCache* cache)
      : tokens_(tokens), m_(m), cache_(cache) {
    std::string name = take_string(clang_getCursorSpelling(fn));
    answers_ = predicate_name(name) || clang_CXXMethod_isConst(fn);
  }

  RiskSignals result() {
    std::sort(findings_.begin(), findings_.end(), [](const Finding& a, const Finding& b) {
      if (a.line != b.line) return a.line < b.line;
      if (a.kind != b.kind) return a.kind < b.kind;
      return a.detail < b.detail;
    });
    return {log_calls_, std::move(findings_)};
  }

  void visit(CXCursor c) {
    CXSourceLocation loc = clang_getCursorLocation(c);
    CXCursorKind kind = clang_getCursorKind(c);
    unsigned macro = 0;
    bool in_log_macro = is_macro_location(loc) && log_macro_at(loc, &macro);
    // A log macro counts at its first call; one that expands to a constant
    // (syslog.h's LOG_ERR, LOG_INFO) holds no call and is no log call.
    if (in_log_macro && kind == CXCursor_CallExpr && inside_log_call_ == 0 &&
        counted_macros_.insert(macro).second) {
      ++log_calls_;
      ++handled_;
    }
    switch (kind) {
      case CXCursor_IfStmt:
        visit_if(c);
        return;
      case CXCursor_ForStmt:
      case CXCursor_CXXForRangeStmt:
        visit_loop(c, "for", "for", /*body_first=*/false);
        return;
      case CXCursor_WhileStmt:
        visit_loop(c, "while", "while", false);
        return;
      case CXCursor_DoStmt:
        visit_loop(c, "do", "do-while", true);
        return;
      case CXCursor_LambdaExpr:
        // Its returns are the lambda's; its calls still run in any loop around.
        ++lambda_depth_;
        visit_children(c);
        --lambda_depth_;
        return;
      case CXCursor_CXXCatchStmt:
        check_catch(c);
        break;
      case CXCursor_CXXThrowExpr:
        on_throw(c);
        break;
      case CXCursor_ReturnStmt:
        on_return(c);
        break;
      case CXCursor_CallExpr:
        if (on_call(c, loc, in_log_macro)) {
          // Calls inside a counted log call (its logger, its arguments)
          // belong to the same log statement.
          ++inside_log_call_;
          visit_children(c);
          --inside_log_call_;
          return;
        }
        break;
      case CXCursor_DeclRefExpr:
        on_decl_ref(c, loc);
        break;
      case CXCursor_BinaryOperator:
      case CXCursor_CompoundAssignOperator:
        if (!branches_.empty() && !in_condition_) on_assignment(c);
        break;
      default:
        break;
    }
    visit_children(c);
  }

  void visit_children(CXCursor c) {
    for (CXCursor kid : children_of(c)) visit(kid);
  }

 private:
  struct Loop {
    int line;
    const char* label;
  };
  struct Pending {
    int line;
    std::string what;
    int if_line;
  };
  // One branch of an if written in the file, while it is walked.
  struct Branch {
    int if_line;
    bool failed_action;  // its condition, or an enclosing one, tests a call that may fail
    unsigned handled_at_start;
    std::vector<Pending> pending;
  };

  bool keyword_at(CXCursor c, std::string_view keyword, int* line) const {
    FilePos p = file_pos(clang_getCursorLocation(c));
    if (p.file != tokens_.file() || tokens_.token_at(p.offset) != keyword) return false;
    *line = static_cast<int>(p.line);
    return true;
  }

  // The location is written in the function's file: not in a macro's body
  // (a macro argument is written at the call site).
  bool written_here(CXSourceLocation loc, FilePos* out) const {
    FilePos p = file_pos(loc);
    if (p.file != tokens_.file()) return false;
    if (is_macro_location(loc)) {
      unsigned expansion = 0;
      clang_getExpansionLocation(loc, nullptr, nullptr, nullptr, &expansion);
      if (expansion == p.offset) return false;  // the macro's own body
    }
    *out = p;
    return true;
  }

  // True when loc lies inside the expansion of a log macro, whose name's
  // offset goes to *offset. The outermost macro's name is written at the
  // expansion location; a log macro passed in another macro's argument at
  // the file location.
  bool log_macro_at(CXSourceLocation loc, unsigned* offset) {
    CXFile file = nullptr;
    unsigned expansion = 0;
    clang_getExpansionLocation(loc, &file, nullptr, nullptr, &expansion);
    if (file != tokens_.file()) return false;
    *offset = expansion;
    if (log_macro_name_at(expansion)) return true;
    FilePos p = file_pos(loc);
    *offset = p.offset;
    return p.file == tokens_.file() && p.offset != expansion && log_macro_name_at(p.offset);
  }

  // Each offset is looked up once; every cursor of an expansion asks again.
  bool log_macro_name_at(unsigned offset) {
    if (has_last_ && offset == last_offset_) return last_result_;
    auto [it, fresh] = macro_names_.emplace(offset, false);
    if (fresh) {
      std::string_view name = tokens_.token_at(offset);
      it->second = !name.empty() && m_.log_macros.matches_name(name);
    }
    has_last_ = true;
    last_offset_ = offset;
    last_result_ = it->second;
    return it->second;
  }

  const CalleeInfo& info_of(CXCursor decl) {
    if (!cache_) return scratch_ = callee_info(decl, m_);
    auto it = cache_->by_decl.find(decl.data[0]);
    if (it == cache_->by_decl.end()) {
      it = cache_->by_decl.emplace(decl.data[0], callee_info(decl, m_)).first;
    }
    return it->second;
  }

  // True when the call was counted as a log call.
  bool on_call(CXCursor call, CXSourceLocation loc, bool in_log_macro) {
    CXCursor decl = clang_getCursorReferenced(call);
    if (clang_Cursor_isNull(decl) || !is_function_kind(clang_getCursorKind(decl))) return false;
    const CalleeInfo& info = info_of(decl);
    bool counted = false;
    if (info.log && !in_log_macro && inside_log_call_ == 0) {
      ++log_calls_;
      ++handled_;
      counted = true;
    } else if (info.reporting && !in_condition_ && !branches_.empty()) {
      ++handled_;
    }
    if (info.assignment && !in_condition_ && !branches_.empty()) {
      std::vector<CXCursor> kids = children_of(call);  // an operator's first child: its target
      if (!kids.empty() && names_error_holder(kids[0])) ++handled_;
    }
    if (in_condition_ && info.action) condition_action_ = true;
    FilePos p;
    if (info.io && !loops_.empty() && written_here(loc, &p)) {
      const Loop& loop = loops_.back();
      std::string what = info.constructor ? type_text(clang_getCursorType(call)) + " constructed"
                                          : call_text(call, p.offset, decl) + "()";
      findings_.push_back({kIoInLoop, static_cast<int>(p.line),
                           what + " inside the " + loop.label + " loop at line " +
                               std::to_string(loop.line) + " (N+1: once per iteration)"});
    }
    return counted;
  }

  // The call as written up to the callee's name: "db.query", "::PQexec".
  std::string call_text(CXCursor call, unsigned start, CXCursor decl) const {
    std::vector<CXCursor> kids = children_of(call);
    if (!kids.empty()) {
      FilePos name = file_pos(clang_getCursorLocation(strip_implicit(kids[0])));
      std::string_view token = tokens_.token_at(name.offset);
      if (name.file == tokens_.file() && name.offset >= start && !token.empty() &&
          name.offset - start < 120) {
        return collapse_spaces(tokens_.text().substr(start, name.offset + token.size() - start));
      }
    }
    std::string top;
    return qualified_name(decl, take_string(clang_getCursorSpelling(decl)), &top);
  }

  // std::cerr / std::clog (and stderr, for error paths): found by the token
  // written in the file first, which rejects almost every reference cheaply.
  void on_decl_ref(CXCursor ref, CXSourceLocation loc) {
    if (!m_.stderr_is_logging && branches_.empty()) return;
    FilePos p = file_pos(loc);
    if (p.file != tokens_.file()) return;
    std::string_view token = tokens_.token_at(p.offset);
    bool stream = token == "cerr" || token == "clog";
    if (!stream && token != "stderr") return;
    CXCursor decl = clang_getCursorReferenced(ref);
    if (clang_getCursorKind(decl) != CXCursor_VarDecl) return;
    std::string top;
    qualified_name(decl, std::string(token), &top);
    if (stream && top != "std") return;
    if (stream && m_.stderr_is_logging && inside_log_call_ == 0) ++log_calls_;
    if (!in_condition_) ++handled_;
  }

  // `err = ...`, `*status = ...`, `error_ = ...` record the error.
  void on_assignment(CXCursor op) {
    std::vector<CXCursor> kids = children_of(op);
    if (kids.size() != 2) return;
    FilePos rhs = file_pos(clang_getRangeStart(clang_getCursorExtent(kids[1])));
    if (rhs.file != tokens_.file()) return;
    std::string_view token = tokens_.token_before(rhs.offset);
    if (token.empty() || token.back() != '=' || token == "==" || token == "!=" || token == "<=" ||
        token == ">=") {
      return;
    }
    if (names_error_holder(kids[0])) ++handled_;
  }

  // The assigned-to name, under `*`, `->`, `.` and implicit conversions.
  static bool names_error_holder(CXCursor target) {
    for (int depth = 0; depth < 4; ++depth) {
      CXCursorKind k = clang_getCursorKind(target);
      if (k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr) break;
      std::vector<CXCursor> inner = children_of(target);
      if (inner.empty()) return false;
      target = inner[0];
    }
    return error_holder_name(take_string(clang_getCursorSpelling(target)));
  }

  void visit_if(CXCursor c) {
    int line = 0;
    if (!keyword_at(c, "if", &line)) {  // from a macro's body: transparent
      visit_children(c);
      return;
    }
    std::vector<CXCursor> kids = children_of(c);
    if (kids.empty()) return;
    bool has_else = false;
    if (kids.size() >= 3) {
      FilePos p = file_pos(clang_getRangeStart(clang_getCursorExtent(kids.back())));
      has_else = p.file == tokens_.file() && tokens_.token_before(p.offset) == "else";
    }
    size_t then_index = kids.size() - (has_else ? 2 : 1);
    unsigned before = handled_;
    bool saved_condition = in_condition_, saved_action = condition_action_;
    in_condition_ = true;
    condition_action_ = false;
    for (size_t i = 0; i < then_index; ++i) visit(kids[i]);
    bool failed_action = condition_action_;
    in_condition_ = saved_condition;
    condition_action_ = saved_action;
    unsigned in_condition = handled_ - before;
    visit_branch(kids[then_index], line, failed_action, in_condition);
    if (has_else) visit_branch(kids.back(), line, failed_action, in_condition);
  }

  // Error exits found in the branch wait in its frame: a log call anywhere
  // in the branch or its condition clears them; otherwise they move to the
  // enclosing branch, and leave as findings from the outermost one.
  void visit_branch(CXCursor branch, int if_line, bool failed_action, unsigned in_condition) {
    if (!branches_.empty() && branches_.back().failed_action) failed_action = true;
    branches_.push_back({if_line, failed_action, handled_, {}});
    bool saved = in_condition_;
    in_condition_ = false;
    visit(branch);
    in_condition_ = saved;
    Branch done = std::move(branches_.back());
    branches_.pop_back();
    if (in_condition + (handled_ - done.handled_at_start) > 0) return;
    for (Pending& p : done.pending) {
      if (!branches_.empty()) {
        branches_.back().pending.push_back(std::move(p));
      } else {
        findings_.push_back({kUnlogged, p.line,
                             p.what + " under the if at line " + std::to_string(p.if_line) +
                                 " with no log call on that path"});
      }
    }
  }

  void visit_loop(CXCursor c, const char* keyword, const char* label, bool body_first) {
    int line = 0;
    bool spelled = keyword_at(c, keyword, &line);
    std::vector<CXCursor> kids = children_of(c);
    for (size_t i = 0; i < kids.size(); ++i) {
      bool body = spelled && i == (body_first ? 0 : kids.size() - 1);
      if (body) loops_.push_back({line, label});
      visit(kids[i]);
      if (body) loops_.pop_back();
    }
  }

  bool error_exit_possible(int* line, CXCursor c, std::string_view keyword) const {
    return !branches_.empty() && lambda_depth_ == 0 && keyword_at(c, keyword, line);
  }

  void on_throw(CXCursor c) {
    int line = 0;
    if (!error_exit_possible(&line, c, "throw")) return;
    std::vector<CXCursor> kids = children_of(c);
    if (kids.empty()) return;  // `throw;` passes on an error already in flight
    // A throw under a test of values is input validation: the exception is
    // the report. Only a failed operation's path wants a log.
    if (!branches_.back().failed_action) return;
    std::string type = type_text(clang_getCanonicalType(clang_getCursorType(kids[0])));
    if (starts_with(type, "const ")) type.erase(0, 6);
    // Broken preconditions (the std::logic_error family) are the caller's
    // bug, reported by the exception itself; nobody logs them first.
    for (const char* logic : {"std::invalid_argument", "std::out_of_range", "std::domain_error",
                              "std::length_error", "std::logic_error"}) {
      if (type == logic) return;
    }
    branches_.back().pending.push_back({line, "throws " + type, branches_.back().if_line});
  }

  void on_return(CXCursor c) {
    int line = 0;
    if (!error_exit_possible(&line, c, "return")) return;
    std::vector<CXCursor> kids = children_of(c);
    if (kids.empty()) return;
    std::string value = returned_text(c);
    std::string what;
    if (value == "false" || value == "-1" || value == "nullptr" || value == "NULL") {
      // Ambiguous values: an error only when the function is no question
      // and the path tests the outcome of a call that may fail.
      if (answers_ || !branches_.back().failed_action) return;
      what = "returns " + value;
    } else if (starts_with(value, "std::unexpected(") || starts_with(value, "unexpected(") ||
               starts_with(value, "tl::unexpected(") || starts_with(value, "make_unexpected(") ||
               starts_with(value, "tl::make_unexpected(")) {
      if (!branches_.back().failed_action) return;  // validation, as for throw
      what = "returns " + value.substr(0, value.find('(')) + "(...)";
    } else {
      std::string enumerator = error_enumerator(kids[0]);
      if (enumerator.empty()) return;
      what = "returns " + enumerator;
    }
    branches_.back().pending.push_back({line, what, branches_.back().if_line});
  }

  // The returned expression as written, without spaces: "-1", "false".
  std::string returned_text(CXCursor ret) const {
    CXSourceRange r = clang_getCursorExtent(ret);
    unsigned begin = 0, end = 0;
    CXFile f1 = nullptr, f2 = nullptr;
    clang_getExpansionLocation(clang_getRangeStart(r), &f1, nullptr, nullptr, &begin);
    clang_getExpansionLocation(clang_getRangeEnd(r), &f2, nullptr, nullptr, &end);
    if (f1 != tokens_.file() || f2 != tokens_.file() || end <= begin + 6 ||
        end > tokens_.text().size()) {
      return {};
    }
    return collapse_spaces(tokens_.text().substr(begin + 6, end - begin - 6));
  }

  std::string error_enumerator(CXCursor value) const {
    if (m_.error_values.empty()) return {};
    CXCursor ref = strip_implicit(value);
    if (clang_getCursorKind(ref) != CXCursor_DeclRefExpr) return {};
    CXCursor decl = clang_getCursorReferenced(ref);
    if (clang_getCursorKind(decl) != CXCursor_EnumConstantDecl) return {};
    std::string name = take_string(clang_getCursorSpelling(decl));
    std::string top;
    std::string qualified = qualified_name(decl, name, &top);
    return m_.error_values.matches(name, qualified, is_std_like(top)) ? qualified : std::string();
  }

  void check_catch(CXCursor c) {
    int line = 0;
    if (!keyword_at(c, "catch", &line)) return;
    std::vector<CXCursor> kids = children_of(c);
    if (kids.empty()) return;
    CXCursor body = kids.back();
    if (clang_getCursorKind(body) != CXCursor_CompoundStmt) return;
    bool any_statement = false;
    if (!does_nothing(body, &any_statement)) return;
    std::string type = "...";
    if (kids.size() >= 2 && clang_getCursorKind(kids[0]) == CXCursor_VarDecl) {
      type = type_text(clang_getCursorType(kids[0]));
    }
    std::string why = any_statement      ? "the handler only returns, breaks or discards it"
                      : holds_text(body) ? "the handler holds only comments"
                                         : "empty handler";
    findings_.push_back({kSilentCatch, line, "catch (" + type + ") swallows the error: " + why});
  }

  // Empty, `;`, `return;`, break, continue, `(void)e;` and blocks of those.
  bool does_nothing(CXCursor block, bool* any) const {
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
  bool holds_text(CXCursor block) const {
    CXSourceRange r = clang_getCursorExtent(block);
    FilePos a = file_pos(clang_getRangeStart(r)), b = file_pos(clang_getRangeEnd(r));
    if (a.file != tokens_.file() || b.file != tokens_.file() || b.offset < a.offset + 2) {
      return false;
    }
    for (char ch : tokens_.text().substr(a.offset + 1, b.offset - a.offset - 2)) {
      if (!std::isspace(static_cast<unsigned char>(ch))) return true;
    }
    return false;
  }

  const FileTokens& tokens_;
  const SignalMatcher& m_;
  CalleeCache* cache_;
  CalleeInfo scratch_;
  bool answers_ = false;  // the function answers a question: is*, find*, const...
  int log_calls_ = 0;
  unsigned handled_ = 0;                            // log calls and other reports seen so far
  std::unordered_map<unsigned, bool> macro_names_;  // offset -> a log macro's name
  std::set<unsigned> counted_macros_;
  bool has_last_ = false, last_result_ = false;
  unsigned last_offset_ = 0;
  int inside_log_call_ = 0;
  int lambda_depth_ = 0;
  bool in_condition_ = false, condition_action_ = false;
  std::vector<Loop> loops_;
  std::vector<Branch> branches_;
  std::vector<Finding> findings_;
};

}  // namespace

RiskSignals scan_risk_signals(CXCursor fn, const FileTokens& tokens, const SignalMatcher& m,
                              CalleeCache* cache) {
  SignalWalker walker(fn, tokens, m, cache);
  for (CXCursor kid : children_of(fn)) {
    CXCursorKind kind = clang_getCursorKind(kid);
    if (kind == CXCursor_CompoundStmt || kind == CXCursor_CXXTryStmt ||
        kind == CXCursor_MemberRef || kind == CXCursor_InitListExpr || clang_isExpression(kind)) {
      // Body, function-try-block, and constructor initializers.
      walker.visit(kid);
    }
  }
  return walker.result();
}

}  // namespace stepup
