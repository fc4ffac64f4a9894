// The risk-signal walker of one function body (risk_signals.h), shared by
// risk_signals.cpp (calls, macros, loops) and signal_paths.cpp (branches,
// returns, throws, error exits). Internal to scanner/parse.
#pragma once

#include <clang-c/Index.h>

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "scanner/parse/risk_signals.h"
#include "scanner/parse/signal_text.h"

namespace stepup {

inline const char* const kUnlogged = "unlogged-error-path";
inline const char* const kIoInLoop = "io-in-loop";

/// Walks one function body once; see scan_risk_signals.
class SignalWalker {
 public:
  SignalWalker(CXCursor fn, const FileTokens& tokens, const SignalMatcher& m, CalleeCache* cache);

  RiskSignals result() {
    std::sort(findings_.begin(), findings_.end(), [](const Finding& a, const Finding& b) {
      if (a.line != b.line) return a.line < b.line;
      if (a.kind != b.kind) return a.kind < b.kind;
      return a.detail < b.detail;
    });
    auto by_line = [](const auto& a, const auto& b) { return a.line < b.line; };
    std::stable_sort(exits_.begin(), exits_.end(), by_line);
    std::stable_sort(calls_.begin(), calls_.end(), by_line);
    std::stable_sort(io_calls_.begin(), io_calls_.end(), by_line);
    return {log_calls_,         std::move(findings_), std::move(exits_), {},
            std::move(calls_), std::move(io_calls_)};
  }

  void visit(CXCursor c);
  void visit_children(CXCursor c) {
    for (CXCursor kid : children_of(c)) visit(kid);
  }

 private:
  struct Loop {
    int line;
    const char* label;
    unsigned offset;  // of its keyword
    CXCursor cursor;
    int depth;       // cond_depth_ in its body
    int shape = -1;  // -1 unknown, 0 not per element, 1 per element
  };
  struct Pending {
    int line;
    std::string what;
    int if_line;
    std::vector<std::string> callees;
    std::string failed_usr;
  };
  // One branch of an if written in the file, while it is walked.
  struct Branch {
    int if_line;
    bool failed_action;       // its condition, or an enclosing one, tests a call that may fail
    std::string failed_call;  // "Open(...) fails at line 12"
    std::string failed_usr;   // Open's USR when it is a repo function
    unsigned handled_at_start;
    std::vector<Pending> pending;
    std::vector<std::string> callees;  // repo functions called in it and its condition
  };
  // The condition an error exit is under: an if's (or its else), a case, a loop's.
  enum class CondKind { kIf, kElse, kCase, kLoop };
  struct Cond {
    CondKind kind;
    int line;
    size_t begin, end;  // its text in the file
    size_t loop;        // kLoop: its index in loops_
  };
  // An error value assigned to a local variable, an exit if it is returned.
  struct ErrorAssign {
    std::string var;
    ErrorExit exit;
    bool used;
  };
  struct MacroAt {
    bool log = false;
    const RepoMacro* repo = nullptr;
  };

  bool keyword_at(CXCursor c, std::string_view keyword, int* line,
                  unsigned* offset = nullptr) const {
    FilePos p = file_pos(clang_getCursorLocation(c));
    if (p.file != tokens_.file() || tokens_.token_at(p.offset) != keyword) return false;
    *line = static_cast<int>(p.line);
    if (offset) *offset = p.offset;
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

  std::string text(size_t begin, size_t end, size_t max = 120) const {
    if (begin >= end || end > tokens_.text().size()) return {};
    return squeeze(tokens_.text().substr(begin, end - begin), max);
  }
  std::string text_of(CXCursor c, size_t max = 120) const {
    CXSourceRange r = clang_getCursorExtent(c);
    FilePos a = file_pos(clang_getRangeStart(r)), b = file_pos(clang_getRangeEnd(r));
    if (a.file != tokens_.file() || b.file != tokens_.file()) return {};
    return text(a.offset, b.offset, max);
  }

  bool macro_at(CXSourceLocation loc, unsigned* offset);
  MacroAt macro_named_at(unsigned offset);
  void note_expansion(unsigned offset, unsigned line, const MacroAt& at);
  const CalleeInfo& info_of(CXCursor decl);
  bool on_call(CXCursor call, CXSourceLocation loc, bool in_log_macro);
  void on_fatal_call(CXCursor call, const CalleeInfo& info);
  void on_io_call(CXCursor call, CXCursor decl, const CalleeInfo& info, const FilePos& p);
  int per_element_loop();
  bool reports_by_callback(CXCursor call) const;
  bool passes_error_holder(CXCursor call) const;
  std::string call_text(CXCursor call, unsigned start, CXCursor decl) const;
  void on_decl_ref(CXCursor ref, CXSourceLocation loc);
  void on_assignment(CXCursor op, CXSourceLocation loc);
  bool assigns_error(const std::vector<CXCursor>& operands, int line);
  static bool names_error_holder(CXCursor target);
  void visit_if(CXCursor c);
  void visit_branch(CXCursor branch, const Cond& cond, bool failed_action,
                    const std::string& failed_call, const std::string& failed_usr,
                    unsigned in_condition, std::vector<std::string> callees);
  void visit_switch(CXCursor c);
  void visit_loop(CXCursor c, const char* keyword, const char* label, bool body_first);
  void on_throw(CXCursor c);
  void on_return(CXCursor c);
  std::string returned_text(CXCursor ret) const;
  void add_exit(int line, const char* kind, std::string value);
  bool status_failed_on_path(const std::string& var) const;
  std::string cond_text(const Cond& c) const;
  bool under_if() const;

  const FileTokens& tokens_;
  const SignalMatcher& m_;
  CalleeCache* cache_;
  CalleeInfo scratch_;
  bool question_ = false;  // is*, has*, find*, const: its false is an answer
  bool answers_ = false;   // also parse*/decode*/get*, or decodes a buffer
  int log_calls_ = 0;
  unsigned handled_ = 0;                               // log calls and other reports seen so far
  std::unordered_map<unsigned, MacroAt> macro_names_;  // offset -> the macro named there
  std::set<unsigned> counted_macros_, noted_expansions_;
  const RepoMacro* current_macro_ = nullptr;  // the repo macro the cursor comes from
  int inside_log_call_ = 0;
  int lambda_depth_ = 0;
  int cond_depth_ = 0;  // branches entered: a call at its loop's depth is always reached
  bool in_condition_ = false;
  bool condition_action_ = false;
  std::string condition_action_name_;  // the first call in the condition that may fail
  int condition_action_line_ = 0;
  std::string condition_action_usr_;
  std::vector<std::string> cond_callees_;
  std::vector<Loop> loops_;
  std::vector<Branch> branches_;
  std::vector<Cond> conds_;
  std::vector<Finding> findings_;
  std::vector<ErrorExit> exits_;
  std::vector<ErrorAssign> error_assigns_;
  std::vector<CallSite> calls_;
  std::vector<IoCall> io_calls_;
};

}  // namespace stepup
