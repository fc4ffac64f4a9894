// comment.md: the pull-request comment the GitHub Action posts (docs/ci/github.md):
// the gate, patch coverage and the top new tasks, in GitHub Markdown.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "model/report.h"

namespace stepup {

/// The comment's first line: a hidden marker the action finds its earlier
/// comment by, to update it in place.
constexpr const char* kCommentMarker = "<!-- stepup:comment -->";

/// The most bytes comment.md holds: GitHub refuses a comment over 65,536
/// characters, and the action appends a footer line of its own.
constexpr size_t kCommentMaxBytes = 60000;

/// Writes the comment. Every repository string (paths, names, titles) is
/// escaped for GitHub Markdown: no markup, HTML, table break, @mention,
/// math or bidirectional override gets through, and long ones are cut.
/// Rows that would pass kCommentMaxBytes are left out and counted.
void write_comment(const Report& report, std::ostream& out);

/// Text for a table cell or a sentence: markdown_cell's escaping, plus
/// `$` escaped (GitHub math), a zero-width space after `@` (no mention
/// pings anyone) and bidirectional controls replaced.
std::string comment_text(const std::string& text);

/// Text as a code span that is safe inside a GitHub table cell: pipes
/// escaped so the table parser cannot split the span.
std::string comment_code(const std::string& text);

}  // namespace stepup
