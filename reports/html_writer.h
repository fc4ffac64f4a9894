// index.html: one self-contained page, no network, every string escaped.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "model/report.h"

namespace stepup {

/// Total source text the page embeds for its file view, by default. Beyond
/// it a file's text is left out and the page says so.
constexpr size_t kHtmlSourceBudget = size_t{8} << 20;

void write_html(const Report& report, std::ostream& out);
void write_html(const Report& report, std::ostream& out, size_t source_budget);

/// The page's data: report.json's document plus an "html" member holding
/// what only the file view needs: {"sources": {path: {"text", "hits":
/// [[line, hits]...], "branches": [[line, count...]...], "syntax":
/// [segments]}}, "omitted": {path: reason}, "source_mode"} (source_view.h
/// for the last two). Source text is embedded for files with a candidate
/// (in rank order) or with coverage, until source_budget bytes of text and
/// syntax segments are used; with report.html_source link or none, for no
/// file.
nlohmann::ordered_json html_data(const Report& report, size_t source_budget);

/// Escapes text for HTML text and attribute values (& < > " ').
std::string html_escape(const std::string& text);

/// JSON made safe inside <script>: '<', '>' and '&' become \u escapes, so
/// no "</script>" or "<!--" can appear, whatever the strings hold; U+2028
/// and U+2029 are escaped too, for any reader that takes the text as script.
std::string script_safe_json(const std::string& json);

/// Standard base64 of the bytes that a hex string spells (for CSP hashes).
std::string hex_to_base64(const std::string& hex);

}  // namespace stepup
