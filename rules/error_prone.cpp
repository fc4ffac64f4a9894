#include "rules/error_prone.h"

#include <algorithm>
#include <cmath>

namespace stepup {
namespace {

const char kRule[] = "error-prone";

// The function with the most fix commits (then errors): where a
// regression test pays back first.
const FunctionFacts* most_fixed(const FileFacts& file) {
  const FunctionFacts* best = nullptr;
  auto weight = [](const FunctionFacts& fn) {
    return std::make_pair(fn.history ? fn.history->fix_commits : 0, fn.errors.value_or(0));
  };
  for (const FunctionFacts& fn : file.functions) {
    if (weight(fn) > std::make_pair<int64_t, int64_t>(0, 0) &&
        (!best || weight(fn) > weight(*best))) {
      best = &fn;
    }
  }
  return best;
}

std::string first_step(const FileFacts& file) {
  const FunctionFacts* fn = most_fixed(file);
  if (!fn) {
    return "Read the bug-fix commits of " + file.path + " (git log -i --grep=fix -- " + file.path +
           ") and write one regression test per fixed bug that has none.";
  }
  std::string s = "Write a regression test for " + fn->name + " (" + at(file.path, fn->line) + ")";
  if (fn->history && fn->history->fix_commits > 0) {
    s += ", touched by " + count_of(fn->history->fix_commits, "bug-fix commit") +
         ": one test per fixed bug, reproducing the input that broke it.";
  } else {
    s += ", where " + count_of(fn->errors.value_or(0), "error report") +
         " point: reproduce the most frequent one in a test.";
  }
  return s;
}

}  // namespace

RuleInfo error_prone_info() {
  return {kRule,
          "add-tests",
          "Files that keep needing bug fixes or collect error reports although coverage does not "
          "explain it (well covered, or coverage unknown): their tests miss what breaks.",
          {{"min_fixes", 3, 1, 1000, "bug-fix commits (or error reports) a file needs to fire"},
           {"covered_from", 0.5, 0, 1,
            "line and branch coverage from which low coverage no longer explains the fixes "
            "(below it, untested-hotspot speaks)"},
           {"scale", 8, 0.1, 1000, "weighted fixes that take the score to 63 (of 100)"},
           {"error_weight", 1, 0, 100, "weighted fixes per ln(1 + error reports)"},
           {"min_score", 30, 0, 100, "candidates scoring below this are dropped"}},
          &error_prone};
}

std::vector<Candidate> error_prone(const Report& signals, const RuleOptions& o) {
  std::vector<Candidate> out;
  for (const FileFacts& file : signals.files) {
    if (!is_target_file(signals, file)) continue;
    int64_t fixes = file.history ? file.history->fix_commits : 0;
    int64_t commits = file.history ? file.history->commits : 0;
    int64_t errors = file.errors.value_or(0);
    if (fixes < o.at("min_fixes") && errors < o.at("min_fixes")) continue;
    // -1: unknown (a plain double: GCC's -Wmaybe-uninitialized misfires on
    // std::optional<double> here).
    const double cov = signals.signals.coverage ? covered_fraction(file.coverage).value_or(-1) : -1;
    if (cov >= 0 && cov < o.at("covered_from")) continue;  // untested explains it
    // Fixes weigh more when they are most of the file's commits.
    double density = commits > 0 ? static_cast<double>(fixes) / static_cast<double>(commits) : 0;
    double points =
        fixes * (0.5 + density) + o.at("error_weight") * std::log1p(static_cast<double>(errors));
    int score = saturating_score(points / o.at("scale"));
    if (score < o.at("min_score")) continue;

    Candidate c;
    c.rule = kRule;
    c.kind = "add-tests";
    c.id = candidate_id(kRule, file.path, "");
    c.score = score;
    const FunctionFacts* fn = most_fixed(file);
    c.target = {file.module, file.path, std::nullopt,
                fn ? std::optional<int>(fn->line) : std::nullopt};
    c.title = "Write regression tests for " + file.path + ", which keeps breaking";
    if (file.history) {
      c.why.push_back(count_of(fixes, "bug-fix commit") + " of " + count_of(commits, "commit") +
                      " in the history window (" + percent(density) + ")");
    } else {
      c.why.push_back("history unknown (no git history): bug fixes not counted");
    }
    if (errors > 0) c.why.push_back(count_of(errors, "error report") + " point into this file");
    if (cov >= 0) {
      c.why.push_back(percent(cov) + " of lines and branches covered, yet it keeps breaking");
    } else {
      c.why.push_back(signals.signals.coverage ? "not in the coverage data: coverage unknown"
                                               : "no coverage data given: coverage unknown");
    }
    if (fn && fn->history && fn->history->fix_commits > 0) {
      c.why.push_back(fn->name + ": " + count_of(fn->history->fix_commits, "bug-fix commit"));
    }
    c.first_step = first_step(file);
    c.effort = fixes + errors > 8 ? "M" : "S";
    c.newcomer_friendly = c.effort == "S";  // one known bug, one test: well defined
    if (fn) c.lines = {fn->line};
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace stepup
