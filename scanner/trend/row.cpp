#include "scanner/trend/row.h"

#include <algorithm>
#include <tuple>

namespace stepup {

bool operator==(const TrendModule& a, const TrendModule& b) {
  return std::tie(a.name, a.coverage, a.score, a.code_lines, a.log_calls) ==
         std::tie(b.name, b.coverage, b.score, b.code_lines, b.log_calls);
}

bool operator==(const TrendCandidate& a, const TrendCandidate& b) {
  return std::tie(a.id, a.score, a.kind) == std::tie(b.id, b.score, b.kind);
}

bool operator==(const TrendRow& a, const TrendRow& b) {
  return std::tie(a.commit, a.commit_date, a.config_hash, a.stepup_version, a.production_coverage,
                  a.all_code_coverage, a.code_lines, a.candidates, a.max_score, a.kinds, a.modules,
                  a.candidate_list) == std::tie(b.commit, b.commit_date, b.config_hash,
                                                b.stepup_version, b.production_coverage,
                                                b.all_code_coverage, b.code_lines, b.candidates,
                                                b.max_score, b.kinds, b.modules, b.candidate_list);
}

TrendRow make_trend_row(const Report& report, const std::string& commit,
                        const std::string& commit_date, const std::string& config_hash,
                        const std::string& version) {
  TrendRow row;
  row.commit = commit;
  row.commit_date = commit_date;
  row.config_hash = config_hash;
  row.stepup_version = version;
  row.production_coverage = report.summary.line_coverage;
  row.all_code_coverage = report.summary.all_code_line_coverage;
  row.code_lines = report.summary.code_lines;
  row.candidates = static_cast<int>(report.candidates.size());
  for (const Candidate& c : report.candidates) {
    row.max_score = std::max(row.max_score, c.score);
    ++row.kinds[c.kind];
    row.candidate_list.push_back({c.id, c.score, c.kind});
  }
  std::sort(row.candidate_list.begin(), row.candidate_list.end(),
            [](const TrendCandidate& a, const TrendCandidate& b) { return a.id < b.id; });
  for (const ModuleFacts& m : report.modules) {
    TrendModule tm{m.name, std::nullopt, m.score, m.code_lines, m.log_calls};
    if (m.coverage && m.coverage->lines_total > 0) {
      tm.coverage = static_cast<double>(m.coverage->lines_covered) /
                    static_cast<double>(m.coverage->lines_total);
    }
    row.modules.push_back(std::move(tm));
  }
  std::sort(row.modules.begin(), row.modules.end(),
            [](const TrendModule& a, const TrendModule& b) { return a.name < b.name; });
  return row;
}

}  // namespace stepup
