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

}  // namespace stepup
