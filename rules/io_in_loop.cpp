#include "rules/io_in_loop.h"

#include <algorithm>

namespace stepup {
namespace {

const char kRule[] = "io-in-loop";

}  // namespace

RuleInfo io_in_loop_info() {
  return {kRule,
          "investigate-performance",
          "I/O calls (database, network, file, sleep) inside loops: the N+1 pattern, worse the "
          "more the code changes and the hotter the profile says it is.",
          {{"churn_weight", 0.1, 0, 10,
            "activity per commit: 0.5 + churn_weight * min(commits, churn_cap)"},
           {"churn_cap", 20, 0, 1000, "commits beyond this many add no activity"},
           {"profile_weight", 10, 0, 1000,
            "activity added per unit of the function's total profile share"},
           {"scale", 1.5, 0.1, 1000,
            "findings x activity that take the score 63% of the way from 30 to 100"}},
          &io_in_loop};
}

std::vector<Candidate> io_in_loop(const Report& signals, const RuleOptions& o) {
  std::vector<Candidate> out;
  for (const FileFacts& file : signals.files) {
    if (!is_target_file(signals, file)) continue;  // a test's loop of calls is its set-up
    for (const FunctionFacts& fn : file.functions) {
      std::vector<const Finding*> found;
      for (const Finding& f : fn.findings) {
        if (f.kind == "io-in-loop") found.push_back(&f);
      }
      if (found.empty()) continue;
      Churn churn = churn_of(file, &fn);
      double activity = churn_activity(churn, o.at("churn_weight"), o.at("churn_cap"));
      if (fn.profile) activity += o.at("profile_weight") * fn.profile->total_share;
      Candidate c;
      c.rule = kRule;
      c.kind = "investigate-performance";
      c.id = candidate_id(kRule, file.path, fn.qualified_name);
      // Every finding is concrete evidence: worth a look (30) on its own.
      c.score = saturating_score_from(30, found.size() * activity / o.at("scale"));
      c.target = {file.module, file.path, fn.qualified_name, found.front()->line};
      c.title = "Take the I/O out of the loop in " + fn.qualified_name + " (" +
                at(file.path, found.front()->line) + ")";
      for (const Finding* f : found) {
        c.why.push_back("line " + std::to_string(f->line) + ": " +
                        (f->detail.empty() ? "I/O call inside a loop" : f->detail));
        c.lines.push_back(f->line);
      }
      c.why.push_back(churn_why(churn));
      if (fn.profile) {
        c.why.push_back("profile: " + percent(fn.profile->total_share) + " of samples inside, " +
                        percent(fn.profile->self_share) + " in its own code");
      }
      c.first_step = "Measure " + fn.name +
                     " with a realistic input size, then batch the call at " + "line " +
                     std::to_string(found.front()->line) +
                     " into one request made before the loop (e.g. one query for all ids).";
      int lines = fn.end_line - fn.line + 1;
      c.effort = found.size() > 2 ? "L" : effort_from_lines(lines) == "S" ? "S" : "M";
      c.newcomer_friendly = false;  // changes behaviour under load: needs context
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace stepup
