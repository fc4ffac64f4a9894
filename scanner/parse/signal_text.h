// Small scans of source text for the risk-signal walk: the parentheses of a
// statement's header, a for header's semicolons, a case label's colon, and
// text squeezed for a finding or an error exit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace stepup {

/// The first '(' at or after from and its matching ')', skipping string and
/// character literals and comments. false when there is none.
bool paren_span(std::string_view text, size_t from, size_t* open, size_t* close);

/// The two ';' at depth 0 of a for header between open and close; npos when
/// missing (a range-for has none).
void for_semicolons(std::string_view text, size_t open, size_t close, size_t* first,
                    size_t* second);

/// The ':' that ends the case label starting at from (not a '::'); npos.
size_t label_colon(std::string_view text, size_t from);

/// Whitespace runs as one space, trimmed; over max characters, cut to max
/// and "..." added.
std::string squeeze(std::string_view s, size_t max = 120);

}  // namespace stepup
