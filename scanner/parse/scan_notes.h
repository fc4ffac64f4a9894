// The one-line diagnostics the libclang pass gives about its inputs as a
// whole (docs/facts.md).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/report.h"

namespace stepup {

/// The compile commands that named no -std and got their compiler's
/// default: (compiler name, standard) -> commands.
Diagnostic implied_std_note(const std::map<std::pair<std::string, std::string>, int>& commands);

/// The files no compile command compiles and no compiled file includes
/// (sorted paths; at most five are named).
Diagnostic unbuilt_note(const std::vector<std::string>& paths);

}  // namespace stepup
