#include "rules/untested_hotspot.h"

#include <algorithm>
#include <cmath>

namespace stepup {
namespace {

const char kRule[] = "untested-hotspot";

/// One function's case, before it becomes a candidate (or part of one).
struct Hotspot {
  const FunctionFacts* fn = nullptr;
  std::optional<double> cov;  ///< lines and branches covered; nullopt: unknown
  double points = 0;          ///< untested complexity times activity
  Churn churn;
  std::optional<FanIn> fan;   ///< its callers on the call graph
};

// History only raises a test task: untested logic is worth a test however
// quiet its history (docs/scoring.md).
double activity(const Churn& churn, std::optional<int64_t> errors, const RuleOptions& o) {
  double a = raising_activity(churn, o.at("churn_weight"), o.at("churn_cap")) +
             o.at("fix_weight") * static_cast<double>(churn.fix_commits);
  if (errors) a += o.at("error_weight") * std::log1p(static_cast<double>(*errors));
  return a;
}

// Debug output: an object describing itself for a debugger or a log
// (Dump(), DebugString(), debug_string()). Tests of what it prints are
// worth less than tests of the behaviour it describes. A tool's own
// commands (DumpTable, dump_file) are behaviour, and keep their weight.
bool debug_output(const FunctionFacts& fn) {
  const std::string& n = fn.name;
  auto ends = [&](const std::string& p) {
    return n.size() >= p.size() && n.compare(n.size() - p.size(), p.size(), p) == 0;
  };
  return n == "Dump" || n == "dump" || n == "DebugPrint" || n == "debug_print" ||
         ends("DebugString") || ends("debug_string");
}

// The program's entry point: tested by running the program, not by a call.
bool entry_point(const FunctionFacts& fn) { return fn.qualified_name == "main"; }

std::optional<Hotspot> assess(const Report& r, const FileFacts& file, const FunctionFacts& fn,
                              const RuleOptions& o) {
  if (!is_target_function(fn)) return std::nullopt;
  if (fn.cyclomatic >= o.at("refactor_at")) return std::nullopt;  // complex-function's
  Hotspot h;
  h.fn = &fn;
  h.churn = churn_of(file, &fn);
  const double c = fn.cyclomatic;
  double gap;  // CRAP minus its "+ comp": the complexity no test runs
  if (r.signals.coverage && fn.coverage) {
    h.cov = covered_fraction(fn.coverage);
    if (!h.cov) return std::nullopt;  // nothing executable (or excluded)
    gap = c * c * std::pow(1 - *h.cov, 3);
  } else {
    gap = c * c * o.at("no_coverage_factor");
  }
  h.fan = fan_in_of(r, fn);
  double a = activity(h.churn, fn.errors, o);
  if (h.fan) {
    // A function many others call breaks all of them: production callers
    // raise it (tests calling it are not at risk; they are its tests).
    a += o.at("fan_in_weight") * std::log1p(static_cast<double>(h.fan->callers - h.fan->from_tests));
  }
  h.points = gap * a;
  if (file.parse_errors) h.points *= 2.0 / 3;
  if (debug_output(fn)) h.points *= o.at("debug_output_factor");
  return h;
}

// Real logic that no test runs at all: a task whatever its history.
bool untested_logic(const FunctionFacts& fn, const RuleOptions& o) {
  return fn.coverage && fn.coverage->lines_covered == 0 && !debug_output(fn) &&
         fn.cyclomatic >= o.at("logic_min_cyclomatic") &&
         fn.coverage->lines_total >= o.at("logic_min_lines");
}

/// The score on the common curve, capped without coverage; untested logic
/// never falls under the cut.
void score(Candidate& c, double points, bool coverage_known, bool always, const RuleOptions& o) {
  set_score(c, 0, points / o.at("scale"), coverage_known ? 100 : o.at("no_coverage_cap"));
  if (always && c.exact_score < o.at("min_score")) {
    c.exact_score = o.at("min_score") + c.exact_score / 100;  // keeps their order
    c.score = static_cast<int>(o.at("min_score"));
  }
}

double score_of(double points, bool coverage_known, const RuleOptions& o) {
  Candidate c;
  score(c, points, coverage_known, false, o);
  return c.exact_score;
}

std::string lines_why(const Coverage& c, const std::vector<int>& uncovered) {
  std::string s = executable_lines_why(c);
  if (c.lines_covered > 0 && !uncovered.empty()) s += "; not run: " + line_ranges(uncovered);
  return s;
}

std::string branches_why(const Coverage& c, const std::vector<int>& partial) {
  std::string s = count_of(c.branches_total, "branch outcome") + ", ";
  s += c.branches_covered == 0 ? "none taken" : std::to_string(c.branches_covered) + " taken";
  if (c.branches_covered > 0 && !partial.empty()) {
    s += " (missed at line" + std::string(partial.size() == 1 ? " " : "s ") + line_ranges(partial) +
         ")";
  }
  return s;
}

// Without any coverage data the report says so once (summary, console);
// a file the data leaves out is worth saying on its task.
std::string no_coverage_why(const Report& r, const FileFacts& file, const RuleOptions& o) {
  if (!r.signals.coverage) return "";
  return file.path + " is not in the coverage data: coverage unknown, score capped at " +
         std::to_string(static_cast<int>(o.at("no_coverage_cap")));
}

std::vector<std::string> function_why(const Report& r, const FileFacts& file, const Hotspot& h,
                                      const RuleOptions& o) {
  const FunctionFacts& fn = *h.fn;
  std::vector<std::string> why;
  if (fn.errors && *fn.errors > 0) {
    why.push_back(count_of(*fn.errors, "error report") + " point here");
  }
  if (h.cov) {
    why.push_back(lines_why(*fn.coverage, fn.uncovered_lines));
  } else {
    add_why(why, no_coverage_why(r, file, o));
  }
  why.push_back("cyclomatic complexity " + std::to_string(fn.cyclomatic) + ", " + length_why(fn));
  add_why(why, churn_why(h.churn, file, h.fn));
  add_why(why, fan_in_why(h.fan));
  if (h.cov && fn.coverage->branches_total > 0) {
    why.push_back(branches_why(*fn.coverage, fn.partial_branch_lines));
  }
  add_why(why, parse_errors_why(file));
  return why;
}

std::string first_step(const FunctionFacts& fn) {
  std::string where = " of " + fn.name + " (lines " + std::to_string(fn.line) + "-" +
                      std::to_string(fn.end_line) + ")";
  if (!fn.coverage) {
    return "Write a test that calls " + fn.name + where.substr(where.find(" (")) +
           " through each of its " + std::to_string(fn.cyclomatic - 1) +
           " decisions, starting with the first.";
  }
  bool none_run = fn.coverage->lines_covered == 0;
  if (entry_point(fn)) {
    std::string s =
        "Add a test that runs the program (a smoke test: no arguments or --help, then "
        "one per command it takes) and checks its exit code and output";
    if (!fn.partial_branch_lines.empty()) {
      s += "; main's first untaken branch is at line " +
           std::to_string(fn.partial_branch_lines.front());
    }
    return s + ".";
  }
  if (none_run) {
    std::string s = "Write a first test that calls " + fn.name + ", which no test runs yet";
    if (!fn.partial_branch_lines.empty()) {
      s += "; then one per outcome of the branch at line " +
           std::to_string(fn.partial_branch_lines.front());
    }
    return s + ".";
  }
  if (!fn.uncovered_lines.empty()) {
    std::string first = line_ranges(fn.uncovered_lines, 1);
    first = first.substr(0, first.find(','));
    return "Write a test that reaches lines " + first + where + ", which no test runs.";
  }
  if (!fn.partial_branch_lines.empty()) {
    return "Write a test that takes the missed outcome of the branch at line " +
           std::to_string(fn.partial_branch_lines.front()) + where + ".";
  }
  return "Add a test case for " + fn.name + where + ".";
}

int uncovered_size(const FunctionFacts& fn) {
  if (!fn.coverage) return fn.cyclomatic * 3;  // a guess: a few lines per decision
  return static_cast<int>(fn.uncovered_lines.size() + fn.partial_branch_lines.size());
}

Candidate function_candidate(const Report& r, const FileFacts& file, const Hotspot& h,
                             const RuleOptions& o) {
  const FunctionFacts& fn = *h.fn;
  Candidate c;
  c.rule = kRule;
  c.kind = "add-tests";
  c.id = candidate_id(kRule, file.path, fn.qualified_name);
  score(c, h.points, h.cov.has_value(), untested_logic(fn, o), o);
  c.target = {file.module, file.path, fn.qualified_name, fn.line};
  c.focus = fn.qualified_name;
  c.title = entry_point(fn)
                ? "Test the program of " + file.path + " by running it (main, " +
                      at(file.path, fn.line) + ")"
                : "Write tests for " + fn.qualified_name + " (" + at(file.path, fn.line) + ")";
  c.why = function_why(r, file, h, o);
  if (debug_output(fn)) {
    c.why.insert(c.why.begin() + (c.why.empty() ? 0 : 1), "debug output: weighed at half");
  }
  c.first_step = first_step(fn);
  int lines = fn.end_line - fn.line + 1;
  c.effort = effort_from_size(uncovered_size(fn), lines, fn.params);
  c.newcomer_friendly = fn.params <= 3;
  c.lines = fn.uncovered_lines;
  c.lines.insert(c.lines.end(), fn.partial_branch_lines.begin(), fn.partial_branch_lines.end());
  if (c.lines.empty()) c.lines = {fn.line};
  return c;
}

// Several functions of one file qualify: one task for the file, so the
// list does not fill up with one file's functions. Its points are the sum
// of theirs; the first step is the worst function's.
Candidate file_candidate(const Report& r, const FileFacts& file, std::vector<Hotspot> hs,
                         const RuleOptions& o) {
  std::stable_sort(hs.begin(), hs.end(),
                   [](const Hotspot& a, const Hotspot& b) { return a.points > b.points; });
  double points = 0;
  int uncovered = 0, lines = 0;
  std::string names;
  Candidate c;
  for (const Hotspot& h : hs) {
    points += h.points;
    uncovered += uncovered_size(*h.fn);
    lines += h.fn->end_line - h.fn->line + 1;
    if (names.size() < 160) {  // the first few, worst first; the count says the rest
      if (!names.empty()) names += ", ";
      names += h.fn->name + " (cyclomatic " + std::to_string(h.fn->cyclomatic) +
               (h.cov ? ", " + percent(*h.cov) + " covered)" : ")");
    }
    c.lines.insert(c.lines.end(), h.fn->uncovered_lines.begin(), h.fn->uncovered_lines.end());
  }
  const bool cov_known = hs.front().cov.has_value();
  bool always =
      std::any_of(hs.begin(), hs.end(), [&](const Hotspot& h) { return untested_logic(*h.fn, o); });
  c.rule = kRule;
  c.kind = "add-tests";
  c.id = candidate_id(kRule, file.path, "");
  score(c, points, cov_known, always, o);
  c.target = {file.module, file.path, std::nullopt, hs.front().fn->line};
  auto main_fn = std::find_if(file.functions.begin(), file.functions.end(), entry_point);
  const bool program = main_fn != file.functions.end();
  c.title = (program ? "Test the program of " + file.path + " by running it: "
                     : "Write tests for " + file.path + ": ") +
            std::to_string(hs.size()) + " functions with untested logic";
  if (file.errors && *file.errors > 0) {
    c.why.push_back(count_of(*file.errors, "error report") + " point here");
  }
  c.why.push_back(std::to_string(hs.size()) + " functions with untested complexity: " + names);
  if (cov_known && file.coverage) {
    c.why.push_back("the file: " + lines_why(*file.coverage, {}));
  } else {
    add_why(c.why, no_coverage_why(r, file, o));
  }
  add_why(c.why, file_history_why(file));
  // The most called of its functions: fan-in raised the file's points.
  const Hotspot* called = nullptr;
  for (const Hotspot& h : hs) {
    if (h.fan && (!called || h.fan->callers > called->fan->callers)) called = &h;
  }
  if (called && !fan_in_why(called->fan).empty()) {
    c.why.push_back(called->fn->name + ": " + fan_in_why(called->fan));
  }
  add_why(c.why, parse_errors_why(file));
  c.focus = hs.front().fn->qualified_name;
  c.first_step =
      program ? first_step(*main_fn) + " Then the path through " + hs.front().fn->name + " (line " +
                    std::to_string(hs.front().fn->line) + ")."
              : "Start with " + hs.front().fn->qualified_name + ": " + first_step(*hs.front().fn);
  c.effort = effort_from_size(uncovered, lines, 0);
  c.newcomer_friendly = false;  // a whole file's worth of tests is not small
  return c;
}

}  // namespace

RuleInfo untested_hotspot_info() {
  return {
      kRule,
      "add-tests",
      "Functions with complex logic that no test runs (CRAP: comp^2 (1-cov)^3), raised by "
      "churn, bug-fix commits and error reports; real logic with no covered line is always a "
      "task; several in one file make one file task.",
      {{"scale", 200, 1, 100000, "untested-complexity points that take the score to 63 (of 100)"},
       {"min_score", 30, 0, 100, "candidates scoring below this are dropped"},
       {"churn_weight", 0.1, 0, 10, "activity added per commit touching the function"},
       {"churn_cap", 20, 0, 1000, "commits beyond this many add no activity"},
       {"fix_weight", 0.3, 0, 10, "activity added per bug-fix commit"},
       {"error_weight", 0.5, 0, 10, "activity added per ln(1 + error reports)"},
       {"fan_in_weight", 0.2, 0, 10,
        "activity added per ln(1 + callers outside tests) on the call graph"},
       {"refactor_at", 30, 1, 1000,
        "cyclomatic complexity at which a function is a refactor task, not a test task"},
       {"rollup_min", 3, 2, 1000, "qualifying functions in one file that make one file-level task"},
       {"no_coverage_factor", 0.25, 0, 1,
        "without coverage data, the share of the complexity counted as untested"},
       {"no_coverage_cap", 50, 0, 100, "highest score without coverage data"},
       {"logic_min_cyclomatic", 3, 1, 1000,
        "cyclomatic complexity from which a function with no covered line is always a task"},
       {"logic_min_lines", 5, 1, 100000,
        "executable lines from which a function with no covered line is always a task"},
       {"debug_output_factor", 0.5, 0, 1,
        "weight of debug output (Dump(), DebugString()), never a task by itself"}},
      &untested_hotspot};
}

std::vector<Candidate> untested_hotspot(const Report& signals, const RuleOptions& options) {
  std::vector<Candidate> out;
  for (const FileFacts& file : signals.files) {
    if (!is_target_file(signals, file)) continue;
    std::vector<Hotspot> found;
    for (const FunctionFacts& fn : file.functions) {
      std::optional<Hotspot> h = assess(signals, file, fn, options);
      if (!h) continue;
      if (score_of(h->points, h->cov.has_value(), options) < options.at("min_score") &&
          !untested_logic(fn, options)) {
        continue;
      }
      found.push_back(*h);
    }
    if (found.empty()) continue;
    // A program's file is tested by running the program: its functions go
    // together from two on.
    bool program = std::any_of(file.functions.begin(), file.functions.end(), entry_point);
    if (found.size() >= options.at("rollup_min") || (program && found.size() >= 2)) {
      out.push_back(file_candidate(signals, file, std::move(found), options));
    } else {
      for (const Hotspot& h : found) out.push_back(function_candidate(signals, file, h, options));
    }
  }
  return out;
}

}  // namespace stepup
