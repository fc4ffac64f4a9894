#include <fstream>
#include <iostream>
#include <sstream>

#include "app/commands/command.h"
#include "app/commands/task_pick.h"
#include "app/onboard.h"
#include "reports/onboard_writer.h"

namespace po = boost::program_options;

namespace stepup {
namespace {

// A report's path stays inside the repository: no absolute path, no "..".
bool inside(const std::string& rel) {
  if (rel.empty() || rel[0] == '/') return false;
  size_t start = 0;
  while (start <= rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string::npos) end = rel.size();
    if (rel.compare(start, end - start, "..") == 0 && end - start == 2) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

// A plan for the next newcomer: must-read files, solo and pair tickets, and
// a first week (docs/onboard.md).
int cmd_onboard(const std::vector<std::string>& args) {
  ScanOptions opt;
  std::string since, format = "md";
  TaskFilter scope;
  int count = 3;
  po::options_description desc(
      "stepup onboard [REPO] [scan options] [--team T] [--module M]\n"
      "Prints a plan for the next newcomer: the must-read files and who to ask, solo tickets, "
      "pair tickets with the code's main author, and a first-week order");
  desc.add_options()("help,h", "show this help");
  add_scan_inputs(desc, opt, since);
  // clang-format off
  desc.add_options()
      ("module", po::value(&scope.module), "only this module (or the modules under it)")
      (",n", po::value(&count)->default_value(3), "solo tickets and pair tickets, each")
      ("format", po::value(&format)->default_value("md"), "md or json");
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
  if (format != "md" && format != "json") {
    throw UsageError("--format takes md or json, not '" + format + "'");
  }
  // A scan, not a report.json: the plan needs the call and include graphs,
  // which report.json does not carry.
  Report report = task_report(opt, "", scope);
  scope.team = opt.team;
  const std::string root = report.repo_root;
  OnboardOptions options;
  options.scope = scope;
  options.count = count;
  options.read = [&root](const std::string& rel) {
    if (!inside(rel)) return std::string();
    std::ifstream in(root + "/" + rel, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    return text.str();
  };
  OnboardPlan plan = plan_onboarding(report, options);
  std::cout << (format == "json" ? onboard_json(report, plan) : onboard_markdown(report, plan));
  return kExitOk;
}

}  // namespace stepup
