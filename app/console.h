// What a scan says on the console about its own inputs: the diagnostics a
// user must see without opening report.json.
#pragma once

#include <string>
#include <vector>

#include "model/report.h"

namespace stepup {

/// How much of the diagnostics the console shows (-q, default, -v).
enum class Verbosity { kQuiet, kNormal, kVerbose };

/// The diagnostic lines for the console, each ending in '\n' ("" when there
/// is nothing to say). Every error is shown in full. Warnings are grouped by
/// kind (their source and the first words of their message, numbers
/// aside), the largest groups first, each with its count and its first
/// message; at most kWarningGroups groups. kQuiet shows the errors only;
/// kVerbose every diagnostic, infos too, one a line.
std::string console_diagnostics(const std::vector<Diagnostic>& diagnostics, Verbosity verbosity);

/// How many warning groups the default console shows.
constexpr size_t kWarningGroups = 8;

}  // namespace stepup
