// trend/series.cpp: report.trend from the history store's rows.
#include "scanner/trend/series.h"

#include <catch2/catch.hpp>

using namespace stepup;

namespace {

TrendRow row(const std::string& commit, const std::string& date, int max_score,
             std::vector<TrendModule> modules, std::vector<std::string> ids) {
  TrendRow r;
  r.commit = commit;
  r.commit_date = date;
  r.max_score = max_score;
  r.candidates = static_cast<int>(ids.size());
  r.modules = std::move(modules);
  for (const auto& id : ids) r.candidate_list.push_back({id, 50, "refactor"});
  return r;
}

// Four scans, oldest first: module b appears at the second, c only at the
// current one; task t1 is there from the first, t2 from the third, t3 (at
// the fourth) only in a later, re-scanned commit.
std::vector<TrendRow> rows() {
  return {
      row("c1", "2026-01-01T00:00:00Z", 40, {{"a", 0.5, 40, 10, 0}}, {"t1"}),
      row("c2", "2026-01-08T00:00:00Z", 60, {{"a", 0.6, 60, 10, 0}, {"b", 0.1, 20, 5, 0}}, {"t1"}),
      row("c3", "2026-01-15T00:00:00Z", 70,
          {{"a", 0.7, 70, 10, 0}, {"b", 0.2, 30, 5, 0}, {"c", std::nullopt, 10, 5, 0}},
          {"t1", "t2"}),
      row("c4", "2026-01-22T00:00:00Z", 90, {{"a", 0.8, 90, 10, 0}}, {"t1", "t2", "t3"}),
  };
}

}  // namespace

TEST_CASE("trend series: first and previous module figures, first seen per task", "[trend]") {
  TrendSeries t = trend_series(rows(), "c3");
  REQUIRE(t.scans.size() == 4);  // every stored scan, also the later one
  CHECK(t.current == 2);
  CHECK(t.scans[3].commit == "c4");
  CHECK(t.scans[3].max_score == 90);
  CHECK(t.scans[1].candidates == 1);
  REQUIRE(t.module_first.size() == 2);  // c is new at c3
  CHECK(t.module_first.at("a").coverage == 0.5);
  CHECK(t.module_first.at("a").score == 40);
  CHECK(t.module_first.at("b").score == 20);  // its first scan is c2
  REQUIRE(t.module_previous.size() == 2);
  CHECK(t.module_previous.at("a").score == 60);
  CHECK(t.module_previous.at("b").coverage == 0.1);
  CHECK(t.first_seen == std::map<std::string, std::string>{{"t1", "2026-01-01T00:00:00Z"},
                                                           {"t2", "2026-01-15T00:00:00Z"}});
}

TEST_CASE("trend series: the first scan has no earlier figures", "[trend]") {
  TrendSeries t = trend_series(rows(), "c1");
  CHECK(t.current == 0);
  CHECK(t.module_first.empty());
  CHECK(t.module_previous.empty());
  CHECK(t.first_seen.at("t1") == "2026-01-01T00:00:00Z");
}

TEST_CASE("trend series: a commit without a row", "[trend]") {
  TrendSeries t = trend_series(rows(), "c9");
  CHECK(t.current == -1);
  CHECK(t.scans.size() == 4);
  CHECK(t.first_seen.empty());
  CHECK(t.module_first.empty());
}
