#include "rules/uninstrumented_module.h"

#include <cmath>

namespace stepup {
namespace {

const char kRule[] = "uninstrumented-module";

/// A module's non-test files summed up.
struct ModuleSums {
  int files = 0, code_lines = 0, log_calls = 0;
  bool history = false;
  int64_t changes = 0, fixes = 0, errors = 0;
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

ModuleSums sum_module(const Report& r, const std::string& module) {
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
      s.fixes += file.history->fix_commits;
    }
    for (const FunctionFacts& fn : file.functions) add_function(s, file, fn);
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

std::vector<std::string> why(const ModuleSums& s, double per_kloc) {
  std::vector<std::string> w;
  w.push_back(count_of(s.code_lines, "line") + " of code in " + count_of(s.files, "file") +
              (s.log_calls == 0 ? ", no log call"
                                : ", " + count_of(s.log_calls, "log call") + " (" +
                                      std::to_string(per_kloc).substr(0, 4) + " per 1000 lines)"));
  if (s.history) {
    w.push_back(count_of(s.changes, "file change") + " in the history window, " +
                count_of(s.fixes, "bug-fix commit", "bug-fix commits") + " among them");
  } else {
    w.push_back("history unknown (no git history): churn and fixes not counted");
  }
  if (s.swallowed > 0) {
    w.push_back(count_of(s.swallowed, "silent catch or unlogged error path",
                         "silent catches and unlogged error paths"));
  }
  if (s.errors > 0) w.push_back(count_of(s.errors, "error report") + " point into the module");
  return w;
}

}  // namespace

RuleInfo uninstrumented_module_info() {
  return {kRule,
          "add-instrumentation",
          "Modules of real code with no or very few log calls, weighted by churn, bug fixes, "
          "silent catches and error reports: when they break, nobody sees why.",
          {{"min_code_lines", 150, 0, 10000000, "code lines a module needs to be considered"},
           {"max_logs_per_kloc", 2, 0, 1000,
            "log calls per 1000 code lines below which a module counts as uninstrumented"},
           {"size_weight", 1, 0, 100, "points per 1000 code lines"},
           {"churn_weight", 0.2, 0, 100, "points per file change in the history window"},
           {"fix_weight", 0.5, 0, 100, "points per bug-fix commit (per file)"},
           {"catch_weight", 1, 0, 100, "points per silent catch or unlogged error path"},
           {"error_weight", 1, 0, 100, "points per ln(1 + error reports)"},
           {"scale", 8, 0.1, 100000, "points that take the score to 63 (of 100)"},
           {"min_score", 30, 0, 100, "candidates scoring below this are dropped"}},
          &uninstrumented_module};
}

std::vector<Candidate> uninstrumented_module(const Report& signals, const RuleOptions& o) {
  std::vector<Candidate> out;
  for (const ModuleFacts& m : signals.modules) {
    ModuleSums s = sum_module(signals, m.name);
    if (s.files == 0 || s.code_lines < o.at("min_code_lines")) continue;
    double per_kloc = 1000.0 * s.log_calls / s.code_lines;
    if (per_kloc >= o.at("max_logs_per_kloc")) continue;
    double quiet = o.at("max_logs_per_kloc") > 0 ? 1 - per_kloc / o.at("max_logs_per_kloc") : 1;
    double points = o.at("size_weight") * s.code_lines / 1000.0 + o.at("churn_weight") * s.changes +
                    o.at("fix_weight") * s.fixes + o.at("catch_weight") * s.swallowed +
                    o.at("error_weight") * std::log1p(static_cast<double>(s.errors));
    int score = saturating_score(points * quiet / o.at("scale"));
    if (score < o.at("min_score")) continue;
    Candidate c;
    c.rule = kRule;
    c.kind = "add-instrumentation";
    c.id = candidate_id(kRule, m.name, "");
    c.score = score;
    c.target = {m.name, std::nullopt, std::nullopt, std::nullopt};
    c.title = "Add logging to " + m.name + ", which " +
              (s.log_calls == 0 ? "has none" : "has almost none");
    c.why = why(s, per_kloc);
    c.first_step = first_step(s, m.name);
    c.effort = s.code_lines > 1000 ? "L" : "M";
    // One log line at a named place is a fine first task; the module's
    // first_step names it.
    c.newcomer_friendly = s.first_finding != nullptr || s.most_fixed != nullptr;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace stepup
