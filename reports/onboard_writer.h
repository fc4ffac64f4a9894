// `stepup onboard`'s output (docs/onboard.md): the plan as Markdown, with
// every ticket exactly as `stepup next` prints it, or as JSON.
#pragma once

#include <string>

#include "model/onboard.h"

namespace stepup {

/// The plan in Markdown: must-read, solo tickets, pair tickets, the first
/// week as a table, then notes. Everything from the repository (paths,
/// names, comments, authors) is escaped.
std::string onboard_markdown(const Report& report, const OnboardPlan& plan);

/// {"schema": "stepup-onboard/1", "team", "module", "must_read": [...],
/// "solo": [{id, title, effort, ticket}], "pair": [{id, title, effort,
/// pair_with, why_pair, ticket}], "first_week": [{day, action, what,
/// module, concepts}], "notes"}; ticket is render_ticket's Markdown.
std::string onboard_json(const Report& report, const OnboardPlan& plan);

}  // namespace stepup
