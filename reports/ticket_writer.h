// Tickets: one candidate as a ready-to-file Markdown issue (title, why,
// first step, effort, definition of done and, for add-tests on a function,
// a test skeleton in the project's framework: reports/test_skeleton).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/report.h"

namespace stepup {

/// The Markdown of one ticket. Uses the target file's `source` (when the
/// report carries it) to quote the lines the test skeleton should reach.
std::string render_ticket(const Report& report, const Candidate& candidate);

/// What "done" means for a candidate of this kind, one check a line.
std::vector<std::string> definition_of_done(const Report& report, const Candidate& candidate);

/// `--format tickets`: one file per top-N candidate, named
/// "NN-<kind>-<id>.md" (rank first, so a listing is in rank order).
std::vector<std::pair<std::string, std::string>> ticket_files(const Report& report);

}  // namespace stepup
