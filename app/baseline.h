// --baseline: what changed since an earlier report.
#pragma once

#include "model/report.h"

namespace stepup {

/// Gives each candidate a status: "new" (its id is not in the baseline),
/// "worsened" (its score rose by at least `margin`) or "unchanged"; lists
/// the baseline's ids that are gone as `resolved` (sorted).
void compare_with_baseline(Report& now, const Report& baseline, int margin);

}  // namespace stepup
