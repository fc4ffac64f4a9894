// Facts read straight from a file's bytes, before any parsing.
#pragma once

#include <string_view>

namespace stepup {

/// What the raw text of a source file says.
struct TextFacts {
  int code_lines = 0;  ///< lines with something other than blanks and comments
  bool binary = false;       ///< holds a NUL byte: not source code
  bool valid_utf8 = true;
};

/// Counts code lines with a small C/C++ lexer that knows comments, string
/// and character literals, raw strings and line continuations.
TextFacts analyse_text(std::string_view text);

bool is_valid_utf8(std::string_view text);

}  // namespace stepup
