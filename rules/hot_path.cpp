#include "rules/hot_path.h"

namespace stepup {
namespace {

const char kRule[] = "hot-path";

}  // namespace

RuleInfo hot_path_info() {
  return {
      kRule,
      "investigate-performance",
      "Functions that take a large share of the profile's samples and are complex or "
      "untested: where speed-ups pay most and are riskiest. Needs --profile.",
      {{"min_total_share", 0.05, 0, 1,
        "share of samples with the function on the stack needed to fire"},
       {"min_cognitive", 10, 0, 1000, "cognitive complexity that counts as complex"},
       {"max_coverage", 0.5, 0, 1, "line and branch coverage below which it counts as untested"},
       {"complexity_scale", 15, 1, 1000, "cognitive complexity that doubles the risk"},
       {"scale", 0.3, 0.001, 1000,
        "heat x risk that takes the score 63% of the way from 30 to 100"}},
      &hot_path};
}

std::vector<Candidate> hot_path(const Report& signals, const RuleOptions& o) {
  std::vector<Candidate> out;
  if (!signals.signals.profile) return out;  // nothing to say without a profile
  for (const FileFacts& file : signals.files) {
    if (!is_target_file(signals, file)) continue;
    for (const FunctionFacts& fn : file.functions) {
      if (!is_target_function(fn)) continue;
      if (!fn.profile || fn.profile->total_share < o.at("min_total_share")) continue;
      // -1: unknown (a plain double: GCC's -Wmaybe-uninitialized misfires
      // on std::optional<double> here).
      double cov = signals.signals.coverage ? covered_fraction(fn.coverage).value_or(-1) : -1;
      bool complex = fn.cognitive >= o.at("min_cognitive");
      bool untested = cov >= 0 && cov < o.at("max_coverage");
      if (!complex && !untested) continue;
      // Own time counts twice: that is where an optimisation lands. A share
      // inferred from a hot caller's loop is an upper bound: half weight.
      const bool inferred = !fn.profile->via.empty();
      double heat = 2 * fn.profile->self_share + fn.profile->total_share;
      if (inferred) heat /= 2;
      double risk = 1 + fn.cognitive / o.at("complexity_scale") + (cov >= 0 ? 1 - cov : 0.5);
      Candidate c;
      c.rule = kRule;
      c.kind = "investigate-performance";
      c.id = candidate_id(kRule, file.path, fn.qualified_name);
      set_score(c, 30, heat * risk / o.at("scale"));
      c.focus = fn.qualified_name;
      c.target = {file.module, file.path, fn.qualified_name, fn.line};
      c.title = "Profile and speed up " + fn.qualified_name + " (" + at(file.path, fn.line) + ")";
      if (inferred) {
        c.why.push_back("profile: not on the profile's stacks (inlined, or the stacks were cut), "
                        "but a per-element loop of " + fn.profile->via + " calls it, and " +
                        percent(fn.profile->total_share) + " of samples have that on the stack");
      } else {
        c.why.push_back("profile: " + percent(fn.profile->total_share) +
                        " of samples have it on the stack, " + percent(fn.profile->self_share) +
                        " in its own code");
      }
      if (fn.profile->path.size() > 1) {
        std::string path;
        for (const std::string& step : fn.profile->path) path += (path.empty() ? "" : " -> ") + step;
        c.why.push_back("hot path: " + path);
      }
      c.why.push_back("cognitive complexity " + std::to_string(fn.cognitive));
      if (cov >= 0) c.why.push_back(percent(cov) + " of its lines and branch outcomes covered");
      c.first_step = untested
                         ? "Write a test that pins down what " + fn.name +
                               " returns today, then time it on the profile's workload "
                               "and look for repeated work inside it."
                         : "Time " + fn.name +
                               " on the profile's workload and look for repeated work in "
                               "its loops (lines " +
                               std::to_string(fn.line) + "-" + std::to_string(fn.end_line) + ").";
      c.effort = effort_from_lines(fn.end_line - fn.line + 1) == "S" ? "M" : "L";
      c.newcomer_friendly = false;
      c.lines = {fn.line};
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace stepup
