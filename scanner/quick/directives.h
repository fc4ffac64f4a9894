// What the quick parse reads instead of the file: its text with the
// preprocessor's lines blanked, so a directive between an operator and its
// operand (`a &&\n#if X\n c &&\n#endif\n b`) does not break the expression.
#pragma once

#include <string>
#include <string_view>

namespace stepup {

/// `text` with every preprocessor directive line (and its continuations)
/// and the code of every `#if 0` branch replaced by spaces; line breaks and
/// byte offsets are kept. Comments and string literals are understood, so
/// a '#' inside one starts no directive. The code of other conditional
/// branches is kept, all of them: which one the build takes is unknown.
std::string blank_directives(std::string_view text);

}  // namespace stepup
