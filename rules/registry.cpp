#include "rules/registry.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "rules/change_coupling.h"
#include "rules/complex_function.h"
#include "rules/error_prone.h"
#include "rules/hot_path.h"
#include "rules/io_in_loop.h"
#include "rules/knowledge_silo.h"
#include "rules/rule_help.h"
#include "rules/swallowed_errors.h"
#include "rules/unbuilt_test.h"
#include "rules/uninstrumented_module.h"
#include "rules/untested_error_paths.h"
#include "rules/untested_hotspot.h"

namespace stepup {

const std::vector<RuleInfo>& rule_registry() {
  static const std::vector<RuleInfo> rules = {
      untested_hotspot_info(),
      untested_error_paths_info(),
      error_prone_info(),
      unbuilt_test_info(),
      complex_function_info(),
      change_coupling_info(),
      uninstrumented_module_info(),
      swallowed_errors_info(),
      io_in_loop_info(),
      hot_path_info(),
      knowledge_silo_info(),
  };
  return rules;
}

namespace {

// A last guard: whatever a rule proposes, no task points at a file rules may
// not target, or at a function written by a macro or trivial. unbuilt-test
// is the one rule about test files: its target is an unbuilt test by design.
bool targets_allowed(const Report& r, const Candidate& c) {
  if (!c.target.file || c.rule == "unbuilt-test") return true;
  for (const FileFacts& f : r.files) {
    if (f.path != *c.target.file) continue;
    if (!is_target_file(r, f)) return false;
    if (!c.target.function) return true;
    for (const FunctionFacts& fn : f.functions) {
      if (fn.qualified_name == *c.target.function && !is_target_function(fn)) return false;
    }
    return true;
  }
  return true;
}

// One candidate per (kind, file, function): keep the highest score and fold
// the others' evidence into it.
std::vector<Candidate> merge_same_target(std::vector<Candidate> all) {
  auto key = [](const Candidate& c) {
    return std::make_tuple(c.kind, c.target.file.value_or(""), c.target.function.value_or(""),
                           c.target.module);
  };
  std::sort(all.begin(), all.end(), [&](const Candidate& a, const Candidate& b) {
    if (key(a) != key(b)) return key(a) < key(b);
    if (a.exact_score != b.exact_score) return a.exact_score > b.exact_score;
    return a.id < b.id;
  });
  std::vector<Candidate> merged;
  for (auto& c : all) {
    if (!merged.empty() && key(merged.back()) == key(c)) {
      Candidate& m = merged.back();
      for (auto& w : c.why) {
        if (std::find(m.why.begin(), m.why.end(), w) == m.why.end()) m.why.push_back(std::move(w));
      }
      m.lines.insert(m.lines.end(), c.lines.begin(), c.lines.end());
      continue;
    }
    merged.push_back(std::move(c));
  }
  return merged;
}

// A file task "write tests for these untested functions" already holds the
// characterisation tests of a complex untested function in the same file:
// one target, one task of a kind. The file task keeps the higher score and
// gains the function's evidence and lines.
std::vector<Candidate> fold_into_file_tasks(std::vector<Candidate> cs) {
  std::map<std::string, size_t> file_task;  // file -> index of its untested-hotspot file task
  for (size_t i = 0; i < cs.size(); ++i) {
    const Candidate& c = cs[i];
    if (c.rule == "untested-hotspot" && c.target.file && !c.target.function) {
      file_task[*c.target.file] = i;
    }
  }
  std::map<size_t, std::string> names;  // file task -> the functions folded into it
  std::vector<bool> folded(cs.size(), false);
  for (size_t i = 0; i < cs.size(); ++i) {
    Candidate& c = cs[i];
    if (c.rule != "complex-function" || c.kind != "add-tests" || !c.target.file) continue;
    auto it = file_task.find(*c.target.file);
    if (it == file_task.end()) continue;
    Candidate& f = cs[it->second];
    if (c.exact_score > f.exact_score) {
      f.exact_score = c.exact_score;
      f.score = c.score;
      f.first_step = c.first_step;
      f.focus = c.focus;
    }
    std::string& n = names[it->second];
    n += (n.empty() ? "" : ", ") + c.target.function.value_or("?");
    f.lines.insert(f.lines.end(), c.lines.begin(), c.lines.end());
    folded[i] = true;
  }
  for (const auto& [i, n] : names) {
    Candidate& f = cs[i];
    f.why.insert(f.why.begin() + std::min<size_t>(1, f.why.size()),
                 "too complex to refactor before characterisation tests: " + n);
  }
  std::vector<Candidate> out;
  for (size_t i = 0; i < cs.size(); ++i) {
    if (!folded[i]) out.push_back(std::move(cs[i]));
  }
  return out;
}

// docs/scoring.md "Newcomer-friendly": one rule for every kind. Small (S, or
// M for a pair task done with the code's main author), local to one file
// (a pair task names the file to pair on), and with a clear done-condition
// (named lines or one function).
void apply_newcomer_rule(Candidate& c) {
  bool small = c.effort == "S" || (c.kind == "pair" && c.effort == "M");
  bool local = c.target.file.has_value() || c.kind == "pair";
  // A pair task's done is the change made together; an unbuilt test's, that
  // it builds and passes.
  bool clear = c.target.function.has_value() || !c.lines.empty() || c.kind == "pair" ||
               c.rule == "unbuilt-test";
  c.newcomer_friendly = c.newcomer_friendly && small && local && clear;
}

// The same file (or, for module tasks, module) fills at most `per_target` of
// the first `top` places; the tasks it pushes out follow right after them.
// When fewer than `top` tasks remain, the ones pushed out would still land
// among the first `top`: those of a kind the file already shows join that
// task as one "also" line instead, so no file fills a short list.
void spread_targets(std::vector<Candidate>& cs, size_t top, int per_target) {
  auto key_of = [](const Candidate& c) {
    return c.target.file ? "file:" + *c.target.file : "module:" + c.target.module;
  };
  std::map<std::string, int> used;
  std::vector<Candidate> first, deferred, rest;
  for (Candidate& c : cs) {
    if (first.size() >= top) {
      rest.push_back(std::move(c));
      continue;
    }
    std::string key = key_of(c);
    if (used[key] < per_target) {
      ++used[key];
      first.push_back(std::move(c));
    } else {
      deferred.push_back(std::move(c));
    }
  }
  // Room left in the first places: pushed-out tasks would land there.
  // Those with a task of their kind above join it as one "also" line (so
  // `next --kind` still finds them through it); the others follow.
  size_t room = top > first.size() ? top - first.size() : 0;
  std::map<std::string, std::string> also;  // key + kind -> titles folded into that task
  std::set<std::string> hosts;
  for (const Candidate& c : first) hosts.insert(key_of(c) + "\n" + c.kind);
  std::vector<Candidate> kept;
  for (Candidate& c : deferred) {
    std::string host = key_of(c) + "\n" + c.kind;
    if (room > 0 && hosts.count(host)) {
      std::string& a = also[host];
      a += (a.empty() ? "" : "; ") + c.title;
    } else {
      kept.push_back(std::move(c));
    }
  }
  for (Candidate& c : first) {
    auto it = also.find(key_of(c) + "\n" + c.kind);
    if (it == also.end()) continue;
    if (c.why.size() >= kMaxWhyLines) c.why.resize(kMaxWhyLines - 1);
    c.why.push_back("also in " + (c.target.file ? *c.target.file : c.target.module) + ": " +
                    it->second);
    also.erase(it);
  }
  for (auto* part : {&kept, &rest}) {
    first.insert(first.end(), std::make_move_iterator(part->begin()),
                 std::make_move_iterator(part->end()));
  }
  cs = std::move(first);
}

// Scores follow the ranking: rounded scores of the first `top` tasks
// strictly decrease (a tie, such as two tasks saturating at 100, gives the
// lower-ranked one a point less), and no later task scores above an
// earlier one (a task the spread pushed down takes the score of its place).
void scores_follow_ranks(std::vector<Candidate>& cs, size_t top) {
  for (size_t i = 1; i < cs.size(); ++i) {
    int cap = i < top ? cs[i - 1].score - 1 : cs[i - 1].score;
    cs[i].score = std::max(0, std::min(cs[i].score, cap));
  }
}

// "Quiet history" is said once per report, not on every task.
void note_quiet_history(Report& r, size_t top) {
  if (!r.signals.history) return;
  size_t quiet = 0, shown = std::min(top, r.candidates.size());
  for (size_t i = 0; i < shown; ++i) {
    const Candidate& c = r.candidates[i];
    if (!c.target.file) continue;
    for (const FileFacts& f : r.files) {
      if (f.path != *c.target.file) continue;
      bool touched = f.history && f.history->commits > 0;
      if (touched && c.target.function) {
        for (const FunctionFacts& fn : f.functions) {
          if (fn.qualified_name == *c.target.function && fn.history) {
            touched = fn.history->commits > 0;
          }
        }
      }
      quiet += !touched;
    }
  }
  if (quiet == 0) return;
  r.diagnostics.push_back(
      {Diagnostic::Level::kInfo, "rules",
       "quiet history: no commit in the history window touched the code of " +
           std::to_string(quiet) + " of the top " + std::to_string(shown) +
           " tasks; they rank on coverage, complexity and findings alone (widen --since to "
           "weigh older changes)",
       std::nullopt});
}

// Which modules count as library code is said once, so a missing logging
// task is never a silent judgement.
void note_library_modules(Report& r) {
  std::string names;
  int n = 0;
  for (const ModuleFacts& m : r.modules) {
    if (!is_library_module(r, m.name, nullptr)) continue;
    if (n++ < 8) names += (names.empty() ? "" : ", ") + m.name;
  }
  if (n == 0) return;
  if (n > 8) names += " and " + std::to_string(n - 8) + " more";
  r.diagnostics.push_back(
      {Diagnostic::Level::kInfo, "rules",
       "library code (the repository publishes headers under include/ or builds no program, "
       "and these modules are not a program's main file): " +
           names +
           ". They report errors to their callers, so they get no logging tasks; silent catches "
           "still count",
       std::nullopt});
}

}  // namespace

void apply_rules(Report& report, const std::map<std::string, RuleOptions>& options,
                 const RankingConfig& ranking) {
  std::vector<Candidate> all;
  for (const RuleInfo& rule : rule_registry()) {
    auto it = options.find(rule.id);
    RuleOptions opts = default_options(rule);
    if (it != options.end()) {
      for (const auto& [k, v] : it->second) opts[k] = v;
    }
    report.rules.push_back(rule_summary(rule));
    for (Candidate& c : rule.run(report, opts)) {
      if (c.exact_score == 0) c.exact_score = c.score;
      if (targets_allowed(report, c)) all.push_back(std::move(c));
    }
  }
  std::vector<Candidate> merged = fold_into_file_tasks(merge_same_target(std::move(all)));
  for (Candidate& c : merged) {
    c.why.erase(std::remove(c.why.begin(), c.why.end(), std::string()), c.why.end());
    if (c.why.size() > kMaxWhyLines) c.why.resize(kMaxWhyLines);  // rules put the strongest first
    std::sort(c.lines.begin(), c.lines.end());                    // lines to mark, in file order
    c.lines.erase(std::unique(c.lines.begin(), c.lines.end()), c.lines.end());
    apply_newcomer_rule(c);
  }
  std::sort(merged.begin(), merged.end(), [](const Candidate& a, const Candidate& b) {
    if (a.exact_score != b.exact_score) return a.exact_score > b.exact_score;
    return a.id < b.id;
  });
  if (ranking.per_target > 0) {
    spread_targets(merged, static_cast<size_t>(ranking.spread_top), ranking.per_target);
  }
  scores_follow_ranks(merged, kStrictTop);
  report.candidates = std::move(merged);
  note_quiet_history(report, static_cast<size_t>(ranking.spread_top));
  note_library_modules(report);
  number_candidates(report);
}

void number_candidates(Report& report) {
  std::map<std::string, int> module_score;
  for (size_t i = 0; i < report.candidates.size(); ++i) {
    Candidate& c = report.candidates[i];
    c.rank = static_cast<int>(i) + 1;
    int& s = module_score[c.target.module];
    s = std::max(s, c.score);
  }
  for (auto& m : report.modules) {
    auto it = module_score.find(m.name);
    m.score = it == module_score.end() ? 0 : it->second;
  }
  report.summary.candidates = static_cast<int>(report.candidates.size());
}

}  // namespace stepup
