// report.sarif: SARIF 2.1.0 for GitHub code scanning, one result per candidate.
#pragma once

#include <cstddef>
#include <ostream>

#include "model/report.h"

namespace stepup {

/// GitHub code scanning's documented limits ("SARIF support for code
/// scanning", "SARIF results exceed limits"): a run with more results is
/// rejected, so the lowest-ranked tasks are left out, and a notification
/// in the run says how many.
inline constexpr size_t kSarifMaxResults = 25000;
/// Tags per rule: 20 accepted, 10 shown; stepup writes at most the 10 shown.
inline constexpr size_t kSarifMaxTags = 10;
/// GitHub documents no limit on a message, but every upload must stay under
/// 10 MB gzipped: a result's message is cut at this many bytes (at a UTF-8
/// character boundary), the full text stays in report.json.
inline constexpr size_t kSarifMaxMessage = 4000;

/// Levels: "error" for a task a failed --fail-on check names, "warning" for
/// a risk rule's task scoring kHighScore or more, "note" for the rest
/// (reports/task_level.h).
void write_sarif(const Report& report, std::ostream& out);

}  // namespace stepup
