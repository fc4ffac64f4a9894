// report.trend (docs/trend.md): what the HTML's sparklines, module arrows
// and "open since" read, computed from the history store's rows. A pure
// function; no I/O.
#pragma once

#include <string>
#include <vector>

#include "model/report.h"
#include "scanner/trend/row.h"

namespace stepup {

/// The series for the scan of `commit`, from `rows` as read_trend returns
/// them (oldest commit date first; the scan's own row among them).
/// Shapes: one TrendPoint per row; module_first/module_previous and
/// first_seen only for the modules and candidates of `commit`'s row.
/// "previous" is the row just before `commit`'s; "first seen" counts only
/// rows up to `commit`'s, so re-scanning an old commit never dates a task
/// from the future. Without a row for `commit`, current is -1 and the maps
/// are empty.
TrendSeries trend_series(const std::vector<TrendRow>& rows, const std::string& commit);

}  // namespace stepup
