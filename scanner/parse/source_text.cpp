#include "scanner/parse/source_text.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "scanner/common/text_lines.h"

namespace stepup {

bool is_valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Well-formed sequences per Unicode table 3-7: no overlongs, no
    // surrogates, nothing above U+10FFFF.
    size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if (c1 < lo || c1 > hi) return false;
    for (size_t k = 2; k <= n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}

TextFacts analyse_text(std::string_view s) {
  TextFacts facts;
  if (s.find('\0') != std::string_view::npos) {
    facts.binary = true;
    return facts;
  }
  s = without_bom(s);
  facts.valid_utf8 = is_valid_utf8(s);
  // One convention for the lexer below: "\r\n" and a lone '\r' become '\n'.
  std::string unified;
  if (s.find('\r') != std::string_view::npos) {
    unified.reserve(s.size());
    for (size_t i = 0; i < s.size(); i += std::max<size_t>(1, line_break_at(s, i))) {
      unified += line_break_at(s, i) ? '\n' : s[i];
    }
    s = unified;
  }

  enum class State { kCode, kLineComment, kBlockComment, kString, kChar, kRaw };
  State state = State::kCode;
  std::string raw_end;  // )delim" closing the current raw string
  bool line_has_code = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n') {
      if (line_has_code) ++facts.code_lines;
      facts.code.push_back(line_has_code);
      line_has_code = false;
      // A backslash-newline continues a // comment or a string.
      bool continued = i > 0 && s[i - 1] == '\\';
      if (state == State::kLineComment && !continued) state = State::kCode;
      if (state == State::kString || state == State::kChar || state == State::kRaw) {
        line_has_code = true;  // the literal goes on: its lines are code
      }
      continue;
    }
    switch (state) {
      case State::kLineComment:
        break;
      case State::kBlockComment:
        if (c == '*' && i + 1 < s.size() && s[i + 1] == '/') {
          state = State::kCode;
          ++i;
        }
        break;
      case State::kString:
      case State::kChar:
        if (c == '\\') {
          if (i + 1 < s.size() && s[i + 1] != '\n') ++i;
        } else if (c == (state == State::kString ? '"' : '\'')) {
          state = State::kCode;
        }
        break;
      case State::kRaw:
        if (s.compare(i, raw_end.size(), raw_end) == 0) {
          i += raw_end.size() - 1;
          state = State::kCode;
        }
        break;
      case State::kCode:
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') break;
        if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
          state = State::kLineComment;
          ++i;
          break;
        }
        if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
          state = State::kBlockComment;
          ++i;
          break;
        }
        if (c == '\\' && i + 1 < s.size() && s[i + 1] == '\n') break;
        line_has_code = true;
        if (c == '"') {
          // R"delim( ... )delim", with an optional u8/u/U/L prefix before R.
          if (i > 0 && s[i - 1] == 'R' &&
              (i < 2 || !(std::isalnum(static_cast<unsigned char>(s[i - 2])) || s[i - 2] == '_') ||
               s[i - 2] == '8' || s[i - 2] == 'u' || s[i - 2] == 'U' || s[i - 2] == 'L')) {
            // A d-char-sequence: at most 16 characters, none of them a
            // space, a backslash, a parenthesis or a control character.
            size_t open = s.find('(', i + 1);
            bool delimiter = open != std::string_view::npos && open - i - 1 <= 16;
            for (size_t k = i + 1; delimiter && k < open; ++k) {
              unsigned char d = static_cast<unsigned char>(s[k]);
              delimiter = d > ' ' && d != '\\' && d != ')' && d != 0x7f;
            }
            if (delimiter) {
              raw_end = ")" + std::string(s.substr(i + 1, open - i - 1)) + "\"";
              state = State::kRaw;
              i = open;
              break;
            }
          }
          state = State::kString;
        } else if (c == '\'') {
          // A digit separator (1'000) is not a character literal.
          bool digit_sep = i > 0 && std::isxdigit(static_cast<unsigned char>(s[i - 1])) &&
                           i + 1 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1]));
          if (!digit_sep) state = State::kChar;
        }
        break;
    }
  }
  // The last line, unless the text ends with its line break (then an
  // unterminated literal's "goes on" has no line to go on to).
  if (!s.empty() && s.back() != '\n') {
    if (line_has_code) ++facts.code_lines;
    facts.code.push_back(line_has_code);
  }
  return facts;
}

namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

// Past the end of the logical line that holds `i` (continuations joined;
// a block comment that starts on it is read to its end).
size_t end_of_logical_line(std::string_view t, size_t i) {
  while (i < t.size()) {
    if (t[i] == '\\' && line_break_at(t, i + 1)) {
      i += 1 + line_break_at(t, i + 1);
    } else if (t.compare(i, 2, "/*") == 0) {
      size_t close = t.find("*/", i + 2);
      i = close == std::string_view::npos ? t.size() : close + 2;
    } else if (size_t brk = line_break_at(t, i)) {
      return i + brk;
    } else {
      ++i;
    }
  }
  return t.size();
}

// Whether only blanks stand between the start of `at`'s physical line and `at`.
bool starts_line(std::string_view t, size_t at) {
  for (size_t i = at; i > 0; --i) {
    char c = t[i - 1];
    if (c == '\n' || c == '\r') return true;
    if (!blank(c)) return false;
  }
  return true;
}

}  // namespace

size_t next_code(std::string_view t, size_t at) {
  bool line_start = starts_line(t, at);
  size_t i = at;
  while (i < t.size()) {
    if (size_t brk = line_break_at(t, i)) {
      i += brk;
      line_start = true;
    } else if (blank(t[i])) {
      ++i;
    } else if (t[i] == '\\' && line_break_at(t, i + 1)) {
      i += 1 + line_break_at(t, i + 1);
    } else if (t.compare(i, 2, "//") == 0) {
      while (i < t.size() && !line_break_at(t, i)) {
        i += t[i] == '\\' && line_break_at(t, i + 1) ? 1 + line_break_at(t, i + 1) : 1;
      }
    } else if (t.compare(i, 2, "/*") == 0) {
      size_t close = t.find("*/", i + 2);
      i = close == std::string_view::npos ? t.size() : close + 2;
    } else if (t[i] == '#' && line_start) {
      i = end_of_logical_line(t, i);
      line_start = true;
    } else {
      return i;
    }
  }
  return t.size();
}

bool on_directive_line(std::string_view t, size_t at) {
  if (at >= t.size()) return false;
  // Back to the start of the logical line: while the line before ends in a
  // continuation, it is part of this one.
  size_t start = at;
  for (;;) {
    while (start > 0 && t[start - 1] != '\n' && t[start - 1] != '\r') --start;
    if (start == 0) break;
    size_t prev_end = start - 1;
    if (prev_end > 0 && t[prev_end] == '\n' && t[prev_end - 1] == '\r') --prev_end;
    if (prev_end == 0 || t[prev_end - 1] != '\\') break;
    start = prev_end - 1;
  }
  while (start < t.size() && blank(t[start])) ++start;
  return start < t.size() && t[start] == '#';
}

}  // namespace stepup
