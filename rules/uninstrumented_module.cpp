#include "rules/uninstrumented_module.h"

#include <cmath>

namespace stepup {
namespace {

const char kRule[] = "uninstrumented-module";

/// A module's non-test files summed up.
struct ModuleSums {
  int files = 0, code_lines = 0, log_calls = 0;
  bool history = false;
  int64_t changes = 0;   ///< file changes: a commit counts once per file it touches
  int64_t commits = -1;  ///< distinct commits (module history); -1: unknown
  int64_t fixes = 0, errors = 0;
  int swallowed = 0;  ///< silent catches plus unlogged error paths
  const FunctionFacts* first_finding_fn = nullptr;
  const FileFacts* first_finding_file = nullptr;
  const Finding* first_finding = nullptr;
  const FunctionFacts* most_fixed = nullptr;
  const FileFacts* most_fixed_file = nullptr;
};

void add_function(ModuleSums& s, const FileFacts& file, const FunctionFacts& fn) {
  for (const Finding& f : fn.findings) {
    if (f.kind != "silent-catch" && f.kind != "unlogged-error-path") continue;
    ++s.swallowed;
    if (!s.first_finding) {
      s.first_finding = &f;
      s.first_finding_fn = &fn;
      s.first_finding_file = &file;
    }
  }
  int64_t fixes = fn.history ? fn.history->fix_commits : 0;
  if (fixes > 0 && (!s.most_fixed || fixes > s.most_fixed->history->fix_commits)) {
    s.most_fixed = &fn;
    s.most_fixed_file = &file;
  }
}

ModuleSums sum_module(const Report& r, const ModuleFacts& m) {
  const std::string& module = m.name;
  ModuleSums s;
  for (const FileFacts& file : r.files) {
    if (file.module != module || !is_target_file(r, file)) continue;
    ++s.files;
    s.code_lines += file.code_lines;
    s.log_calls += file.log_calls;
    s.errors += file.errors.value_or(0);
    if (file.history) {
      s.history = true;
      s.changes += file.history->commits;
    }
    for (const FunctionFacts& fn : file.functions) {
      if (is_target_function(fn)) add_function(s, file, fn);
    }
  }
  if (m.history) {  // distinct commits: one commit over two files counts once
    s.history = true;
    s.commits = m.history->commits;
    s.fixes = m.history->fix_commits;
  }
  return s;
}

std::string first_step(const ModuleSums& s, const std::string& module) {
  if (s.first_finding) {
    return "Log the error at " + at(s.first_finding_file->path, s.first_finding->line) + " in " +
           s.first_finding_fn->name + " (" + s.first_finding->kind +
           "), with the input that caused it; then the module's other error paths.";
  }
  if (s.most_fixed) {
    return "Add an error-level log line, with the offending input, to each failure path of " +
           s.most_fixed->name + " (" + at(s.most_fixed_file->path, s.most_fixed->line) +
           "), the function of " + module + " with the most bug-fix commits.";
  }
  return "Pick the entry points of " + module +
         " and log their failures (error level, with the input), one function at a time.";
}

std::vector<std::string> why(const Report& r, const ModuleSums& s, double per_kloc) {
  std::vector<std::string> w;
  std::string logs = s.log_calls == 0
                         ? "no log call recognised (known APIs: " + known_log_apis(r) + ")"
                         : count_of(s.log_calls, "log call") + " (" +
                               std::to_string(per_kloc).substr(0, 4) + " per 1000 code lines)";
  w.push_back(count_of(s.code_lines, "code line") + " in " + count_of(s.files, "file") + ", " +
              logs);
  if (s.swallowed > 0) {
    w.push_back(count_of(s.swallowed, "silent catch or unlogged error path",
                         "silent catches and unlogged error paths"));
  }
  if (s.errors > 0) w.push_back(count_of(s.errors, "error report") + " point into the module");
  if (s.history && s.commits > 0) {
    w.push_back(count_of(s.commits, "commit") + " in the history window, " +
                count_of(s.fixes, "bug-fix commit") + " among them");
  } else if (s.history && s.changes > 0) {
    w.push_back(count_of(s.changes, "file change") + " in the history window");
  }
  return w;
}

}  // namespace

RuleInfo uninstrumented_module_info() {
  return {kRule,
          "add-instrumentation",
          "Application modules of real code with no or very few log calls, weighted by churn, "
          "bug fixes, silent catches and error reports: when they break, nobody sees why. "
          "Library code (it reports errors to its caller) gets no logging task.",
          {{"min_code_lines", 150, 0, 10000000, "code lines a module needs to be considered"},
           {"max_logs_per_kloc", 2, 0, 1000,
            "log calls per 1000 code lines below which a module counts as uninstrumented"},
           {"size_weight", 1, 0, 100, "points per 1000 code lines"},
           {"churn_weight", 0.2, 0, 100, "points per file change in the history window"},
           {"fix_weight", 0.5, 0, 100, "points per bug-fix commit (distinct commits)"},
           {"catch_weight", 1, 0, 100, "points per silent catch or unlogged error path"},
           {"error_weight", 1, 0, 100, "points per ln(1 + error reports)"},
           {"scale", 8, 0.1, 100000, "points that take the score to 63 (of 100)"},
           {"min_score", 30, 0, 100, "candidates scoring below this are dropped"}},
          &uninstrumented_module};
}

std::vector<Candidate> uninstrumented_module(const Report& signals, const RuleOptions& o) {
  std::vector<Candidate> out;
  if (signals.signals.parse == "quick") return out;  // no log calls seen: unknown, not zero
  for (const ModuleFacts& m : signals.modules) {
    // A library reports errors to its caller; logging is its users' choice.
    if (is_library_module(signals, m.name, nullptr)) continue;
    ModuleSums s = sum_module(signals, m);
    if (s.files == 0 || s.code_lines < o.at("min_code_lines")) continue;
    double per_kloc = 1000.0 * s.log_calls / s.code_lines;
    if (per_kloc >= o.at("max_logs_per_kloc")) continue;
    double quiet = o.at("max_logs_per_kloc") > 0 ? 1 - per_kloc / o.at("max_logs_per_kloc") : 1;
    double points = o.at("size_weight") * s.code_lines / 1000.0 + o.at("churn_weight") * s.changes +
                    o.at("fix_weight") * s.fixes + o.at("catch_weight") * s.swallowed +
                    o.at("error_weight") * std::log1p(static_cast<double>(s.errors));
    Candidate c;
    set_score(c, 0, points * quiet / o.at("scale"));
    if (c.score < o.at("min_score")) continue;
    c.rule = kRule;
    c.kind = "add-instrumentation";
    c.id = candidate_id(kRule, m.name, "");
    c.target = {m.name, std::nullopt, std::nullopt, std::nullopt};
    c.title = "Add logging to " + m.name +
              (s.log_calls == 0 ? ": no log call recognised" : ": almost no log calls");
    c.why = why(signals, s, per_kloc);
    c.first_step = first_step(s, m.name);
    c.effort = s.code_lines > 1000 ? "L" : "M";
    c.newcomer_friendly = false;  // module-wide: the newcomer rule would say no anyway
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace stepup
