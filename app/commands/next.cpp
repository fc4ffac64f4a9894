#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/commands/command.h"
#include "reports/ticket_writer.h"
#include "scanner/report/import.h"

namespace po = boost::program_options;

namespace stepup {
namespace {

/// The filters of `stepup next`.
struct NextFilter {
  std::vector<std::string> kinds, efforts;
  std::string module, team;
  bool newcomer = false;

  bool keeps(const Candidate& c, const Report& r) const {
    auto in = [](const std::vector<std::string>& list, const std::string& v) {
      return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
    };
    if (!in(kinds, c.kind) || !in(efforts, c.effort)) return false;
    if (newcomer && !c.newcomer_friendly) return false;
    if (!module.empty() && c.target.module != module &&
        c.target.module.compare(0, module.size() + 1, module + "/") != 0) {
      return false;
    }
    if (team.empty()) return true;
    for (const FileFacts& f : r.files) {
      bool target = c.target.file ? f.path == *c.target.file : f.module == c.target.module;
      if (target && std::find(f.owners.begin(), f.owners.end(), team) != f.owners.end()) {
        return true;
      }
    }
    return false;
  }
};

}  // namespace

// The best task (or -n tasks) as ready-to-paste tickets.
int cmd_next(const std::vector<std::string>& args) {
  ScanOptions opt;
  std::string since, report_path, kinds, efforts;
  NextFilter filter;
  int count = 1;
  po::options_description desc(
      "stepup next [REPO] [scan options | --report report.json] [filters]\n"
      "Prints the best task as a ticket: title, why, first step, effort, definition of done "
      "and, for add-tests, a Catch2 skeleton");
  desc.add_options()("help,h", "show this help");
  add_scan_inputs(desc, opt, since);
  // clang-format off
  desc.add_options()
      ("report", po::value(&report_path), "read candidates from this report.json instead of scanning")
      ("kind", po::value(&kinds), "only these kinds (comma list): add-tests, refactor, ...")
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
  check_scan_inputs(opt, since);
  if (count < 1) throw UsageError("-n must be at least 1");
  filter.kinds = comma_list(kinds);
  filter.efforts = comma_list(efforts);
  for (const auto& e : filter.efforts) {
    if (e != "S" && e != "M" && e != "L")
      throw UsageError("--effort takes S, M or L, not '" + e + "'");
  }
  Report report;
  if (!report_path.empty()) {
    report = read_report_file(report_path);
    filter.team = opt.team;
  } else {
    SystemProcessRunner runner;
    report = run_scan(opt, runner).report;  // --team already kept the team's files
  }
  std::vector<const Candidate*> picked;
  for (const Candidate& c : report.candidates) {
    if (static_cast<int>(picked.size()) < count && filter.keeps(c, report)) picked.push_back(&c);
  }
  if (!report_path.empty()) {
    // The test skeleton quotes source lines: read the picked tasks' files
    // only (a scan already carries every file's text).
    std::string root = vm["repo"].defaulted() ? report.repo_root : opt.repo;
    for (FileFacts& f : report.files) {
      bool wanted = std::any_of(picked.begin(), picked.end(), [&](const Candidate* c) {
        return c->target.file && *c->target.file == f.path;
      });
      if (!wanted) continue;
      std::ifstream in(root + "/" + f.path, std::ios::binary);
      if (!in) continue;
      std::ostringstream text;
      text << in.rdbuf();
      f.source = text.str();
    }
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
