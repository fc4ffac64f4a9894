// One scan as the history store keeps it (docs/trend.md): the commit, the
// summary figures, and per module and per candidate the few numbers a
// trend needs. A pure function of the Report; no I/O.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/report.h"

namespace stepup {

/// One module's figures in a scan (production files only, as in report.json).
struct TrendModule {
  std::string name;
  std::optional<double> coverage;  ///< line coverage, fraction 0..1; null without data
  int score = 0;                   ///< highest candidate score in it, 0..100
  int code_lines = 0;              ///< lines holding code
  int log_calls = 0;               ///< calls of logging, metrics or tracing APIs
};

/// One candidate in a scan: its stable id, score and kind.
struct TrendCandidate {
  std::string id;
  int score = 0;  ///< 0..100
  std::string kind;
};

/// One row of the history store: one scanned commit.
struct TrendRow {
  std::string commit;          ///< full sha of the commit scanned
  std::string commit_date;     ///< its committer date, ISO 8601 with offset (git's %cI)
  std::string config_hash;     ///< SHA-256 (hex) of the effective configuration
  std::string stepup_version;  ///< the stepup that scanned; "" for rows migrated from v1
  std::optional<double> production_coverage;   ///< summary.line_coverage, 0..1
  std::optional<double> all_code_coverage;     ///< summary.all_code_line_coverage, 0..1
  std::optional<int> code_lines;               ///< production code lines; null: unknown (v1)
  int candidates = 0;                          ///< candidates in all
  int max_score = 0;                           ///< highest candidate score, 0 with none
  std::map<std::string, int> kinds;            ///< kind -> candidates of that kind
  std::vector<TrendModule> modules;            ///< sorted by name
  std::vector<TrendCandidate> candidate_list;  ///< sorted by id
};

/// Field-by-field equality (coverage fractions compared exactly: a row
/// read back holds the double that was stored).
bool operator==(const TrendModule& a, const TrendModule& b);
bool operator==(const TrendCandidate& a, const TrendCandidate& b);
bool operator==(const TrendRow& a, const TrendRow& b);

/// The row for a scanned report. commit, commit_date, config_hash and
/// version come from outside the report (git, the loaded configuration).
TrendRow make_trend_row(const Report& report, const std::string& commit,
                        const std::string& commit_date, const std::string& config_hash,
                        const std::string& version);

}  // namespace stepup
