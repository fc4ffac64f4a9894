#include "app/cli.h"

#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "app/config_loader.h"
#include "app/gate.h"
#include "app/pipeline.h"
#include "model/errors.h"
#include "reports/ticket_writer.h"
#include "reports/writers.h"
#include "rules/registry.h"
#include "scanner/coverage_import.h"
#include "scanner/coverage_map.h"
#include "scanner/discover.h"
#include "scanner/git_history.h"
#include "scanner/report_import.h"

namespace po = boost::program_options;

namespace stepup {
namespace {

constexpr const char* kUsage =
    "usage: stepup <command> [options]\n"
    "\n"
    "commands:\n"
    "  scan [REPO]       scan a C++ repository and write reports\n"
    "  next [REPO]       print the best task (or -n N) as a ready-to-paste ticket\n"
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
  double seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

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
    line << std::setw(3) << c.rank << "  " << std::setw(5) << c.score << "  " << std::left
         << std::setw(24) << c.kind << " " << std::setw(6) << c.effort << "  " << c.title;
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

// The inputs `scan` and `next` share: what to read and how.
void add_scan_inputs(po::options_description& desc, ScanOptions& opt, std::string& since) {
  // clang-format off
  desc.add_options()
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
      ("jobs,j", po::value(&opt.jobs)->default_value(default_jobs()), "parallel workers")
      ("team", po::value(&opt.team),
       "keep only files a CODEOWNERS owner (@org/team, @user) owns, in candidates and summaries")
      ("since", po::value(&since)->default_value("365"),
       "history window in days, counted back from HEAD's commit date")
      ("config", po::value(&opt.config), "config file (default: REPO/.stepup.json)")
      ("repo", po::value(&opt.repo)->default_value("."), "the repository (positional)");
  // clang-format on
}

void check_scan_inputs(ScanOptions& opt, const std::string& since) {
  if (opt.jobs < 1 || opt.jobs > 1024) throw UsageError("--jobs must be from 1 to 1024");
  opt.since_days = parse_days(since);
}

int cmd_scan(const std::vector<std::string>& args) {
  ScanOptions opt;
  std::string since;
  std::string out_dir, formats = kDefaultFormats;
  std::vector<std::string> gate_texts;
  po::options_description desc("stepup scan [REPO] [options]");
  desc.add_options()("help,h", "show this help");
  add_scan_inputs(desc, opt, since);
  // clang-format off
  desc.add_options()
      ("out,o", po::value(&out_dir), "where reports go (default: REPO/stepup-report)")
      ("format", po::value(&formats)->default_value(formats),
       "comma list of report formats: json, html, sarif, md, csv, tickets (a folder with "
       "one Markdown file per top-N candidate)")
      ("top", po::value(&opt.top)->default_value(10), "candidates shown in summaries")
      ("baseline", po::value(&opt.baseline),
       "an earlier report.json: candidates get a status (new, worsened, unchanged) and "
       "resolved ones are listed")
      ("diff-base", po::value(&opt.diff_base),
       "patch mode: judge only code changed since REV (git diff -U0 REV) and report its coverage")
      ("fail-on", po::value(&gate_texts)->composing(),
       "quality gate, repeatable; exit 1 when any holds: max-score>=N, new-candidates>N, "
       "line-coverage<F, patch-coverage<F")
      ("no-risk-signals",
       "skip log calls and the AST findings (silent-catch, io-in-loop...): the baseline "
       "bench/ measures their cost against");
  // clang-format on
  po::positional_options_description pos;
  pos.add("repo", 1);
  po::variables_map vm = parse(desc, pos, args);
  if (vm.count("help")) {
    std::cout << desc;
    return kExitOk;
  }
  check_scan_inputs(opt, since);
  opt.risk_signals = vm.count("no-risk-signals") == 0;
  if (opt.top < 0) throw UsageError("--top must not be negative");
  std::vector<GateExpr> gate;
  for (const auto& text : gate_texts) {
    gate.push_back(parse_gate(text));
    if (gate.back().metric == "new-candidates" && opt.baseline.empty()) {
      throw UsageError("--fail-on " + text + " needs --baseline");
    }
    if (gate.back().metric == "patch-coverage" && opt.diff_base.empty()) {
      throw UsageError("--fail-on " + text + " needs --diff-base");
    }
  }
  auto writers = select_writers(formats);

  Progress progress(isatty(STDERR_FILENO));
  opt.progress = [&](int done, int total) { progress.update(done, total); };
  SystemProcessRunner runner;
  ScanResult result = run_scan(opt, runner);
  progress.finish();
  if (out_dir.empty()) out_dir = result.report.repo_root + "/stepup-report";
  result.report.gate = evaluate_gate(result.report, gate);
  double scanned = progress.seconds();
  write_reports(result.report, out_dir, writers);
  double writing = progress.seconds() - scanned;

  print_top(result.report, opt.top);
  int warnings = 0;
  for (const auto& d : result.report.diagnostics) {
    if (d.level != Diagnostic::Level::kInfo) ++warnings;
  }
  std::fprintf(stderr,
               "stepup: %d TUs, %d files, %d functions, %d candidates in %.1fs; "
               "%d warning(s); reports in %s (written in %.2fs)\n",
               result.translation_units, result.report.summary.files,
               result.report.summary.functions, result.report.summary.candidates,
               progress.seconds(), warnings, out_dir.c_str(), writing);
  if (const auto& p = result.report.patch) {
    std::fprintf(
        stderr,
        "stepup: patch since %s: %d file(s), %lld changed line(s), %lld executable, "
        "%lld covered%s\n",
        p->base.c_str(), p->files_changed, static_cast<long long>(p->lines_changed),
        static_cast<long long>(p->executable_lines), static_cast<long long>(p->lines_covered),
        p->files_without_coverage.empty() ? "" : "; some changed files have no coverage data");
  }
  bool failed = false;
  for (const GateCheck& g : result.report.gate) {
    std::fprintf(stderr, "stepup: gate %s: %s (%s)\n", g.failed ? "FAILED" : "passed",
                 g.expression.c_str(), g.message.c_str());
    failed = failed || g.failed;
  }
  return failed ? kExitGateFailed : kExitOk;
}

// Splits a comma list, dropping empty items.
std::vector<std::string> comma_list(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

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
  po::variables_map vm = parse(desc, pos, args);
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
    if (cmd == "next") return cmd_next(rest);
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
