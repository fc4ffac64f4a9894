#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands/command.h"
#include "scanner/trend/store.h"

namespace po = boost::program_options;

namespace stepup {
namespace {

nlohmann::ordered_json fraction_json(const std::optional<double>& f) {
  return f ? nlohmann::ordered_json(*f) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json row_json(const TrendRow& r) {
  nlohmann::ordered_json kinds = nlohmann::ordered_json::object();
  for (const auto& [kind, n] : r.kinds) kinds[kind] = n;
  nlohmann::ordered_json modules = nlohmann::ordered_json::array();
  for (const TrendModule& m : r.modules) {
    modules.push_back({{"name", m.name},
                       {"coverage", fraction_json(m.coverage)},
                       {"score", m.score},
                       {"code_lines", m.code_lines},
                       {"log_calls", m.log_calls}});
  }
  nlohmann::ordered_json candidates = nlohmann::ordered_json::array();
  for (const TrendCandidate& c : r.candidate_list) {
    candidates.push_back({{"id", c.id}, {"score", c.score}, {"kind", c.kind}});
  }
  return {{"commit", r.commit},
          {"commit_date", r.commit_date},
          {"config_hash", r.config_hash},
          {"stepup_version", r.stepup_version.empty() ? nlohmann::ordered_json(nullptr)
                                                      : nlohmann::ordered_json(r.stepup_version)},
          {"summary",
           {{"production_coverage", fraction_json(r.production_coverage)},
            {"all_code_coverage", fraction_json(r.all_code_coverage)},
            {"code_lines", r.code_lines ? nlohmann::ordered_json(*r.code_lines)
                                        : nlohmann::ordered_json(nullptr)},
            {"candidates", r.candidates},
            {"max_score", r.max_score},
            {"kinds", kinds}}},
          {"modules", modules},
          {"candidates", candidates}};
}

std::string percent(const std::optional<double>& f) {
  if (!f) return "-";
  char text[16];
  std::snprintf(text, sizeof text, "%.1f%%", *f * 100);
  return text;
}

void print_table(const std::vector<TrendRow>& rows) {
  std::printf("%-12s  %-10s  %8s  %8s  %10s  %10s  %9s  %-8s\n", "commit", "date", "coverage",
              "all code", "code lines", "candidates", "max score", "config");
  for (const TrendRow& r : rows) {
    std::string lines = r.code_lines ? std::to_string(*r.code_lines) : "-";
    std::printf("%-12.12s  %-10.10s  %8s  %8s  %10s  %10d  %9d  %-8.8s\n", r.commit.c_str(),
                r.commit_date.c_str(), percent(r.production_coverage).c_str(),
                percent(r.all_code_coverage).c_str(), lines.c_str(), r.candidates, r.max_score,
                r.config_hash.c_str());
  }
}

}  // namespace

// Prints the series the history store holds: a table, or JSON with every
// figure of every row (docs/trend.md).
int cmd_trend(const std::vector<std::string>& args) {
  std::string db, format = "table";
  po::options_description desc("stepup trend --history-db FILE [--format table|json]");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("history-db", po::value(&db), "the history file stepup scan --history-db writes")
      ("format", po::value(&format)->default_value(format),
       "table (one line per commit: coverage, code lines, candidates, max score, config hash) "
       "or json (every figure, per module and per candidate too)");
  // clang-format on
  po::variables_map vm = parse_args(desc, {}, args);
  if (vm.count("help")) {
    std::cout << desc;
    return kExitOk;
  }
  if (db.empty()) throw UsageError("stepup trend needs --history-db FILE");
  if (format != "table" && format != "json") {
    throw UsageError("--format takes table or json, not '" + format + "'");
  }
  std::vector<TrendRow> rows = read_trend(db);
  if (format == "json") {
    nlohmann::ordered_json out = {{"schema", "stepup-trend/1"},
                                  {"rows", nlohmann::ordered_json::array()}};
    for (const TrendRow& r : rows) out["rows"].push_back(row_json(r));
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } else {
    print_table(rows);
    if (rows.empty()) std::fprintf(stderr, "stepup: %s holds no row yet\n", db.c_str());
  }
  return kExitOk;
}

}  // namespace stepup
