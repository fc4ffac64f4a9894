// The explicit table of rules: adding a rule adds one row here.
#pragma once

#include <vector>

#include "model/config.h"
#include "rules/rule.h"

namespace stepup {

const std::vector<RuleInfo>& rule_registry();

/// At most this many why-lines per task, the strongest first.
inline constexpr size_t kMaxWhyLines = 5;
/// The first kStrictTop tasks have strictly decreasing scores.
inline constexpr size_t kStrictTop = 10;

/// Runs every rule on the signals in report, drops tasks on files or
/// functions that are no target, merges duplicates (one candidate per
/// target and kind, the strongest kept), applies the newcomer rule, ranks
/// them (spreading the top over files, scores strictly ordered at the
/// top), and sets each module's score. options holds every rule's options.
/// ranking: the spread of the top (config "ranking"; the defaults when omitted).
void apply_rules(Report& report, const std::map<std::string, RuleOptions>& options,
                 const RankingConfig& ranking = RankingConfig{});

/// Ranks report.candidates 1..n in their order, sets each module's score
/// (its best candidate's) and the summary's count; after apply_rules, and
/// again when CI mode keeps only some candidates.
void number_candidates(Report& report);

}  // namespace stepup
