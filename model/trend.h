// report.trend (docs/trend.md): the history store's scans as a report
// carries them, for the HTML's sparklines, module arrows and task ages.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace stepup {

/// One stored scan as report.trend shows it (docs/trend.md).
struct TrendPoint {
  std::string commit;       ///< full sha
  std::string commit_date;  ///< UTC ISO 8601, "2026-01-15T10:00:00Z"
  std::optional<double> production_coverage;  ///< line coverage, fraction 0..1
  std::optional<double> all_code_coverage;     ///< fraction 0..1
  int candidates = 0;
  int max_score = 0;  ///< 0..100, 0 with no candidate
};

/// A module's figures at one stored scan.
struct TrendModulePoint {
  std::optional<double> coverage;  ///< line coverage, fraction 0..1
  int score = 0;                   ///< 0..100
};

/// report.trend (with --history-db): the history store read after this
/// scan's row was written. Which scans count as "first" and "previous"
/// follows the store's order, oldest commit date first.
struct TrendSeries {
  std::vector<TrendPoint> scans;  ///< every stored scan, oldest first
  int current = -1;               ///< index in scans of this scan's commit
  /// Per module of this scan: its figures at the oldest stored scan before
  /// this one that has it, and at the stored scan just before this one
  /// (absent where the module did not exist).
  std::map<std::string, TrendModulePoint> module_first, module_previous;
  /// Per candidate id of this scan: the commit date of the oldest stored
  /// scan, up to this one, that already had it ("open since").
  std::map<std::string, std::string> first_seen;
};

}  // namespace stepup
