#include "rules/complex_function.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace stepup {

RuleInfo complex_function_info() {
  return {"complex-function",
          "refactor",
          "Functions whose cognitive complexity is above a threshold: hard to "
          "read, test and change safely. Mostly untested ones get characterisation tests "
          "first.",
          {{"min_cognitive", 15, 1, 1000,
            "cognitive complexity at which a function becomes a candidate "
            "(SonarSource's default is 15)"},
           {"scale", 25, 1, 1000,
            "cognitive complexity above the threshold that takes the score "
            "63% of the way from 30 to 100; larger values flatten the curve"},
           {"churn_weight", 0.1, 0, 1,
            "how much each commit touching the function raises its weight: "
            "activity = 0.5 + churn_weight * min(commits, churn_cap)"},
           {"churn_cap", 20, 0, 1000, "commits beyond this many add no weight"},
           {"min_commits", 3, 0, 100000,
            "with history, commits in the window a function needs for a refactor task (complex "
            "code at rest is left alone; tests-first tasks ignore this)"},
           {"tests_first_below", 0.5, 0, 1,
            "share of executable lines covered below which the task is characterisation "
            "tests first (kind add-tests), not a refactor"},
           {"benchmarked_factor", 0.5, 0, 1,
            "weight of the excess complexity of a function a benchmark calls: tuned for "
            "speed, complex on purpose"}},
          &complex_function};
}

namespace {

// Mostly untested: a refactor would be a rewrite. The task is to pin the
// behaviour down first (Feathers' characterisation tests).
bool mostly_untested(const Report& r, const FunctionFacts& fn, const RuleOptions& o) {
  if (!r.signals.coverage || !fn.coverage || fn.coverage->lines_total == 0) return false;
  return static_cast<double>(fn.coverage->lines_covered) / fn.coverage->lines_total <
         o.at("tests_first_below");
}

// What benchmarks call: USR -> the benchmark file. Code with its own
// benchmark (ninja's canon_perftest calls CanonicalizePath) is tuned for
// speed, complex partly on purpose. Only direct calls count: through one
// more call, a whole-system benchmark (db_bench) reaches nearly everything.
std::map<std::string, std::string> benchmarked(const Report& r) {
  std::map<std::string, std::string> out;
  for (const FileFacts& f : r.files) {
    if (f.role != "benchmark") continue;
    for (const FunctionFacts& caller : f.functions) {
      for (const CallSite& call : caller.calls) out.emplace(call.callee_usr, f.path);
    }
  }
  return out;
}

std::string refactor_step(const FunctionFacts& fn) {
  std::string lines = "lines " + std::to_string(fn.line) + "-" + std::to_string(fn.end_line);
  if (fn.max_nesting >= 3) {
    return "Extract the most deeply nested block (depth " + std::to_string(fn.max_nesting) +
           ") of " + fn.name + " into a named helper function, without changing behaviour; " +
           lines + ".";
  }
  return "Split " + fn.name + " (" + lines +
         ") along its top-level branches into named helpers, one decision each.";
}

Candidate candidate(const Report& r, const FileFacts& file, const FunctionFacts& fn,
                    const std::map<std::string, std::string>& benchmarks, const RuleOptions& o) {
  Candidate c;
  c.rule = "complex-function";
  c.id = candidate_id(c.rule, file.path, fn.qualified_name);
  // Saturating: at the threshold a function scores 30; each further `scale`
  // points of complexity take 63% of the remaining distance, faster when the
  // function keeps changing, slower when it is stable.
  Churn churn = churn_of(file, &fn);
  double activity = churn_activity(churn, o.at("churn_weight"), o.at("churn_cap"));
  double excess = (fn.cognitive - o.at("min_cognitive")) / o.at("scale");
  if (file.parse_errors) excess *= 2.0 / 3;
  auto bench_it = fn.usr.empty() ? benchmarks.end() : benchmarks.find(fn.usr);
  const std::string bench = bench_it == benchmarks.end() ? "" : bench_it->second;
  if (!bench.empty()) excess *= o.at("benchmarked_factor");
  set_score(c, 30, excess * activity);
  c.target = {file.module, file.path, fn.qualified_name, fn.line};
  c.focus = fn.qualified_name;
  c.lines = {fn.line};
  const bool tests_first = mostly_untested(r, fn, o);
  c.kind = tests_first ? "add-tests" : "refactor";
  std::string where = fn.qualified_name + " (" + at(file.path, fn.line) + ")";
  c.title = tests_first ? "Pin down " + where + " with characterisation tests before refactoring"
                        : "Refactor " + where;
  c.why.push_back("cognitive complexity " + std::to_string(fn.cognitive) + " (threshold " +
                  std::to_string(static_cast<int>(o.at("min_cognitive"))) + "), cyclomatic " +
                  std::to_string(fn.cyclomatic) + ", nesting depth " +
                  std::to_string(fn.max_nesting));
  if (r.signals.coverage && fn.coverage && fn.coverage->lines_total > 0) {
    c.why.push_back(executable_lines_why(*fn.coverage) +
                    (tests_first ? ": a refactor now would be a rewrite" : ""));
  }
  if (!bench.empty()) {
    c.why.push_back(bench + " benchmarks it: tuned for speed, complex partly on purpose");
  }
  add_why(c.why, churn_why(churn, file, &fn));
  c.why.push_back(length_why(fn) + ", " + count_of(fn.params, "parameter"));
  std::optional<FanIn> fan = fan_in_of(r, fn);
  add_why(c.why, fan_in_why(fan));
  add_why(c.why, parse_errors_why(file));
  int lines = fn.end_line - fn.line + 1;
  c.effort = effort_with_fan_in(effort_from_lines(lines), fan);
  if (tests_first) {
    c.first_step = "Write characterisation tests that record what " + fn.name +
                   " does today, one per top-level decision, starting with its most common "
                   "input; refactor only once they pass (then: " +
                   refactor_step(fn) + ")";
    c.lines.insert(c.lines.end(), fn.uncovered_lines.begin(), fn.uncovered_lines.end());
  } else {
    c.first_step = refactor_step(fn);
  }
  if (!bench.empty()) c.first_step += " Run " + bench + " before and after: it must not slow down.";
  c.newcomer_friendly = fn.cognitive < 25;
  return c;
}

}  // namespace

std::vector<Candidate> complex_function(const Report& signals, const RuleOptions& options) {
  std::vector<Candidate> out;
  const std::map<std::string, std::string> benchmarks = benchmarked(signals);
  for (const FileFacts& file : signals.files) {
    if (!is_target_file(signals, file))
      continue;  // tests and benchmarks are not where refactors pay
    for (const FunctionFacts& fn : file.functions) {
      if (!is_target_function(fn) || fn.cognitive < options.at("min_cognitive")) continue;
      Candidate c = candidate(signals, file, fn, benchmarks, options);
      // A refactor pays back where code keeps changing (Tornhill's
      // hotspots): complex code that history shows at rest stays as it is.
      Churn churn = churn_of(file, &fn);
      if (c.kind == "refactor" && churn.known && churn.commits < options.at("min_commits"))
        continue;
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace stepup
