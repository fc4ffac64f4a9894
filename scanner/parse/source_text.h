// Facts read straight from a file's bytes, before any parsing.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace stepup {

/// What the raw text of a source file says.
struct TextFacts {
  int code_lines = 0;      ///< lines with something other than blanks and comments
  std::vector<bool> code;  ///< per line (index = line - 1): holds code
  bool binary = false;     ///< holds a NUL byte: not source code
  bool valid_utf8 = true;
};

/// Counts code lines with a small C/C++ lexer that knows comments, string
/// and character literals, raw strings and line continuations. Every
/// line-ending convention ("\n", "\r\n", a lone "\r") and a UTF-8 byte order
/// mark give the same facts.
TextFacts analyse_text(std::string_view text);

/// The offset of the first character at or after `at` that the compiler
/// reads as code: blanks, line continuations, comments and whole
/// preprocessor directive lines are passed over. text.size() when none is
/// left. `at` must not lie inside a comment or a literal.
size_t next_code(std::string_view text, size_t at);

/// Whether offset `at` lies on a preprocessor directive: a logical line
/// (continuations joined) whose first non-blank character is '#'.
bool on_directive_line(std::string_view text, size_t at);

bool is_valid_utf8(std::string_view text);

}  // namespace stepup
