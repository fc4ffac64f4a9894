// Test support: what every `stepup onboard` plan must hold (docs/onboard.md),
// checked on a scanned fixture.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace stepup::test {

/// Runs `stepup onboard REPO <scan_args> --format json` and `stepup next REPO
/// <scan_args> -n 500`, and checks the plan: the first must-read
/// file is in the module most called from other modules (call sites in
/// `callgraph_json`, tests' too); solo and pair tickets never share
/// a task; each ticket's text is one `next` prints; the first week reads,
/// then goes solo, then pairs, day by day. Returns the plan.
nlohmann::json checked_onboard_plan(const std::string& repo, const std::vector<std::string>& scan_args,
                                    const std::string& callgraph_json);

}  // namespace stepup::test
