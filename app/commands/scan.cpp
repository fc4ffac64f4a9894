#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <sstream>

#include "app/backfill.h"
#include "app/commands/command.h"
#include "app/console.h"
#include "app/gate.h"
#include "app/history_db.h"
#include "app/shards.h"
#include "reports/writers.h"
#include "scanner/common/git_command.h"
#include "scanner/trend/series.h"
#include "scanner/trend/store.h"

namespace po = boost::program_options;

namespace stepup {
namespace {

// When the scan ran, UTC ISO 8601, for the page's header; SOURCE_DATE_EPOCH
// (reproducible-builds.org) stands in for the clock when set.
std::string scan_time_utc() {
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long v = std::strtoll(epoch, &end, 10);
    if (end != epoch && *end == '\0' && v >= 0) t = static_cast<std::time_t>(v);
  }
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
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
  if (report.files.empty()) {
    std::cout << "No candidates: no C or C++ source file was scanned (see the error below).\n";
    return;
  }
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

}  // namespace

int cmd_scan(const std::vector<std::string>& args) { return run_scan_command(args, {}); }

int run_scan_command(const std::vector<std::string>& args, const std::vector<std::string>& facts) {
  ScanOptions opt;
  std::string shard_text, facts_out;
  std::string since;
  std::string out_dir, formats = kDefaultFormats, history_db, html_source = "embed";
  int backfill = 0;
  std::vector<std::string> gate_texts;
  po::options_description desc("stepup scan [REPO] [options]");
  desc.add_options()("help,h", "show this help");
  add_scan_inputs(desc, opt, since);
  // clang-format off
  desc.add_options()
      ("out,o", po::value(&out_dir), "where reports go (default: REPO/stepup-report)")
      ("format", po::value(&formats)->default_value(formats),
       "comma list of report formats: json, html, sarif, md, csv, tickets (a folder with "
       "one Markdown file per top-N candidate), codequality (gl-code-quality-report.json, "
       "GitLab Code Quality), comment (comment.md, the GitHub Action's pull-request comment)")
      ("top", po::value(&opt.top)->default_value(10), "candidates shown in summaries")
      ("html-source", po::value(&html_source)->default_value(html_source),
       "what index.html's file view holds of the code: embed (the text), link (a link to "
       "it on the git host instead) or none (neither)")
      ("baseline", po::value(&opt.baseline),
       "an earlier report.json: candidates get a status (new, worsened, unchanged) and "
       "resolved ones are listed")
      ("diff-base", po::value(&opt.diff_base),
       "patch mode: judge only code changed since REV (git diff -U0 REV) and report its coverage")
      ("fail-on", po::value(&gate_texts)->composing(),
       "quality gate, repeatable; exit 1 when any holds: max-score>=N, new-candidates>N, "
       "line-coverage<F, patch-coverage<F")
      ("quiet,q", "show only errors about the inputs, no warnings")
      ("verbose,v", "show every diagnostic (warnings and infos too), not the first of each kind")
      ("no-risk-signals",
       "skip log calls and the AST findings (silent-catch, io-in-loop...): the baseline "
       "bench/ measures their cost against")
      ("shard", po::value(&shard_text),
       "K/N: parse only the K-th of N balanced shares of the TUs and write their facts to "
       "--facts-out (no reports); stepup merge joins the N files")
      ("facts-out", po::value(&facts_out), "where --shard writes its facts")
      ("history-db", po::value(&history_db),
       "append this scan's row (commit, coverage, candidates, modules) to a SQLite history "
       "file, replacing the commit's earlier row; stepup trend reads it (docs/trend.md)")
      ("backfill", po::value(&backfill),
       "N: with --history-db, also scan the N-1 commits before HEAD (N counts HEAD) in a "
       "scratch worktree, leaving the checkout untouched");
  // clang-format on
  po::positional_options_description pos;
  pos.add("repo", 1);
  po::variables_map vm = parse_args(desc, pos, args);
  if (vm.count("help")) {
    std::cout << desc;
    return kExitOk;
  }
  check_scan_inputs(opt, since, vm);
  parse_shard(shard_text, facts_out, opt);
  std::map<std::string, TuFacts> preloaded;
  if (!facts.empty()) {
    if (opt.shards > 0) throw UsageError("stepup merge takes no --shard");
    preloaded = load_shards(facts, opt);
    opt.preloaded = &preloaded;
  }
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
  if (html_source != "embed" && html_source != "link" && html_source != "none") {
    throw UsageError("--html-source takes embed, link or none, not '" + html_source + "'");
  }
  if (vm.count("backfill") && (backfill < 1 || backfill > 10000 || history_db.empty())) {
    throw UsageError("--backfill takes N from 1 to 10000, with --history-db");
  }
  if (!history_db.empty()) {
    if (opt.shards > 0) throw UsageError("--history-db records whole scans: not with --shard");
    check_history_db(history_db);  // a corrupt or locked file stops the run before the parse
  }

  Progress progress(isatty(STDERR_FILENO));
  opt.progress = [&](int done, int total) { progress.update(done, total); };
  SystemProcessRunner runner;
  if (!history_db.empty()) {  // rows are filed by commit: say so before the parse, not after
    ProcessResult head =
        runner.run(git_command(opt.repo, {"rev-parse", "--verify", "-q", "HEAD"}), opt.repo);
    if (!head.started || head.exit_code != 0) {
      throw InputError(opt.repo +
                       ": --history-db files each row under a commit, and this is not a git "
                       "checkout with a commit");
    }
  }
  ScanResult result = run_scan(opt, runner);
  progress.finish();
  say_parse_stats(result, opt);
  if (opt.shards > 0) return write_shard(result, facts_out, progress.seconds());
  if (out_dir.empty()) out_dir = result.report.repo_root + "/stepup-report";
  result.report.html_source = html_source == "link"   ? HtmlSource::kLink
                              : html_source == "none" ? HtmlSource::kNone
                                                      : HtmlSource::kEmbed;
  result.report.gate = evaluate_gate(result.report, gate);
  result.report.scanned_at = scan_time_utc();
  // The history store first, so the page's trend holds this scan (and a
  // backfill's rows); report.json's trend is the store as read back.
  if (!history_db.empty()) {
    record_scan(history_db, result, runner);
    if (backfill > 1) backfill_history(opt, result.report.repo_root, history_db, backfill, runner);
    result.report.trend = trend_series(read_trend(history_db), *result.report.commit);
  }
  double scanned = progress.seconds();
  write_reports(result.report, out_dir, writers);
  double writing = progress.seconds() - scanned;

  print_top(result.report, opt.top);
  int warnings = 0, errors = 0;
  for (const auto& d : result.report.diagnostics) {
    warnings += d.level == Diagnostic::Level::kWarning;
    errors += d.level == Diagnostic::Level::kError;
  }
  Verbosity verbosity = vm.count("verbose") ? Verbosity::kVerbose
                        : vm.count("quiet") ? Verbosity::kQuiet
                                            : Verbosity::kNormal;
  std::string said = console_diagnostics(result.report.diagnostics, verbosity);
  const Summary& sum = result.report.summary;
  std::fprintf(stderr,
               "stepup: %d %s, %d files (%d production), %d production functions, "
               "%d candidates in %.1fs; %d error(s), %d warning(s)%s; reports in %s (written in "
               "%.2fs)\n%s",
               result.translation_units,
               result.report.signals.parse == "quick" ? "files parsed (quick mode)" : "TUs",
               sum.all_code_files, sum.files, sum.functions, sum.candidates, progress.seconds(),
               errors, warnings,
               warnings > 0 && verbosity == Verbosity::kQuiet ? " (-q: not shown)" : "",
               out_dir.c_str(), writing, said.c_str());
  bool html = formats.find("html") != std::string::npos;
  if (html && !result.report.links && html_source != "none" && verbosity != Verbosity::kQuiet) {
    std::fprintf(stderr, "stepup: index.html has no links to the code: %s\n",
                 result.report.links_missing.c_str());
  }
  if (sum.line_coverage) {
    std::fprintf(stderr, "stepup: production line coverage %.1f%% (all code %.1f%%)\n",
                 *sum.line_coverage * 100, sum.all_code_line_coverage.value_or(0) * 100);
  }
  if (const auto& p = result.report.patch) {
    std::fprintf(
        stderr,
        "stepup: patch since %s: %d file(s), %lld changed line(s), %lld executable, "
        "%lld covered%s%s\n",
        p->base.c_str(), p->files_changed, static_cast<long long>(p->lines_changed),
        static_cast<long long>(p->executable_lines), static_cast<long long>(p->lines_covered),
        p->files_without_coverage.empty() ? "" : "; some changed files have no coverage data",
        p->stale_files.empty()
            ? ""
            : "; some changed files have stale coverage, their changed lines count as uncovered");
  }
  bool failed = false;
  for (const GateCheck& g : result.report.gate) {
    std::fprintf(stderr, "stepup: gate %s: %s (%s)\n", g.failed ? "FAILED" : "passed",
                 g.expression.c_str(), g.message.c_str());
    failed = failed || g.failed;
  }
  return failed ? kExitGateFailed : kExitOk;
}

}  // namespace stepup
