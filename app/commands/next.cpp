#include <algorithm>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "app/commands/command.h"
#include "reports/test_skeleton.h"
#include "reports/ticket_writer.h"
#include "rules/registry.h"
#include "scanner/parse/test_framework.h"
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

// Every kind of task a rule proposes, in the registry's order.
std::vector<std::string> known_kinds() {
  std::vector<std::string> kinds;
  for (const RuleInfo& rule : rule_registry()) {
    if (std::find(kinds.begin(), kinds.end(), rule.kind) == kinds.end()) kinds.push_back(rule.kind);
  }
  return kinds;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// The three names closest to wanted, by edit distance (then by name).
std::string nearest(const std::string& wanted, const std::set<std::string>& names) {
  std::vector<std::pair<size_t, std::string>> ranked;
  for (const auto& n : names) ranked.emplace_back(edit_distance(wanted, n), n);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> best;
  for (size_t i = 0; i < ranked.size() && i < 3; ++i) best.push_back(ranked[i].second);
  return best.empty() ? "none" : joined(best);
}

// A --module or --team that names nothing in the report is a usage error,
// not an empty answer; --team without CODEOWNERS is unusable input.
void check_names(const NextFilter& filter, const Report& report) {
  if (!filter.module.empty()) {
    std::set<std::string> modules;
    bool known = false;
    for (const ModuleFacts& m : report.modules) modules.insert(m.name);
    for (const Candidate& c : report.candidates) modules.insert(c.target.module);
    for (const std::string& m : modules) {
      known |=
          m == filter.module || m.compare(0, filter.module.size() + 1, filter.module + "/") == 0;
    }
    if (!known) {
      throw UsageError("--module " + filter.module +
                       ": no such module; nearest: " + nearest(filter.module, modules));
    }
  }
  if (filter.team.empty()) return;
  std::set<std::string> owners;
  for (const FileFacts& f : report.files) owners.insert(f.owners.begin(), f.owners.end());
  if (owners.empty()) {
    throw InputError("--team " + filter.team +
                     ": the report carries no CODEOWNERS owners (the scanned repository has no "
                     "CODEOWNERS file: .github/CODEOWNERS, CODEOWNERS or docs/CODEOWNERS)");
  }
  if (!owners.count(filter.team)) {
    throw UsageError("--team " + filter.team +
                     ": no file has this owner; nearest: " + nearest(filter.team, owners));
  }
}

void load_text(FileFacts& f, const std::string& root) {
  if (!f.source.empty()) return;
  std::ifstream in(root + "/" + f.path, std::ios::binary);
  if (!in) return;
  std::ostringstream text;
  text << in.rdbuf();
  f.source = text.str();
}

// The test skeleton quotes source lines and looks for the declaring header:
// read the picked tasks' files and their headers only (a scan already
// carries every file's text).
void load_sources(Report& report, const std::vector<const Candidate*>& picked,
                  const std::string& root) {
  std::set<std::string> wanted;
  for (const Candidate* c : picked) {
    if (c->target.file) wanted.insert(*c->target.file);
  }
  for (FileFacts& f : report.files) {
    if (wanted.count(f.path)) load_text(f, root);
  }
  std::set<std::string> headers;
  for (const Candidate* c : picked) {
    for (const std::string& h : skeleton_reads(report, *c)) headers.insert(h);
  }
  for (FileFacts& f : report.files) {
    if (headers.count(f.path)) load_text(f, root);
  }
}

}  // namespace

// The best task (or -n tasks) as ready-to-paste tickets.
int cmd_next(const std::vector<std::string>& args) {
  ScanOptions opt;
  std::string since, report_path, kinds, efforts;
  NextFilter filter;
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
  Report report;
  if (!report_path.empty()) {
    report = read_report_file(report_path);
    filter.team = opt.team;
  } else {
    SystemProcessRunner runner;
    report = run_scan(opt, runner).report;  // --team already kept the team's files
  }
  check_names(filter, report);
  if (!report.test_framework) {
    report.test_framework = assumed_framework(
        {"/usr/local/include", "/usr/include"},
        [](const std::string& p) { return std::ifstream(p).good(); },
        "report.json names no test framework (an older stepup wrote it)");
  }
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
