// Patch mode's input: the lines a change adds or modifies, from
// `git diff -U0 REV`.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/common/process.h"

namespace stepup {

/// New-side line numbers (sorted) per new path, repo-relative.
using ChangedLines = std::map<std::string, std::vector<int>>;

/// Parses unified diff text made with -U0: `+++ b/<path>` names the file
/// (C-quoted paths are unquoted; `/dev/null`, a deletion, has no lines) and
/// each `@@ -a,b +c,d @@` starts a hunk whose `+` lines are new lines c,
/// c+1, ... (at most d of them). Throws InputError naming
/// `name` and the line of a malformed hunk header.
ChangedLines parse_unified_diff(std::string_view text, const std::string& name);

/// Runs `git diff -U0 REV --` in root (the working tree against REV, so
/// uncommitted edits count too) and parses it. An unknown revision is an
/// InputError carrying git's own message.
ChangedLines read_changed_lines(const std::string& root, const std::string& rev,
                                ProcessRunner& runner);

}  // namespace stepup
