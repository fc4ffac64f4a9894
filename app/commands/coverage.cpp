#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands/command.h"
#include "scanner/coverage/import.h"
#include "scanner/coverage/map.h"

namespace po = boost::program_options;

namespace stepup {

// Imports coverage reports without a repo and prints their totals as
// JSON: what stepup reads in a report, before any path mapping.
int cmd_coverage(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  po::options_description desc("stepup coverage FILE... (gcovr JSON, lcov, Cobertura, llvm-cov)");
  desc.add_options()("help,h", "show this help")("file", po::value(&files)->composing(),
                                                 "coverage report (positional, repeatable)");
  po::positional_options_description pos;
  pos.add("file", -1);
  po::variables_map vm = parse_args(desc, pos, args);
  if (vm.count("help") || files.empty()) {
    std::cout << desc;
    return vm.count("help") ? kExitOk : kExitUsage;
  }
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& path : files) {
    CoverageData data = import_coverage_file(path);
    Coverage total;
    for (const auto& f : data.files) total += file_totals(f);
    out.push_back({{"file", path},
                   {"format", data.format},
                   {"files", data.files.size()},
                   {"lines_total", total.lines_total},
                   {"lines_covered", total.lines_covered},
                   {"branches_total", total.branches_total},
                   {"branches_covered", total.branches_covered},
                   {"branches_total_with_exceptions", total.branches_total_with_exceptions},
                   {"functions_total", total.functions_total},
                   {"functions_covered", total.functions_covered}});
  }
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  return kExitOk;
}

}  // namespace stepup
