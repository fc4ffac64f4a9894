#include <algorithm>
#include <iostream>

#include "app/commands/command.h"
#include "app/commands/task_pick.h"
#include "reports/ticket_writer.h"

namespace po = boost::program_options;

namespace stepup {

// The best task (or -n tasks) as ready-to-paste tickets.
int cmd_next(const std::vector<std::string>& args) {
  ScanOptions opt;
  std::string since, report_path, kinds, efforts;
  TaskFilter filter;
  int count = 1;
  const std::vector<std::string> all_kinds = known_kinds();
  po::options_description desc(
      "stepup next [REPO] [scan options | --report report.json] [filters]\n"
      "Prints the best task as a ticket: title, why, first step, effort, definition of done "
      "and, for add-tests, a test skeleton in the project's test framework");
  desc.add_options()("help,h", "show this help");
  add_scan_inputs(desc, opt, since);
  const std::string kind_help = "only these kinds (comma list): " + joined(all_kinds);
  // clang-format off
  desc.add_options()
      ("report", po::value(&report_path), "read candidates from this report.json instead of scanning")
      ("kind", po::value(&kinds), kind_help.c_str())
      ("module", po::value(&filter.module), "only this module (or the modules under it)")
      ("effort", po::value(&efforts), "only these efforts (comma list of S, M, L)")
      ("newcomer", po::bool_switch(&filter.newcomer), "only newcomer-friendly tasks")
      (",n", po::value(&count)->default_value(1), "how many tasks to print");
  // clang-format on
  po::positional_options_description pos;
  pos.add("repo", 1);
  po::variables_map vm = parse_args(desc, pos, args);
  if (vm.count("help")) {
    std::cout << desc;
    return kExitOk;
  }
  check_scan_inputs(opt, since, vm);
  if (count < 1) throw UsageError("-n must be at least 1");
  filter.kinds = comma_list(kinds);
  for (const auto& k : filter.kinds) {
    if (std::find(all_kinds.begin(), all_kinds.end(), k) == all_kinds.end()) {
      throw UsageError("--kind " + k + ": unknown kind; the kinds are " + joined(all_kinds));
    }
  }
  filter.efforts = comma_list(efforts);
  for (const auto& e : filter.efforts) {
    if (e != "S" && e != "M" && e != "L")
      throw UsageError("--effort takes S, M or L, not '" + e + "'");
  }
  Report report = task_report(opt, report_path, filter);
  std::vector<const Candidate*> picked;
  for (const Candidate& c : report.candidates) {
    if (static_cast<int>(picked.size()) < count && filter.keeps(c, report)) picked.push_back(&c);
  }
  if (!report_path.empty()) {
    load_sources(report, picked, vm["repo"].defaulted() ? report.repo_root : opt.repo);
  }
  if (picked.empty()) {
    std::cerr << "stepup: no candidate matches the filters (" << report.candidates.size()
              << " candidate(s) in all)\n";
    return kExitOk;
  }
  for (size_t i = 0; i < picked.size(); ++i) {
    if (i) std::cout << "\n---\n\n";
    std::cout << render_ticket(report, *picked[i]);
  }
  return kExitOk;
}

}  // namespace stepup
