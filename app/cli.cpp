#include "app/cli.h"

#include <unistd.h>

#include <boost/program_options.hpp>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "app/config_loader.h"
#include "app/pipeline.h"
#include "model/errors.h"
#include "reports/writers.h"
#include "scanner/coverage_import.h"
#include "scanner/coverage_map.h"
#include "scanner/discover.h"
#include "scanner/git_history.h"
#include "rules/registry.h"

namespace po = boost::program_options;

namespace stepup {
namespace {

constexpr const char* kUsage =
    "usage: stepup <command> [options]\n"
    "\n"
    "commands:\n"
    "  scan [REPO]       scan a C++ repository and write reports\n"
    "  rules             list the rules, their kinds and options\n"
    "  config --dump     print the effective configuration\n"
    "  coverage FILE...  read coverage reports and print what stepup reads in them\n"
    "  history [REPO]    read git history for the repo's C/C++ files and summarise it\n"
    "\n"
    "  stepup --version | --help | <command> --help\n";

int default_jobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

po::variables_map parse(const po::options_description& visible,
                        const po::positional_options_description& pos,
                        const std::vector<std::string>& args) {
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(visible).positional(pos).run(), vm);
  po::notify(vm);
  return vm;
}

/// Draws "[done/total] TUs, elapsed" on a terminal, at most ten times a second.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled), start_(Clock::now()) {}
  void update(int done, int total) {
    if (!enabled_) return;
    std::lock_guard<std::mutex> lock(mu_);
    auto now = Clock::now();
    if (done != total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    std::fprintf(stderr, "\rstepup: parsing [%d/%d] TUs, %.1fs ", done, total, seconds());
    std::fflush(stderr);
  }
  void finish() {
    if (enabled_) std::fprintf(stderr, "\r\033[K");
  }
  double seconds() const {
    return std::chrono::duration<double>(Clock::now() - start_).count();
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  Clock::time_point start_, last_;
  std::mutex mu_;
};

void print_top(const Report& report, int top) {
  if (report.candidates.empty()) {
    std::cout << "No candidates: nothing crossed a rule's threshold.\n";
    return;
  }
  std::cout << "Top candidates (" << report.candidates.size() << " in all):\n";
  std::cout << "  #  score  kind                     effort  task\n";
  int n = 0;
  for (const Candidate& c : report.candidates) {
    if (n++ >= top) break;
    std::ostringstream line;
    line << std::setw(3) << c.rank << "  " << std::setw(5) << c.score << "  "
         << std::left << std::setw(24) << c.kind << " " << std::setw(6) << c.effort
         << "  " << c.title;
    std::cout << line.str() << '\n';
  }
}

// A positive whole number of days, at most about 100 years.
int parse_days(const std::string& text) {
  int days = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (ec != std::errc() || ptr != text.data() + text.size() || days < 1 || days > 36500) {
    throw UsageError("--since takes a positive number of days (1 to 36500), not '" + text + "'");
  }
  return days;
}

int cmd_scan(const std::vector<std::string>& args) {
  ScanOptions opt;
  std::string since;
  std::string out_dir, formats = "json,html,sarif,md";
  po::options_description desc("stepup scan [REPO] [options]");
  desc.add_options()
      ("help,h", "show this help")
      ("compile-commands,p", po::value(&opt.compile_commands),
       "compile_commands.json, or the folder holding it (default: REPO/, then REPO/build*/)")
      ("coverage,c", po::value(&opt.coverage)->composing(),
       "coverage report (gcovr JSON, lcov, Cobertura XML, llvm-cov export JSON); "
       "repeatable, hits add up")
      ("coverage-build", po::value(&opt.coverage_build),
       "run gcovr over the .gcda/.gcno files under DIR (REPO as its root)")
      ("profile", po::value(&opt.profiles)->composing(),
       "collapsed stacks (\"frame;frame;leaf COUNT\", e.g. perf script | stackcollapse-perf.pl); "
       "repeatable")
      ("errors", po::value(&opt.errors)->composing(),
       "error or crash reports: JSON, JSON Lines, sanitizer/gdb backtraces or lines naming "
       "path:line; repeatable")
      ("findings", po::value(&opt.findings)->composing(),
       "static-analysis results: SARIF 2.1.0, cppcheck XML (--xml), clang-tidy output; "
       "repeatable")
      ("out,o", po::value(&out_dir), "where reports go (default: REPO/stepup-report)")
      ("format", po::value(&formats)->default_value(formats),
       "comma list of report formats: json, html, sarif, md")
      ("jobs,j", po::value(&opt.jobs)->default_value(default_jobs()), "parallel workers")
      ("team", po::value(&opt.team),
       "keep only files a CODEOWNERS owner (@org/team, @user) owns, in candidates and summaries")
      ("since", po::value(&since)->default_value("365"),
       "history window in days, counted back from HEAD's commit date")
      ("config", po::value(&opt.config), "config file (default: REPO/.stepup.json)")
      ("top", po::value(&opt.top)->default_value(10), "candidates shown in summaries")
      ("repo", po::value(&opt.repo)->default_value("."), "the repository (positional)");
  po::positional_options_description pos;
  pos.add("repo", 1);
  po::variables_map vm = parse(desc, pos, args);
  if (vm.count("help")) {
    std::cout << desc;
    return kExitOk;
  }
  if (opt.jobs < 1 || opt.jobs > 1024) throw UsageError("--jobs must be from 1 to 1024");
  if (opt.top < 0) throw UsageError("--top must not be negative");
  opt.since_days = parse_days(since);
  auto writers = select_writers(formats);

  Progress progress(isatty(STDERR_FILENO));
  opt.progress = [&](int done, int total) { progress.update(done, total); };
  SystemProcessRunner runner;
  ScanResult result = run_scan(opt, runner);
  progress.finish();
  if (out_dir.empty()) out_dir = result.report.repo_root + "/stepup-report";
  write_reports(result.report, out_dir, writers);

  print_top(result.report, opt.top);
  int warnings = 0;
  for (const auto& d : result.report.diagnostics) {
    if (d.level != Diagnostic::Level::kInfo) ++warnings;
  }
  std::fprintf(stderr,
               "stepup: %d TUs, %d files, %d functions, %d candidates in %.1fs; "
               "%d warning(s); reports in %s\n",
               result.translation_units, result.report.summary.files,
               result.report.summary.functions, result.report.summary.candidates,
               progress.seconds(), warnings, out_dir.c_str());
  return kExitOk;
}

// Imports coverage reports without a repo and prints their totals as
// JSON: what stepup reads in a report, before any path mapping.
int cmd_coverage(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  po::options_description desc("stepup coverage FILE... (gcovr JSON, lcov, Cobertura, llvm-cov)");
  desc.add_options()("help,h", "show this help")(
      "file", po::value(&files)->composing(), "coverage report (positional, repeatable)");
  po::positional_options_description pos;
  pos.add("file", -1);
  po::variables_map vm = parse(desc, pos, args);
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

// Reads history alone (one git log over the window) and prints a summary:
// what the scan would attach, and a way to time history on its own.
int cmd_history(const std::vector<std::string>& args) {
  std::string repo = ".", since = "365";
  po::options_description desc("stepup history [REPO] [--since DAYS] [--no-functions]");
  desc.add_options()("help,h", "show this help")(
      "since", po::value(&since)->default_value(since), "history window in days")(
      "no-functions", "per-file history only (reads numstat, not patches)")(
      "repo", po::value(&repo), "the repository (positional)");
  po::positional_options_description pos;
  pos.add("repo", 1);
  po::variables_map vm = parse(desc, pos, args);
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
  for (const auto& f : d.files) paths.insert(f.path);
  GitHistory h = read_history(d.root, paths, days, config.history, runner);
  nlohmann::ordered_json files = nlohmann::ordered_json::object();
  int64_t commits_total = 0;
  for (const auto& path : paths) {
    auto it = h.files.find(path);
    if (it == h.files.end()) continue;
    const History& s = it->second.stats;
    commits_total += s.commits;
    files[path] = {{"commits", s.commits},     {"fix_commits", s.fix_commits},
                   {"authors", s.authors},     {"lines_added", s.lines_added},
                   {"lines_deleted", s.lines_deleted}, {"coupled", s.coupled.size()},
                   {"changed_ranges", it->second.ranges.size()}};
  }
  nlohmann::ordered_json out = {{"available", h.available},
                                {"commits", h.commits.size()},
                                {"files_with_history", files.size()},
                                {"file_commits", commits_total},
                                {"files", files}};
  nlohmann::ordered_json diags = nlohmann::ordered_json::array();
  for (const auto& diag : h.diagnostics) diags.push_back(diag.message);
  out["diagnostics"] = diags;
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  return kExitOk;
}

int cmd_rules(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] != "--help" && args[0] != "-h") {
    throw UsageError("stepup rules takes no arguments");
  }
  for (const RuleInfo& r : rule_registry()) {
    std::cout << r.id << "  (" << r.kind << ")\n  " << r.description << "\n";
    for (const RuleOption& o : r.options) {
      std::cout << "    " << o.name << " = " << o.default_value << "  [" << o.min
                << ", " << o.max << "]  " << o.help << "\n";
    }
  }
  return kExitOk;
}

int cmd_config(const std::vector<std::string>& args) {
  std::string repo = ".", config;
  po::options_description desc("stepup config --dump [REPO] [--config FILE]");
  desc.add_options()
      ("help,h", "show this help")
      ("dump", "print the effective configuration as JSON")
      ("config", po::value(&config), "config file (default: REPO/.stepup.json)")
      ("repo", po::value(&repo), "the repository (positional)");
  po::positional_options_description pos;
  pos.add("repo", 1);
  po::variables_map vm = parse(desc, pos, args);
  if (vm.count("help") || !vm.count("dump")) {
    std::cout << desc;
    return vm.count("help") ? kExitOk : kExitUsage;
  }
  std::cout << config_to_json(load_config(repo, config, nullptr)).dump(2) << '\n';
  return kExitOk;
}

}  // namespace

int run_cli(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty()) {
      std::cerr << kUsage;
      return kExitUsage;
    }
    const std::string cmd = args[0];
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (cmd == "--version" || cmd == "-V") {
      std::cout << "stepup " << STEPUP_VERSION << '\n';
      return kExitOk;
    }
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
      std::cout << kUsage;
      return kExitOk;
    }
    if (cmd == "scan") return cmd_scan(rest);
    if (cmd == "rules") return cmd_rules(rest);
    if (cmd == "config") return cmd_config(rest);
    if (cmd == "coverage") return cmd_coverage(rest);
    if (cmd == "history") return cmd_history(rest);
    throw UsageError("unknown command '" + cmd + "'");
  } catch (const po::error& e) {
    std::cerr << "stepup: " << e.what() << " (see stepup --help)\n";
    return kExitUsage;
  } catch (const UsageError& e) {
    std::cerr << "stepup: " << e.what() << " (see stepup --help)\n";
    return kExitUsage;
  } catch (const InputError& e) {
    std::cerr << "stepup: error: " << e.what() << '\n';
    return kExitInput;
  } catch (const std::exception& e) {
    std::cerr << "stepup: internal error: " << e.what() << '\n';
    return 4;
  }
}

}  // namespace stepup
