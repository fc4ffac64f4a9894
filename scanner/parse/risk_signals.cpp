#include "scanner/parse/risk_signals.h"

#include <algorithm>
#include <set>

#include "scanner/parse/log_inference.h"
#include "scanner/parse/signal_catch.h"
#include "scanner/parse/signal_exits.h"
#include "scanner/parse/signal_loops.h"
#include "scanner/parse/signal_text.h"
#include "scanner/parse/signal_walker.h"

namespace stepup {

namespace {

bool is_function_kind(CXCursorKind k) {
  return k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod || k == CXCursor_Constructor ||
         k == CXCursor_ConversionFunction || k == CXCursor_FunctionTemplate;
}

bool is_var_kind(CXCursorKind k) {
  return k == CXCursor_VarDecl || k == CXCursor_ParmDecl || k == CXCursor_FieldDecl;
}

// A predicate's false is an answer: is*, has*, find*, a const method, and
// names asking anywhere (KeyMayMatch, SomeFileOverlapsRange). For error
// exits, get/try/check/valid/verify's false is a failure all the same.
bool question_name(std::string_view name) {
  std::vector<std::string> ws = name_words(name);
  if (ws.empty()) return false;
  for (const char* q :
       {"is", "has", "can", "should", "contains", "exists", "empty", "equal", "equals", "match",
        "matches", "compare", "less", "operator", "find", "lookup"}) {
    if (ws[0] == q) return true;
  }
  for (const std::string& w : ws) {
    for (const char* q : {"may", "match", "matches", "overlap", "overlaps", "contains", "exists"}) {
      if (w == q) return true;
    }
  }
  return false;
}

// A parameter that holds input being decoded: a Slice, span, string_view or
// buffer, or a const char*/uint8_t* beside a size.
bool decodes_input(CXCursor fn) {
  int n = clang_Cursor_getNumArguments(fn);
  bool byte_pointer = false, size = false;
  for (int i = 0; i < n; ++i) {
    CXType t = clang_getCanonicalType(clang_getCursorType(clang_Cursor_getArgument(fn, i)));
    if (t.kind == CXType_Pointer || t.kind == CXType_LValueReference) {
      CXType p = clang_getPointeeType(t);
      if (p.kind == CXType_Char_S || p.kind == CXType_UChar || p.kind == CXType_Char_U) {
        byte_pointer = true;
        continue;
      }
      t = p;
    }
    if (t.kind == CXType_ULong || t.kind == CXType_Int || t.kind == CXType_UInt) size = true;
    if (t.kind != CXType_Record) continue;
    std::string name = take_string(clang_getCursorSpelling(clang_getTypeDeclaration(t)));
    for (const std::string& w : name_words(name)) {
      if (w == "slice" || w == "span" || w == "view" || w == "buffer" || w == "reader") return true;
    }
  }
  return byte_pointer && size;
}

}  // namespace

SignalWalker::SignalWalker(CXCursor fn, const FileTokens& tokens, const SignalMatcher& m,
                           CalleeCache* cache)
    : tokens_(tokens), m_(m), cache_(cache) {
  std::string name = take_string(clang_getCursorSpelling(fn));
  bool is_const = clang_CXXMethod_isConst(fn) != 0;
  question_ = question_name(name) || is_const;
  answers_ = predicate_name(name) || is_const || decoder_name(name) || decodes_input(fn);
}

void SignalWalker::visit(CXCursor c) {
  CXSourceLocation loc = clang_getCursorLocation(c);
  CXCursorKind kind = clang_getCursorKind(c);
  unsigned macro = 0;
  current_macro_ = nullptr;
  bool in_log_macro = is_macro_location(loc) && macro_at(loc, &macro);
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
    case CXCursor_SwitchStmt:
      visit_switch(c);
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
    case CXCursor_CXXCatchStmt: {
      int line = 0;
      if (keyword_at(c, "catch", &line)) {
        if (auto f = silent_catch(c, tokens_, line)) findings_.push_back(std::move(*f));
      }
      ++cond_depth_;  // a handler runs only on an exception
      visit_children(c);
      --cond_depth_;
      return;
    }
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
      if (!in_condition_) on_assignment(c, loc);
      break;
    default:
      break;
  }
  visit_children(c);
}

// True when loc lies inside the expansion of a log macro, whose name's
// offset goes to *offset. The outermost macro's name is written at the
// expansion location; a log macro passed in another macro's argument at
// the file location. Also notes each expansion of a repo macro once.
bool SignalWalker::macro_at(CXSourceLocation loc, unsigned* offset) {
  CXFile file = nullptr;
  unsigned expansion = 0, line = 0;
  clang_getExpansionLocation(loc, &file, &line, nullptr, &expansion);
  if (file != tokens_.file()) return false;
  *offset = expansion;
  MacroAt at = macro_named_at(expansion);
  current_macro_ = at.repo;
  if (noted_expansions_.insert(expansion).second) note_expansion(expansion, line, at);
  if (at.log) return true;
  FilePos p = file_pos(loc);
  *offset = p.offset;
  return p.file == tokens_.file() && p.offset != expansion && macro_named_at(p.offset).log;
}

// Each offset is looked up once; every cursor of an expansion asks again.
SignalWalker::MacroAt SignalWalker::macro_named_at(unsigned offset) {
  auto [it, fresh] = macro_names_.emplace(offset, MacroAt{});
  if (!fresh) return it->second;
  std::string_view name = tokens_.token_at(offset);
  if (name.empty()) return it->second;
  it->second.log = m_.log_macros.matches_name(name);
  if (cache_) it->second.repo = cache_->repo.macro(name);
  // A repo macro with a log-like name and varargs logs by its shape.
  if (it->second.repo && !it->second.log && m_.infer_log_apis) {
    it->second.log = !log_shape_reason(it->second.repo->facts).empty();
  }
  return it->second;
}

// The first cursor of an expansion: a repo macro's call site, and
// assert(false)-like fatal checks.
void SignalWalker::note_expansion(unsigned offset, unsigned line, const MacroAt& at) {
  if (at.repo) {
    cache_->repo.record_macro(*at.repo, false, m_.log_macros.matches_name(at.repo->facts.name));
    calls_.push_back({at.repo->usr, static_cast<int>(line), false, inside_log_call_ > 0});
  }
  std::string_view name = tokens_.token_at(offset);
  if (lambda_depth_ > 0 ||
      (name != "assert" && name != "CHECK" && name != "DCHECK" && name != "ABSL_CHECK" &&
       name != "ABSL_DCHECK" && name != "assert_always")) {
    return;
  }
  size_t open = 0, close = 0;
  if (!paren_span(tokens_.text(), offset, &open, &close)) return;
  std::string arg = text(open + 1, close);
  if (arg == "false" || arg == "0" || arg.rfind("!\"", 0) == 0 || arg.rfind("false &&", 0) == 0) {
    // "This cannot happen": an invariant, not a failure a test can cause.
    add_exit(static_cast<int>(line), "invariant", text(offset, close + 1, 80));
  }
}

const CalleeInfo& SignalWalker::info_of(CXCursor decl) {
  if (!cache_) return scratch_ = callee_info(decl, m_);
  auto it = cache_->by_decl.find(decl.data[0]);
  if (it == cache_->by_decl.end()) {
    it = cache_->by_decl.emplace(decl.data[0], callee_info(decl, m_, &cache_->repo)).first;
  }
  return it->second;
}

// True when the call was counted as a log call.
bool SignalWalker::on_call(CXCursor call, CXSourceLocation loc, bool in_log_macro) {
  CXCursor decl = clang_getCursorReferenced(call);
  CXCursorKind decl_kind = clang_getCursorKind(decl);
  if (clang_Cursor_isNull(decl) || !is_function_kind(decl_kind)) {
    // A call through a function pointer or std::function named as an
    // error callback reports the error.
    if (!in_condition_ && !branches_.empty() && reports_by_callback(call)) ++handled_;
    return false;
  }
  const CalleeInfo& info = info_of(decl);
  bool logs = info.log || info.inferred_log;
  bool counted = false;
  if (logs && !in_log_macro && inside_log_call_ == 0) {
    ++log_calls_;
    ++handled_;
    counted = true;
  } else if (info.reporting || (info.name == "operator()" && reports_by_callback(call))) {
    // `if (SaveError(errptr, s)) return nullptr;`: the condition reports;
    // `if (has_error())` only asks.
    if (!in_condition_ ? !branches_.empty() : info.action) ++handled_;
  }
  if (logs && current_macro_) cache_->repo.record_macro(*current_macro_, true);
  std::vector<CXCursor> kids;
  if (!in_condition_ &&
      (info.assignment || (!branches_.empty() && decl_kind == CXCursor_CXXMethod))) {
    kids = children_of(call);  // an operator's first child: its target; a method's: its member
  }
  if (info.assignment && !kids.empty()) {
    bool error = assigns_error(kids, static_cast<int>(file_pos(loc).line));
    if (!branches_.empty() && (error || names_error_holder(kids[0]))) ++handled_;
  } else if (!branches_.empty() && !kids.empty() &&
             clang_getCursorKind(kids[0]) == CXCursor_MemberRefExpr) {
    // status->Update(s), err.assign(...): the error holder is told.
    std::vector<CXCursor> base = children_of(kids[0]);
    if (!base.empty() && names_error_holder(base[0])) ++handled_;
  }
  if (in_condition_ && info.action) {
    // `if (!Load(path, err))`: the callee filled the error out-parameter.
    if (passes_error_holder(call)) ++handled_;
    if (!condition_action_) {
      condition_action_ = true;
      condition_action_name_ = info.name;
      condition_action_line_ = static_cast<int>(file_pos(loc).line);
      condition_action_usr_ = info.repo_usr;
    }
  }
  if (!info.repo_usr.empty()) {
    bool in_log = in_log_macro || inside_log_call_ > 0;
    calls_.push_back({info.repo_usr, static_cast<int>(file_pos(loc).line),
                      clang_Cursor_isDynamicCall(call) != 0, in_log,
                      in_log || !m_.call_graph ? 0 : per_element_loop(),
                      cond_depth_ > 0 || lambda_depth_ > 0});
    if (in_condition_) {
      cond_callees_.push_back(info.repo_usr);
    } else if (!branches_.empty()) {
      branches_.back().callees.push_back(info.repo_usr);
    }
  }
  FilePos p;
  if ((info.fatal || info.name == "exit") && lambda_depth_ == 0 && written_here(loc, &p)) {
    on_fatal_call(call, info);
  }
  if (info.io && info.io_kind == IoKind::kRoundTrip && written_here(loc, &p)) {
    if (m_.call_graph) {
      io_calls_.push_back({call_text(call, p.offset, decl), static_cast<int>(p.line),
                           cond_depth_ > 0 || lambda_depth_ > 0});
    }
    if (!loops_.empty()) on_io_call(call, decl, info, p);
  }
  return counted;
}

// abort(), exit(1), std::terminate(), a repo Fatal(...): an abort exit.
void SignalWalker::on_fatal_call(CXCursor call, const CalleeInfo& info) {
  std::string written = text_of(call, 80);
  if (info.name == "exit") {
    std::vector<CXCursor> kids = children_of(call);
    if (kids.size() != 2) return;
    std::string arg = text_of(kids[1]);
    if (arg == "0" || arg == "EXIT_SUCCESS") return;
  }
  add_exit(static_cast<int>(file_pos(clang_getCursorLocation(call)).line),
           says_cannot_happen(written) ? "invariant" : "abort", written);
}

// One round trip per element: the innermost loop runs per element or per
// count, and the call is always reached from its body (docs/signals.md).
void SignalWalker::on_io_call(CXCursor call, CXCursor decl, const CalleeInfo& info,
                              const FilePos& p) {
  bool constructor = info.constructor;  // per_element_loop may reuse a cache-less scratch
  if (per_element_loop() == 0) return;
  const Loop& loop = loops_.back();
  std::string what = constructor ? type_text(clang_getCursorType(call)) + " constructed"
                                 : call_text(call, p.offset, decl) + "()";
  findings_.push_back({kIoInLoop,
                       static_cast<int>(p.line),
                       what + " inside the " + loop.label + " loop at line " +
                           std::to_string(loop.line) + " (N+1: once per element)",
                       {}});
}

// The line of the innermost loop when it runs per element and a call here
// is always reached from its body (not under an if, case or catch in it);
// 0 otherwise. Streaming calls and delays never end such a loop early.
int SignalWalker::per_element_loop() {
  if (loops_.empty()) return 0;
  Loop& loop = loops_.back();
  if (loop.depth != cond_depth_) return 0;
  if (loop.shape < 0) {
    auto is_io = [this](CXCursor c) {
      CXCursor d = clang_getCursorReferenced(c);
      if (clang_Cursor_isNull(d) || !is_function_kind(clang_getCursorKind(d))) return false;
      return info_of(d).io;
    };
    loop.shape = loop_shape(loop.cursor, tokens_, loop.offset, is_io).per_element ? 1 : 0;
  }
  return loop.shape == 1 ? loop.line : 0;
}

// An argument named as an error holder: Load(path, err), Open(&status).
bool SignalWalker::passes_error_holder(CXCursor call) const {
  std::vector<CXCursor> kids = children_of(call);
  for (size_t i = 1; i < kids.size(); ++i) {
    CXCursorKind k = clang_getCursorKind(strip_implicit(kids[i]));
    if ((k == CXCursor_DeclRefExpr || k == CXCursor_UnaryOperator || k == CXCursor_MemberRefExpr) &&
        names_error_holder(kids[i])) {
      return true;
    }
  }
  return false;
}

// on_error(msg), callback_(status), report(err): a call through a variable
// whose name says it takes the error.
bool SignalWalker::reports_by_callback(CXCursor call) const {
  std::vector<CXCursor> kids = children_of(call);
  if (kids.empty()) return false;
  CXCursor callee = strip_implicit(kids[0]);
  CXCursor target = clang_getCursorReferenced(callee);
  if (!is_var_kind(clang_getCursorKind(target))) return false;
  std::string name = take_string(clang_getCursorSpelling(target));
  if (reporting_name(name)) return true;
  for (const std::string& w : name_words(name)) {
    if (w == "callback" || w == "cb" || w == "handler" || w == "on") return true;
  }
  return false;
}

// The call as written up to the callee's name: "db.query", "::PQexec".
std::string SignalWalker::call_text(CXCursor call, unsigned start, CXCursor decl) const {
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
void SignalWalker::on_decl_ref(CXCursor ref, CXSourceLocation loc) {
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

void SignalWalker::visit_loop(CXCursor c, const char* keyword, const char* label, bool body_first) {
  int line = 0;
  unsigned offset = 0;
  bool spelled = keyword_at(c, keyword, &line, &offset);
  std::vector<CXCursor> kids = children_of(c);
  for (size_t i = 0; i < kids.size(); ++i) {
    bool body = spelled && i == (body_first ? 0 : kids.size() - 1);
    if (body) {
      ++cond_depth_;  // the body may not run at all
      loops_.push_back({line, label, offset, c, cond_depth_});
      conds_.push_back({CondKind::kLoop, line, 0, 0, loops_.size() - 1});
    }
    visit(kids[i]);
    if (body) {
      conds_.pop_back();
      loops_.pop_back();
      --cond_depth_;
    }
  }
}

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
  RiskSignals out = walker.result();
  if (cache && cache->repo.enabled()) out.usr = cache->repo.record_function(fn);
  return out;
}

}  // namespace stepup
