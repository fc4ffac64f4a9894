// summary.md: a short Markdown summary for a PR comment or a CI step summary.
#pragma once

#include <ostream>
#include <string>

#include "model/report.h"

namespace stepup {

void write_markdown(const Report& report, std::ostream& out);

/// Escapes text for a Markdown table cell: no markup, no HTML, no line break.
std::string markdown_cell(const std::string& text);

/// Text as a Markdown code span: shown literally (no escapes are needed or
/// possible inside one), fenced by more backticks than any run inside it;
/// line breaks become spaces.
std::string markdown_code(const std::string& text);

}  // namespace stepup
