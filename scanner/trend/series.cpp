#include "scanner/trend/series.h"

#include <algorithm>

namespace stepup {
namespace {

// Rows keep modules sorted by name and candidates by id (make_trend_row).
const TrendModule* find_module(const TrendRow& row, const std::string& name) {
  auto it = std::lower_bound(row.modules.begin(), row.modules.end(), name,
                             [](const TrendModule& m, const std::string& n) { return m.name < n; });
  return it != row.modules.end() && it->name == name ? &*it : nullptr;
}

bool has_candidate(const TrendRow& row, const std::string& id) {
  auto it =
      std::lower_bound(row.candidate_list.begin(), row.candidate_list.end(), id,
                       [](const TrendCandidate& c, const std::string& i) { return c.id < i; });
  return it != row.candidate_list.end() && it->id == id;
}

}  // namespace

TrendSeries trend_series(const std::vector<TrendRow>& rows, const std::string& commit) {
  TrendSeries out;
  for (const TrendRow& r : rows) {
    if (r.commit == commit) out.current = static_cast<int>(out.scans.size());
    out.scans.push_back({r.commit, r.commit_date, r.production_coverage, r.all_code_coverage,
                         r.candidates, r.max_score});
  }
  if (out.current < 0) return out;
  auto upto = rows.begin() + out.current;
  const TrendRow& now = *upto;
  for (const TrendModule& m : now.modules) {
    for (auto r = rows.begin(); r != upto; ++r) {
      if (const TrendModule* old = find_module(*r, m.name)) {
        out.module_first.emplace(m.name, TrendModulePoint{old->coverage, old->score});
        break;
      }
    }
    if (upto != rows.begin()) {
      if (const TrendModule* old = find_module(*(upto - 1), m.name)) {
        out.module_previous[m.name] = {old->coverage, old->score};
      }
    }
  }
  for (const TrendCandidate& c : now.candidate_list) {
    auto first = std::find_if(rows.begin(), upto + 1,
                              [&](const TrendRow& r) { return has_candidate(r, c.id); });
    out.first_seen[c.id] = first->commit_date;  // now's row has it at the latest
  }
  return out;
}

}  // namespace stepup
