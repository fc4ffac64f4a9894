#include "rules/swallowed_errors.h"

#include <cmath>

namespace stepup {
namespace {

const char kRule[] = "swallowed-errors";

std::string first_step(const FunctionFacts& fn, const Finding& f) {
  if (f.kind == "silent-catch") {
    return "In " + fn.name + ", make the catch at line " + std::to_string(f.line) +
           " log what it caught (or rethrow it), and add a test that makes it catch.";
  }
  return "In " + fn.name + ", log the error returned at line " + std::to_string(f.line) +
         " with the input that caused it.";
}

}  // namespace

RuleInfo swallowed_errors_info() {
  return {kRule,
          "add-instrumentation",
          "Silent catches and error paths without a log call, in functions that break (bug-fix "
          "commits, error reports): failures that leave no trace.",
          {{"catch_weight", 2, 0, 100, "points per silent catch"},
           {"path_weight", 1, 0, 100, "points per unlogged error path"},
           {"fix_weight", 0.5, 0, 100, "breakage added per bug-fix commit"},
           {"error_weight", 0.5, 0, 100, "breakage added per ln(1 + error reports)"},
           {"scale", 4, 0.1, 100000, "points x breakage that take the score to 63 (of 100)"},
           {"min_score", 30, 0, 100, "candidates scoring below this are dropped"}},
          &swallowed_errors};
}

std::vector<Candidate> swallowed_errors(const Report& signals, const RuleOptions& o) {
  std::vector<Candidate> out;
  for (const FileFacts& file : signals.files) {
    if (!is_target_file(signals, file)) continue;
    for (const FunctionFacts& fn : file.functions) {
      int catches = count_findings(fn, "silent-catch");
      int paths = count_findings(fn, "unlogged-error-path");
      if (catches + paths == 0) continue;
      Churn churn = churn_of(file, &fn);
      // Unknown history counts as some breakage (1), known stable code as
      // little (0.5): a swallowed error matters most where bugs are.
      double breakage = churn.known ? 0.5 + o.at("fix_weight") * churn.fix_commits : 1.0;
      if (fn.errors) breakage += o.at("error_weight") * std::log1p(static_cast<double>(*fn.errors));
      double points = o.at("catch_weight") * catches + o.at("path_weight") * paths;
      int score = saturating_score(points * breakage / o.at("scale"));
      if (score < o.at("min_score")) continue;

      const Finding* first = nullptr;
      Candidate c;
      std::vector<int> catch_lines;
      for (const Finding& f : fn.findings) {
        if (f.kind != "silent-catch" && f.kind != "unlogged-error-path") continue;
        if (!first) first = &f;
        c.lines.push_back(f.line);
        if (f.kind == "silent-catch") catch_lines.push_back(f.line);
      }
      c.rule = kRule;
      c.kind = "add-instrumentation";
      c.id = candidate_id(kRule, file.path, fn.qualified_name);
      c.score = score;
      c.target = {file.module, file.path, fn.qualified_name, first->line};
      // A silent catch swallows; an error returned or thrown without a log
      // line only leaves no trace.
      c.title = catches > 0 ? "Stop " + fn.qualified_name + " (" + at(file.path, fn.line) +
                                  ") from swallowing errors"
                            : "Log the error paths of " + fn.qualified_name + " (" +
                                  at(file.path, fn.line) + ")";
      if (catches > 0) {
        c.why.push_back(count_of(catches, "silent catch", "silent catches") + " (line" +
                        (catches == 1 ? " " : "s ") + line_ranges(catch_lines) + ")");
      }
      if (paths > 0) c.why.push_back(count_of(paths, "error path") + " without a log call");
      c.why.push_back(churn_why(churn));
      if (fn.errors && *fn.errors > 0) {
        c.why.push_back(count_of(*fn.errors, "error report") + " point here");
      }
      c.first_step = first_step(fn, *first);
      c.effort = catches + paths <= 3 ? "S" : "M";
      c.newcomer_friendly = c.effort == "S";
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace stepup
