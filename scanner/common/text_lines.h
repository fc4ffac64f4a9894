// Lines of outside text the way a compiler reads them: "\n", "\r\n" and a
// lone "\r" each end a line (old Mac files still exist), and a UTF-8 byte
// order mark is not part of the first line.
#pragma once

#include <string_view>
#include <vector>

namespace stepup {

/// The text without a leading UTF-8 byte order mark.
std::string_view without_bom(std::string_view text);

/// The lines of text, without their terminators (and without a BOM); a
/// final line without a terminator counts, an empty text has none.
std::vector<std::string_view> split_lines(std::string_view text);

/// How many lines split_lines finds.
int count_lines(std::string_view text);

/// The length of the line terminator at text[i] ("\r\n": 2, "\n" or "\r":
/// 1), 0 when none starts there.
size_t line_break_at(std::string_view text, size_t i);

}  // namespace stepup
