#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/commands/command.h"
#include "app/config_loader.h"
#include "scanner/common/discover.h"
#include "scanner/history/file_history.h"

namespace po = boost::program_options;

namespace stepup {
namespace {

nlohmann::ordered_json notes_json(const std::vector<CommitNote>& notes) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& n : notes) {
    out.push_back({{"sha", n.sha}, {"subject", n.subject}, {"files", n.files}});
  }
  return out;
}

nlohmann::ordered_json stats_json(const History& s) {
  return {{"commits", s.commits},
          {"fix_commits", s.fix_commits},
          {"authors", s.authors},
          {"lines_added", s.lines_added},
          {"lines_deleted", s.lines_deleted}};
}

// What `stepup history` prints: the window, what was left out, per-module
// and per-file counts.
nlohmann::ordered_json summary_json(
    const GitHistory& h, const std::set<std::string>& paths,
    const std::map<std::string, std::vector<std::string>>& modules) {
  nlohmann::ordered_json files = nlohmann::ordered_json::object();
  int64_t commits_total = 0;
  for (const auto& path : paths) {
    auto it = h.files.find(path);
    if (it == h.files.end()) continue;
    const History& s = it->second.stats;
    commits_total += s.commits;
    files[path] = stats_json(s);
    files[path]["coupled"] = s.coupled.size();
    files[path]["changed_ranges"] = it->second.ranges.size();
  }
  nlohmann::ordered_json mods = nlohmann::ordered_json::object();
  for (const auto& [name, members] : modules) {
    History m = module_history(h, members);
    if (m.commits > 0) mods[name] = stats_json(m);
  }
  const HistoryWindow& w = h.window;
  return {{"available", h.available},
          {"commits", w.commits},
          {"commits_read", h.commits.size()},
          {"window",
           {{"since_days", w.since_days},
            {"since_date", w.since_date},
            {"commits", w.commits},
            {"widened", w.widened},
            {"mass_changes", w.mass_changes},
            {"ignored_revs", w.ignored_revs}}},
          {"files_with_history", files.size()},
          {"file_commits", commits_total},
          {"excluded",
           {{"mass_changes", notes_json(h.mass_changes)}, {"ignored_revs", notes_json(h.ignored)}}},
          {"non_defect_fixes", notes_json(h.non_defect)},
          {"modules", mods},
          {"files", files}};
}

}  // namespace

// Reads history alone (one git log over the window) and prints a summary:
// what the scan would attach, what it left out, and a way to time history
// on its own.
int cmd_history(const std::vector<std::string>& args) {
  std::string repo = ".", since = "365";
  po::options_description desc("stepup history [REPO] [--since DAYS|all] [--no-functions]");
  desc.add_options()("help,h", "show this help")(
      "since", po::value(&since)->default_value(since),
      "history window in days back from HEAD's commit date, or 'all'")(
      "no-functions", "per-file history only (reads numstat, not patches)")(
      "repo", po::value(&repo), "the repository (positional)");
  po::positional_options_description pos;
  pos.add("repo", 1);
  po::variables_map vm = parse_args(desc, pos, args);
  if (vm.count("help")) {
    std::cout << desc;
    return kExitOk;
  }
  int days = parse_days(since);
  SystemProcessRunner runner;
  Config config = load_config(repo, "", nullptr);
  config.history.functions = vm.count("no-functions") == 0;
  Discovery d = discover(repo, config, runner);
  std::set<std::string> paths;
  std::map<std::string, std::vector<std::string>> modules;
  for (const auto& f : d.files) {
    paths.insert(f.path);
    modules[f.module].push_back(f.path);
  }
  GitHistory h = read_history(d.root, paths, days, config.history, runner);
  nlohmann::ordered_json out = summary_json(h, paths, modules);
  nlohmann::ordered_json diags = nlohmann::ordered_json::array();
  for (const auto& diag : h.diagnostics) {
    diags.push_back(diag.message);
    if (diag.level != Diagnostic::Level::kInfo) {
      std::cerr << "stepup: warning: history: " << diag.message << '\n';
    }
  }
  out["diagnostics"] = diags;
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  return kExitOk;
}

}  // namespace stepup
