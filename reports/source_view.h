// What the HTML file view carries beside an embedded file's text: its
// token classes in the page's own units, and its branch outcomes per line.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace stepup {

/// FileFacts::syntax (byte offset, byte length, class) turned into what
/// the page's script can use without decoding UTF-8: one segment per line a
/// token covers (a block comment spanning three lines gives three), in the
/// UTF-16 code units JavaScript strings count, lines split at '\n' like the
/// script does. Flat, three numbers a segment, each relative to the one
/// before: [line - previous line, column - previous end on the same line (or
/// column at a new line), length * 4 + class]. Columns are 0-based; the
/// first segment's line delta is its 1-based line. Bytes that are not
/// UTF-8 count as the one U+FFFD the page's JSON holds for them. Triples
/// out of order or past the text are skipped.
nlohmann::ordered_json syntax_segments_json(const std::string& text,
                                            const std::vector<int>& syntax);

/// FileFacts::line_branch_counts as [[line, count, count...]...], lines
/// without a counted outcome left out.
nlohmann::ordered_json branch_counts_json(const std::map<int, std::vector<int64_t>>& counts);

}  // namespace stepup
