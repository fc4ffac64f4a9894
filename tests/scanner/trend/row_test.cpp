// trend/row.cpp: a report's figures as the history store keeps them.
#include "scanner/trend/row.h"

#include <catch2/catch.hpp>

using namespace stepup;

TEST_CASE("trend row: summary, kinds, modules and candidates of a report", "[trend]") {
  Report report;
  report.summary.line_coverage = 0.6;
  report.summary.all_code_line_coverage = 0.5;
  report.summary.code_lines = 230;
  Candidate a, b, c;
  a.id = "z1";
  a.kind = "refactor";
  a.score = 72;
  b.id = "a2";
  b.kind = "add-tests";
  b.score = 80;
  c.id = "m3";
  c.kind = "add-tests";
  c.score = 15;
  report.candidates = {b, a, c};  // rank order
  ModuleFacts net, util;
  net.name = "src/net";
  net.code_lines = 200;
  net.log_calls = 4;
  net.score = 80;
  net.coverage = Coverage{};
  net.coverage->lines_total = 40;
  net.coverage->lines_covered = 30;
  util.name = "src/util";
  util.code_lines = 30;
  util.score = 0;
  report.modules = {util, net};

  TrendRow row = make_trend_row(report, "abc", "2026-01-15T10:00:00Z", "hash", "1.2.3");
  CHECK(row.commit == "abc");
  CHECK(row.commit_date == "2026-01-15T10:00:00Z");
  CHECK(row.config_hash == "hash");
  CHECK(row.stepup_version == "1.2.3");
  CHECK(row.production_coverage == 0.6);
  CHECK(row.all_code_coverage == 0.5);
  CHECK(row.code_lines == 230);
  CHECK(row.candidates == 3);
  CHECK(row.max_score == 80);
  CHECK(row.kinds == std::map<std::string, int>{{"add-tests", 2}, {"refactor", 1}});
  REQUIRE(row.modules.size() == 2);
  CHECK(row.modules[0] == TrendModule{"src/net", 0.75, 80, 200, 4});  // 30 / 40
  CHECK(row.modules[1] == TrendModule{"src/util", std::nullopt, 0, 30, 0});
  REQUIRE(row.candidate_list.size() == 3);
  CHECK(row.candidate_list[0] == TrendCandidate{"a2", 80, "add-tests"});
  CHECK(row.candidate_list[1] == TrendCandidate{"m3", 15, "add-tests"});
  CHECK(row.candidate_list[2] == TrendCandidate{"z1", 72, "refactor"});
}

TEST_CASE("trend row: no candidates, no coverage", "[trend]") {
  Report report;
  TrendRow row = make_trend_row(report, "abc", "d", "h", "v");
  CHECK(row.candidates == 0);
  CHECK(row.max_score == 0);
  CHECK(row.kinds.empty());
  CHECK_FALSE(row.production_coverage);
  CHECK(row.code_lines == 0);
}
