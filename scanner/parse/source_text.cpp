#include "scanner/parse/source_text.h"

#include <cctype>
#include <string>

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
  facts.valid_utf8 = is_valid_utf8(s);

  enum class State { kCode, kLineComment, kBlockComment, kString, kChar, kRaw };
  State state = State::kCode;
  std::string raw_end;  // )delim" closing the current raw string
  bool line_has_code = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n') {
      if (line_has_code) ++facts.code_lines;
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
              (i < 2 || !(std::isalnum(static_cast<unsigned char>(s[i - 2])) ||
                          s[i - 2] == '_') ||
               s[i - 2] == '8' || s[i - 2] == 'u' || s[i - 2] == 'U' ||
               s[i - 2] == 'L')) {
            size_t open = s.find('(', i + 1);
            if (open != std::string_view::npos && open - i - 1 <= 16) {
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
                           i + 1 < s.size() &&
                           std::isxdigit(static_cast<unsigned char>(s[i + 1]));
          if (!digit_sep) state = State::kChar;
        }
        break;
    }
  }
  if (line_has_code) ++facts.code_lines;
  return facts;
}

}  // namespace stepup
