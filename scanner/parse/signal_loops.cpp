#include "scanner/parse/signal_loops.h"

#include <cctype>
#include <vector>

#include "scanner/parse/signal_patterns.h"
#include "scanner/parse/signal_text.h"

namespace stepup {

namespace {

constexpr size_t kNone = std::string_view::npos;

struct Span {
  size_t begin = kNone, end = kNone;
};

Span span_of(CXCursor c, const FileTokens& tokens) {
  CXSourceRange r = clang_getCursorExtent(c);
  FilePos a = file_pos(clang_getRangeStart(r)), b = file_pos(clang_getRangeEnd(r));
  if (a.file != tokens.file() || b.file != tokens.file() || b.offset < a.offset ||
      b.offset > tokens.text().size()) {
    return {};
  }
  return {a.offset, b.offset};
}

std::string text_of(CXCursor c, const FileTokens& tokens) {
  Span s = span_of(c, tokens);
  return s.begin == kNone ? std::string() : squeeze(tokens.text().substr(s.begin, s.end - s.begin));
}

bool one_of(const std::string& w, std::initializer_list<std::string_view> set) {
  for (std::string_view x : set) {
    if (w == x) return true;
  }
  return false;
}

// next(), Next(), step(), Valid(), fetch_row(), ReadRecord(), getline()...:
// advancing a cursor, one element per call.
bool cursor_name(const std::string& name) {
  std::vector<std::string> ws = name_words(name);
  if (ws.empty()) return false;
  for (const std::string& w : ws) {
    if (one_of(w, {"next", "step", "fetch", "valid", "advance", "readdir", "getline", "fgets",
                   "more"})) {
      return true;
    }
  }
  return ws.size() > 1 && (ws[0] == "read" || ws[0] == "get") &&
         one_of(ws[1], {"record", "row", "line", "entry", "item", "message", "msg", "event",
                        "block", "batch"});
}

// A call advancing a cursor somewhere in the condition (compared, assigned
// or negated around it).
bool has_cursor_call(CXCursor c, int depth = 0) {
  if (depth > 4) return false;
  if (clang_getCursorKind(c) == CXCursor_CallExpr &&
      cursor_name(take_string(clang_getCursorSpelling(c)))) {
    return true;
  }
  for (CXCursor kid : children_of(c)) {
    if (has_cursor_call(kid, depth + 1)) return true;
  }
  return false;
}

bool is_comparison(CXCursor cond, const FileTokens& tokens) {
  CXCursor c = strip_implicit(cond);
  std::string spelled = take_string(clang_getCursorSpelling(c));
  CXCursorKind k = clang_getCursorKind(c);
  if (k == CXCursor_CallExpr) {
    return one_of(spelled, {"operator<", "operator<=", "operator>", "operator>=", "operator!="});
  }
  if (k != CXCursor_BinaryOperator) return false;
  std::vector<CXCursor> kids = children_of(c);
  if (kids.size() != 2) return false;
  Span rhs = span_of(kids[1], tokens);
  if (rhs.begin == kNone) return false;
  std::string op(tokens.token_before(static_cast<unsigned>(rhs.begin)));
  return one_of(op, {"<", "<=", ">", ">=", "!="});
}

std::string no_spaces(std::string s) { return collapse_spaces(s); }

// ++i, it++, i += 1, n = n->next, it.Next(): one element further.
bool steps_one(const std::string& inc) {
  std::string t = no_spaces(inc);
  if (t.find("++") != kNone || t.find("--") != kNone) return true;
  for (const char* op : {"+=", "-="}) {
    size_t at = t.find(op);
    if (at != kNone && at + 2 < t.size() && std::isdigit(static_cast<unsigned char>(t[at + 2]))) {
      size_t j = at + 2;
      while (j < t.size() && std::isalnum(static_cast<unsigned char>(t[j]))) ++j;
      if (j == t.size()) return true;
    }
  }
  for (const char* walk : {"->next", ".next", "Next(", "next(", "advance(", "->Next", ".Next"}) {
    if (t.find(walk) != kNone) return true;
  }
  return false;
}

// An identifier in the header says retry: attempt, num_retries, kMaxTries.
bool retry_words(const std::string& text) {
  std::string ident;
  for (size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : ' ';
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      ident += c;
      continue;
    }
    for (const std::string& w : name_words(ident)) {
      if (one_of(w, {"retry", "retries", "attempt", "attempts", "tries", "try"})) return true;
    }
    ident.clear();
  }
  return false;
}

bool mentions_errno(const std::string& text) {
  for (const char* e : {"errno", "EINTR", "EAGAIN", "EWOULDBLOCK", "EINPROGRESS"}) {
    if (text.find(e) != kNone) return true;
  }
  return false;
}

bool leaves_with(CXCursor stmt, bool returns_too) {
  CXCursorKind k = clang_getCursorKind(stmt);
  if (k == CXCursor_CompoundStmt) {
    std::vector<CXCursor> kids = children_of(stmt);
    return !kids.empty() && leaves_with(kids.back(), returns_too);
  }
  return k == CXCursor_BreakStmt || (returns_too && k == CXCursor_ReturnStmt);
}

bool has_io_call(CXCursor c, const std::function<bool(CXCursor)>& is_io, int depth = 0) {
  if (depth > 6) return false;
  if (clang_getCursorKind(c) == CXCursor_CallExpr && is_io(c)) return true;
  for (CXCursor kid : children_of(c)) {
    if (has_io_call(kid, is_io, depth + 1)) return true;
  }
  return false;
}

std::vector<CXCursor> body_statements(CXCursor body) {
  if (clang_getCursorKind(body) == CXCursor_CompoundStmt) return children_of(body);
  return {body};
}

// A `while` or `do` counted by a variable: `while (rounds-- > 0)`, or
// `while (i < n) { ...; ++i; }` with the step always taken.
bool counted(CXCursor cond, CXCursor body, const FileTokens& tokens) {
  if (!is_comparison(cond, tokens)) return false;
  std::string c = no_spaces(text_of(cond, tokens));
  if (c.find("++") != kNone || c.find("--") != kNone) return true;
  for (CXCursor s : body_statements(body)) {
    CXCursorKind k = clang_getCursorKind(s);
    if (k != CXCursor_UnaryOperator && k != CXCursor_CompoundAssignOperator) continue;
    std::string step = no_spaces(text_of(s, tokens));
    std::string var;
    for (char ch : step) {
      if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_')
        var += ch;
      else if (!var.empty())
        break;
    }
    if (!var.empty() && steps_one(step) && c.find(var) != kNone) return true;
  }
  return false;
}

}  // namespace

LoopShape loop_shape(CXCursor loop, const FileTokens& tokens, unsigned keyword_offset,
                     const std::function<bool(CXCursor)>& is_io) {
  CXCursorKind kind = clang_getCursorKind(loop);
  std::vector<CXCursor> kids = children_of(loop);
  if (kids.empty()) return {false, "empty"};
  CXCursor body = kind == CXCursor_DoStmt ? kids.front() : kids.back();
  std::string header = loop_header_text(loop, tokens, keyword_offset);
  LoopShape shape;
  if (kind == CXCursor_CXXForRangeStmt) {
    shape = {true, "element"};
  } else if (kind == CXCursor_ForStmt) {
    size_t open = 0, close = 0, s1 = kNone, s2 = kNone;
    if (paren_span(tokens.text(), keyword_offset, &open, &close)) {
      for_semicolons(tokens.text(), open, close, &s1, &s2);
    }
    const CXCursor* cond = nullptr;
    std::string inc;
    for (size_t i = 0; i + 1 < kids.size() && s2 != kNone; ++i) {
      Span s = span_of(kids[i], tokens);
      if (s.begin == kNone) continue;
      if (s.begin > s1 && s.begin < s2) cond = &kids[i];
      if (s.begin > s2 && s.begin < close) inc = text_of(kids[i], tokens);
    }
    if (!cond) {
      shape = {false, "no condition: runs until something leaves it"};
    } else if (has_cursor_call(*cond)) {
      shape = {true, "element of the cursor"};
    } else if (is_comparison(*cond, tokens) && steps_one(inc)) {
      shape = {true, "index"};
    } else if (clang_getCursorKind(strip_implicit(*cond)) != CXCursor_BinaryOperator &&
               steps_one(inc) && inc.find("next") != kNone) {
      shape = {true, "element of the list"};
    } else {
      shape = {false, "no per-element bound"};
    }
    if (shape.per_element && retry_words(header)) shape = {false, "retry loop"};
  } else {
    CXCursor cond = kind == CXCursor_DoStmt ? kids.back() : kids.front();
    if (has_cursor_call(cond)) {
      shape = {true, "element of the cursor"};
    } else if (counted(cond, body, tokens)) {
      shape = {true, "count"};
      if (retry_words(header)) shape = {false, "retry loop"};
    } else {
      shape = {false, "no per-element bound"};
    }
  }
  if (!shape.per_element) return shape;
  if (mentions_errno(header)) return {false, "retry loop (errno)"};
  if (leaves_with(body, /*returns_too=*/true)) return {false, "leaves on its first pass"};
  for (CXCursor s : body_statements(body)) {
    if (clang_getCursorKind(s) != CXCursor_IfStmt) continue;
    std::vector<CXCursor> parts = children_of(s);
    if (parts.size() < 2) continue;
    // [condition, then, else]; an if with an init statement is read as if
    // its init were the condition (rare, and only loses a near miss).
    if (mentions_errno(text_of(parts[0], tokens))) return {false, "retry loop (errno)"};
    // `if (connect(h) == 0) break;`: stops at the first success.
    if (leaves_with(parts[1], false) && has_io_call(parts[0], is_io)) {
      return {false, "retry loop (stops when the call succeeds)"};
    }
  }
  return shape;
}

std::string loop_header_text(CXCursor loop, const FileTokens& tokens, unsigned keyword_offset) {
  if (clang_getCursorKind(loop) == CXCursor_DoStmt) {
    std::vector<CXCursor> kids = children_of(loop);
    return kids.size() < 2 ? std::string() : text_of(kids.back(), tokens);
  }
  size_t open = 0, close = 0;
  if (!paren_span(tokens.text(), keyword_offset, &open, &close)) return {};
  return squeeze(tokens.text().substr(open + 1, close - open - 1));
}

}  // namespace stepup
