// index.html: one self-contained page, no network, every string escaped.
#pragma once

#include <ostream>
#include <string>

#include "model/report.h"

namespace stepup {

void write_html(const Report& report, std::ostream& out);

/// Escapes text for HTML text and attribute values (& < > " ').
std::string html_escape(const std::string& text);

/// JSON made safe inside <script>: '<', '>' and '&' become \u escapes, so
/// no "</script>" or "<!--" can appear, whatever the strings hold.
std::string script_safe_json(const std::string& json);

}  // namespace stepup
