#include "rules/complex_function.h"

#include <algorithm>
#include <cmath>

namespace stepup {

RuleInfo complex_function_info() {
  return {"complex-function",
          "refactor",
          "Functions whose cognitive complexity is above a threshold: hard to "
          "read, test and change safely.",
          {{"min_cognitive", 15, 1, 1000,
            "cognitive complexity at which a function becomes a candidate "
            "(SonarSource's default is 15)"},
           {"scale", 25, 1, 1000,
            "cognitive complexity above the threshold that takes the score "
            "63% of the way from 30 to 100; larger values flatten the curve"},
           {"churn_weight", 0.1, 0, 1,
            "how much each commit touching the function raises its weight: "
            "activity = 0.5 + churn_weight * min(commits, churn_cap)"},
           {"churn_cap", 20, 0, 1000, "commits beyond this many add no weight"}},
          &complex_function};
}

std::vector<Candidate> complex_function(const Report& signals, const RuleOptions& options) {
  const double min_cognitive = options.at("min_cognitive");
  const double scale = options.at("scale");
  std::vector<Candidate> out;
  for (const FileFacts& file : signals.files) {
    if (!is_target_file(signals, file)) continue;  // test code is not where refactors pay back
    for (const FunctionFacts& fn : file.functions) {
      if (fn.cognitive < min_cognitive) continue;
      Candidate c;
      c.rule = "complex-function";
      c.kind = "refactor";
      c.id = candidate_id(c.rule, file.path, fn.qualified_name);
      // Saturating: at the threshold a function scores 30; each further
      // `scale` points of complexity take 63% of the remaining distance,
      // faster when the function keeps changing, slower when it is stable.
      Churn churn = churn_of(file, &fn);
      double activity = churn_activity(churn, options.at("churn_weight"), options.at("churn_cap"));
      double excess = (fn.cognitive - min_cognitive) / scale;
      c.score = saturating_score_from(30, excess * activity);
      c.target = {file.module, file.path, fn.qualified_name, fn.line};
      int lines = fn.end_line - fn.line + 1;
      c.title =
          "Refactor " + fn.qualified_name + " (" + file.path + ":" + std::to_string(fn.line) + ")";
      c.why = {
          "cognitive complexity " + std::to_string(fn.cognitive) + " (threshold " +
              std::to_string(static_cast<int>(min_cognitive)) + ")",
          "cyclomatic complexity " + std::to_string(fn.cyclomatic),
          "nesting depth " + std::to_string(fn.max_nesting),
          std::to_string(lines) + " lines, " + std::to_string(fn.params) + " parameter" +
              (fn.params == 1 ? "" : "s"),
          churn_why(churn),
      };
      if (signals.signals.coverage && fn.coverage && fn.coverage->lines_total > 0) {
        // A refactor without tests is a rewrite: say so.
        c.why.push_back(count_of(fn.coverage->lines_total, "line") + ", " +
                        (fn.coverage->lines_covered == 0
                             ? std::string("none covered: write characterization tests first")
                             : std::to_string(fn.coverage->lines_covered) + " covered"));
      }
      c.lines = {fn.line};
      if (fn.max_nesting >= 3) {
        c.first_step = "Extract the most deeply nested block (depth " +
                       std::to_string(fn.max_nesting) + ") of " + fn.name +
                       " into a named helper function, without changing "
                       "behaviour; lines " +
                       std::to_string(fn.line) + "-" + std::to_string(fn.end_line) + ".";
      } else {
        c.first_step = "Split " + fn.name + " (lines " + std::to_string(fn.line) + "-" +
                       std::to_string(fn.end_line) +
                       ") along its top-level branches into named helpers, "
                       "one decision each.";
      }
      c.effort = effort_from_lines(lines);
      c.newcomer_friendly = c.effort == "S" && fn.cognitive < 25;
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace stepup
