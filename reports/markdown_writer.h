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

/// A fraction as a percentage with one decimal: 0.8125 -> "81.3%".
std::string markdown_percent(double fraction);

/// "**Patch since `BASE`:** 3 file(s), 40 changed line(s), 16 executable,
/// line coverage 12.5%, branch coverage 10.0%." (summary.md and the PR
/// comment).
std::string markdown_patch_sentence(const PatchSummary& patch);

/// "**Since the baseline:** 2 new, 1 worsened, 3 resolved." (with
/// --baseline; "" without).
std::string markdown_baseline_sentence(const Report& report);

}  // namespace stepup
