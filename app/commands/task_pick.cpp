#include "app/commands/task_pick.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "reports/test_skeleton.h"
#include "rules/registry.h"
#include "scanner/parse/test_framework.h"
#include "scanner/report/import.h"

namespace stepup {
namespace {

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

void load_text(FileFacts& f, const std::string& root) {
  if (!f.source.empty()) return;
  std::ifstream in(root + "/" + f.path, std::ios::binary);
  if (!in) return;
  std::ostringstream text;
  text << in.rdbuf();
  f.source = text.str();
}

}  // namespace

bool TaskFilter::keeps(const Candidate& c, const Report& r) const {
  auto in = [](const std::vector<std::string>& list, const std::string& v) {
    return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
  };
  if (!in(kinds, c.kind) || !in(efforts, c.effort)) return false;
  if (newcomer && !c.newcomer_friendly) return false;
  return in_scope(c, r);
}

bool TaskFilter::in_scope(const Candidate& c, const Report& r) const {
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

void check_names(const TaskFilter& filter, const Report& report) {
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

Report task_report(ScanOptions& opt, const std::string& report_path, TaskFilter& filter) {
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
  return report;
}

}  // namespace stepup
