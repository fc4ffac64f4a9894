// The branch half of the risk-signal walker: ifs, switches, returns and
// throws; unlogged-error-path and the error exits (docs/signals.md).
#include "scanner/parse/signal_exits.h"
#include "scanner/parse/signal_loops.h"
#include "scanner/parse/signal_walker.h"

namespace stepup {

// `err = ...`, `*status = ...`, `error_ = ...`, `s = Status::IOError(...)`
// record the error. loc: the operator's, which rejects `a + b` cheaply.
void SignalWalker::on_assignment(CXCursor op, CXSourceLocation loc) {
  FilePos at = file_pos(loc);
  if (at.file != tokens_.file()) return;
  std::string_view token = tokens_.token_at(at.offset);
  if (token.empty() || token.back() != '=' || token == "==" || token == "!=" || token == "<=" ||
      token == ">=") {
    return;
  }
  std::vector<CXCursor> kids = children_of(op);
  if (kids.size() != 2) return;
  bool error = assigns_error(kids, static_cast<int>(at.line));
  if (!branches_.empty() && (error || names_error_holder(kids[0]))) ++handled_;
}

// The assigned value is an error value: Status::IOError(...),
// make_error_code(...). Assigned to a local variable, it is remembered: a
// later plain `return s;` is an error exit at this line.
bool SignalWalker::assigns_error(const std::vector<CXCursor>& operands, int line) {
  if (operands.size() < 2) return false;
  std::string detail;
  std::string value = text_of(operands.back(), 80);
  ReturnValue v = classify_return(operands.back(), collapse_spaces(value), m_, &detail);
  if (v != ReturnValue::kErrorValue && v != ReturnValue::kUnexpected &&
      v != ReturnValue::kEnumerator) {
    return false;
  }
  CXCursor target = strip_implicit(operands.front());
  CXCursor var = clang_getCursorReferenced(target);
  if (lambda_depth_ == 0 && clang_getCursorKind(target) == CXCursor_DeclRefExpr &&
      clang_getCursorKind(var) == CXCursor_VarDecl && !value.empty()) {
    ErrorExit e;
    e.line = line;
    e.kind = "return-error";
    e.value = value;
    if (!conds_.empty()) {
      e.condition_line = conds_.back().line;
      e.condition = cond_text(conds_.back());
    }
    error_assigns_.push_back({take_string(clang_getCursorSpelling(var)), std::move(e), false});
  }
  return true;
}

// The assigned-to name, under `*`, `->`, `.` and implicit conversions.
bool SignalWalker::names_error_holder(CXCursor target) {
  for (int depth = 0; depth < 4; ++depth) {
    CXCursorKind k = clang_getCursorKind(target);
    if (k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr) break;
    std::vector<CXCursor> inner = children_of(target);
    if (inner.empty()) return false;
    target = inner[0];
  }
  return error_holder_name(take_string(clang_getCursorSpelling(target)));
}

void SignalWalker::visit_if(CXCursor c) {
  int line = 0;
  unsigned offset = 0;
  if (!keyword_at(c, "if", &line, &offset)) {  // from a macro's body: transparent
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
  Cond cond{CondKind::kIf, line, 0, 0, 0};
  size_t open = 0, close = 0;
  if (paren_span(tokens_.text(), offset, &open, &close)) {
    cond.begin = open + 1;
    cond.end = close;
  }
  unsigned before = handled_;
  bool saved_condition = in_condition_;
  bool saved_action = condition_action_;
  std::string saved_action_name = condition_action_name_;
  std::string saved_action_usr = condition_action_usr_;
  int saved_action_line = condition_action_line_;
  std::vector<std::string> saved_callees;
  saved_callees.swap(cond_callees_);
  in_condition_ = true;
  condition_action_ = false;
  for (size_t i = 0; i < then_index; ++i) visit(kids[i]);
  std::string failed, failed_usr;
  if (condition_action_) {
    failed =
        condition_action_name_ + "(...) fails at line " + std::to_string(condition_action_line_);
    failed_usr = condition_action_usr_;
  }
  in_condition_ = saved_condition;
  condition_action_ = saved_action;
  condition_action_name_ = saved_action_name;
  condition_action_usr_ = saved_action_usr;
  condition_action_line_ = saved_action_line;
  std::vector<std::string> callees;
  callees.swap(cond_callees_);
  cond_callees_.swap(saved_callees);
  unsigned in_condition = handled_ - before;
  visit_branch(kids[then_index], cond, !failed.empty(), failed, failed_usr, in_condition, callees);
  if (has_else) {
    cond.kind = CondKind::kElse;
    visit_branch(kids.back(), cond, !failed.empty(), failed, failed_usr, in_condition,
                 std::move(callees));
  }
}

// Error exits found in the branch wait in its frame: a log call anywhere
// in the branch or its condition clears them; otherwise they move to the
// enclosing branch, and leave as findings from the outermost one.
void SignalWalker::visit_branch(CXCursor branch, const Cond& cond, bool failed_action,
                                const std::string& failed_call, const std::string& failed_usr,
                                unsigned in_condition, std::vector<std::string> callees) {
  std::string failed = failed_call, usr = failed_usr;
  if (!branches_.empty() && branches_.back().failed_action) {
    failed_action = true;
    if (failed.empty()) {
      failed = branches_.back().failed_call;
      usr = branches_.back().failed_usr;
    }
  }
  branches_.push_back({cond.line, failed_action, failed, usr, handled_, {}, std::move(callees)});
  conds_.push_back(cond);
  ++cond_depth_;
  bool saved = in_condition_;
  in_condition_ = false;
  visit(branch);
  in_condition_ = saved;
  --cond_depth_;
  conds_.pop_back();
  Branch done = std::move(branches_.back());
  branches_.pop_back();
  if (in_condition + (handled_ - done.handled_at_start) > 0) return;
  for (Pending& p : done.pending) {
    p.callees.insert(p.callees.end(), done.callees.begin(), done.callees.end());
    if (!branches_.empty()) {
      branches_.back().pending.push_back(std::move(p));
    } else {
      findings_.push_back({kUnlogged, p.line, p.what + " with no log call on that path",
                           std::move(p.callees), std::move(p.failed_usr)});
    }
  }
}

// Each case label is the condition of the statements that follow it, up to
// the next label.
void SignalWalker::visit_switch(CXCursor c) {
  std::vector<CXCursor> kids = children_of(c);
  int line = 0;
  if (kids.empty() || !keyword_at(c, "switch", &line) ||
      clang_getCursorKind(kids.back()) != CXCursor_CompoundStmt) {
    visit_children(c);
    return;
  }
  for (size_t i = 0; i + 1 < kids.size(); ++i) visit(kids[i]);
  ++cond_depth_;
  bool labelled = false;
  for (CXCursor s : children_of(kids.back())) {
    CXCursorKind k = clang_getCursorKind(s);
    while (k == CXCursor_CaseStmt || k == CXCursor_DefaultStmt) {
      FilePos p = file_pos(clang_getCursorLocation(s));
      if (p.file != tokens_.file()) break;
      size_t colon = label_colon(tokens_.text(), p.offset);
      if (labelled) conds_.pop_back();
      conds_.push_back({CondKind::kCase, static_cast<int>(p.line), p.offset,
                        colon == std::string::npos ? p.offset : colon, 0});
      labelled = true;
      std::vector<CXCursor> parts = children_of(s);
      if (parts.empty()) break;
      for (size_t i = 0; i + 1 < parts.size(); ++i) visit(parts[i]);  // the case value
      s = parts.back();
      k = clang_getCursorKind(s);
    }
    visit(s);
  }
  if (labelled) conds_.pop_back();
  --cond_depth_;
}

void SignalWalker::on_throw(CXCursor c) {
  int line = 0;
  if (lambda_depth_ > 0 || !keyword_at(c, "throw", &line)) return;
  std::vector<CXCursor> kids = children_of(c);
  add_exit(line, "throw", kids.empty() ? std::string() : text_of(kids[0], 80));
  if (kids.empty() || branches_.empty()) return;  // `throw;` passes on an error in flight
  // A throw under a test of values is input validation: the exception is
  // the report. Only a failed operation's path wants a log.
  if (!branches_.back().failed_action) return;
  std::string type = type_text(clang_getCanonicalType(clang_getCursorType(kids[0])));
  if (type.rfind("const ", 0) == 0) type.erase(0, 6);
  // Broken preconditions (the std::logic_error family) are the caller's
  // bug, reported by the exception itself; nobody logs them first.
  for (const char* logic : {"std::invalid_argument", "std::out_of_range", "std::domain_error",
                            "std::length_error", "std::logic_error"}) {
    if (type == logic) return;
  }
  branches_.back().pending.push_back({line,
                                      "throws " + type + " after " + branches_.back().failed_call,
                                      branches_.back().if_line,
                                      {},
                                      branches_.back().failed_usr});
}

void SignalWalker::on_return(CXCursor c) {
  int line = 0;
  if (lambda_depth_ > 0 || !keyword_at(c, "return", &line)) return;
  std::vector<CXCursor> kids = children_of(c);
  if (kids.empty()) return;
  std::string value = returned_text(c);
  std::string detail;
  ReturnValue v = classify_return(kids[0], collapse_spaces(value), m_, &detail);
  switch (v) {
    case ReturnValue::kOther:
      return;
    case ReturnValue::kAmbiguous:
      if (under_if() && !question_) add_exit(line, "return-error", value);
      break;
    case ReturnValue::kStatusVar:
      if (status_failed_on_path(detail)) {
        add_exit(line, "return-error", value);
        return;
      }
      // `result = Status::Corruption(...); ... return result;`: the error
      // leaves where it was assigned.
      for (ErrorAssign& a : error_assigns_) {
        if (a.var != detail || a.used) continue;
        a.used = true;
        exits_.push_back(a.exit);
      }
      return;
    default:
      // An error value returned is the report to the caller: no log wanted.
      add_exit(line, "return-error", value);
      return;
  }
  // Ambiguous values: an error only when the function is no question or
  // decoder and the path tests the outcome of a call that may fail.
  if (branches_.empty() || answers_ || !branches_.back().failed_action) return;
  branches_.back().pending.push_back(
      {line,
       "returns " + collapse_spaces(value) + " after " + branches_.back().failed_call,
       branches_.back().if_line,
       {},
       branches_.back().failed_usr});
}

// The returned expression as written, whitespace squeezed: "-1", "false".
std::string SignalWalker::returned_text(CXCursor ret) const {
  CXSourceRange r = clang_getCursorExtent(ret);
  unsigned begin = 0, end = 0;
  CXFile f1 = nullptr, f2 = nullptr;
  clang_getExpansionLocation(clang_getRangeStart(r), &f1, nullptr, nullptr, &begin);
  clang_getExpansionLocation(clang_getRangeEnd(r), &f2, nullptr, nullptr, &end);
  if (f1 != tokens_.file() || f2 != tokens_.file() || end <= begin + 6 ||
      end > tokens_.text().size()) {
    return {};
  }
  return text(begin + 6, end, 80);
}

// Under a condition that tests the variable as failed: `if (!s.ok())`, or
// the else of `if (s.ok())`.
bool SignalWalker::status_failed_on_path(const std::string& var) const {
  for (auto it = conds_.rbegin(); it != conds_.rend(); ++it) {
    if (it->kind != CondKind::kIf && it->kind != CondKind::kElse) continue;
    if (tests_failed_status(text(it->begin, it->end, 400), var, it->kind == CondKind::kElse)) {
      return true;
    }
  }
  return false;
}

bool SignalWalker::under_if() const {
  for (const Cond& c : conds_) {
    if (c.kind == CondKind::kIf || c.kind == CondKind::kElse) return true;
  }
  return false;
}

std::string SignalWalker::cond_text(const Cond& c) const {
  switch (c.kind) {
    case CondKind::kIf:
      return text(c.begin, c.end);
    case CondKind::kElse:
      return "else of " + text(c.begin, c.end);
    case CondKind::kCase:
      return text(c.begin, c.end);
    case CondKind::kLoop: {
      const Loop& loop = loops_[c.loop];
      std::string header = loop_header_text(loop.cursor, tokens_, loop.offset);
      return std::string(loop.label) + " (" + header + ")";
    }
  }
  return {};
}

void SignalWalker::add_exit(int line, const char* kind, std::string value) {
  ErrorExit e;
  e.line = line;
  e.kind = kind;
  e.value = std::move(value);
  if (!conds_.empty()) {
    e.condition_line = conds_.back().line;
    e.condition = cond_text(conds_.back());
  }
  exits_.push_back(std::move(e));
}

}  // namespace stepup
