#include "rules/untested_error_paths.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <regex>

namespace stepup {
namespace {

const char kRule[] = "untested-error-paths";

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

/// The exits no test reaches: error exits on lines the coverage data marks
/// as never run. Invariants (`assert(false)`, "internal error") are meant
/// to be unreachable and are left out.
std::vector<const ErrorExit*> untested_exits(const FunctionFacts& fn) {
  std::vector<const ErrorExit*> out;
  for (const ErrorExit& e : fn.error_exits) {
    if (e.kind == "invariant") continue;
    if (std::binary_search(fn.uncovered_lines.begin(), fn.uncovered_lines.end(), e.line)) {
      out.push_back(&e);
    }
  }
  return out;
}

std::string exit_why(const ErrorExit& e) {
  std::string s = "line " + std::to_string(e.line) + ": " +
                  (e.kind == "throw"   ? "throw "
                   : e.kind == "abort" ? ""
                                       : "return ") +
                  e.value;
  if (e.condition_line > 0 && !e.condition.empty()) {
    s += " when `" + e.condition + "` (line " + std::to_string(e.condition_line) + ")";
  }
  return s;
}

std::string first_step(const FunctionFacts& fn, const ErrorExit& e) {
  std::string s = "Write a test that drives " + fn.name + " into its error exit at line " +
                  std::to_string(e.line);
  std::string hint = input_hint(e);
  if (!hint.empty()) return s + ": give it " + hint + ", and assert the error it reports.";
  if (e.condition_line > 0 && !e.condition.empty()) {
    return s + ": set up a case where `" + e.condition +
           "` holds, and assert the error it reports.";
  }
  return s + ", and assert the error it reports.";
}

}  // namespace

std::string input_hint(const ErrorExit& e) {
  const std::string c = lower(e.condition);
  if (c.empty()) return "";
  // A reader's failure is bad input: read/decode/parse/consume/extract on
  // anything, get/fetch/load only as free functions (GetVarint32(&in, &v));
  // env->GetTestDirectory() failing is a failed call, not a malformed input.
  static const std::regex kDecode(
      R"(!\s*(?:[a-z_][a-z0-9_]*(?:::|\.|->))*((?:read|decode|parse|consume|extract)[a-z0-9_]*)\s*\()");
  static const std::regex kFreeGetter(
      R"(!\s*(?:[a-z_][a-z0-9_]*::)*((?:get|fetch|load)[a-z0-9_]*)\s*\()");
  std::smatch m;
  if (std::regex_search(c, m, kDecode) || std::regex_search(c, m, kFreeGetter)) {
    // Recover the callee's spelling from the original condition.
    std::string orig = e.condition.substr(static_cast<size_t>(m.position(1)), m.length(1));
    return "an input that is cut off or malformed where " + orig + " reads";
  }
  if (contains(c, ".ok()") || contains(c, "->ok()")) {
    return "a case where the call before it fails (a fake or a stub that returns an error)";
  }
  if ((contains(c, "size()") || contains(c, "length()") || contains(c, "len")) &&
      (contains(c, "<") || contains(c, ">") || contains(c, "!="))) {
    return "an input of the wrong size (`" + e.condition + "`)";
  }
  if (contains(c, "empty()")) return "an empty input (`" + e.condition + "`)";
  if (contains(c, "nullptr") || contains(c, "null")) {
    // The null may be an argument or what a call before it returned.
    return "a case where `" + e.condition + "` holds (a null argument, or a call before it that " +
           "returns null)";
  }
  if (contains(c, "errno") || contains(c, "< 0") || contains(c, "== -1") || contains(c, "<0")) {
    return "a failing system call (a missing file, a closed descriptor)";
  }
  return "";
}

RuleInfo untested_error_paths_info() {
  return {kRule,
          "add-tests",
          "Functions whose happy path is tested but whose error exits (error returns, throws, "
          "aborts) no test reaches: the edge cases and failure paths nobody covers. Lists each "
          "untested exit with the condition that leads to it.",
          {{"scale", 6, 0.1, 1000,
            "untested exits x activity that take the score 63% of the way from 30 to 100"},
           {"churn_weight", 0.1, 0, 10, "activity added per commit touching the function"},
           {"churn_cap", 20, 0, 1000, "commits beyond this many add no activity"},
           {"fix_weight", 0.3, 0, 10, "activity added per bug-fix commit"},
           {"newcomer_max_exits", 3, 1, 100,
            "a task with at most this many untested exits is small enough for a newcomer"},
           {"rollup_min", 3, 2, 1000,
            "functions with untested exits in one file that make one file-level task"}},
          &untested_error_paths};
}

namespace {

/// One function's untested exits, before it becomes a candidate (or part of
/// a file's).
struct Case {
  const FunctionFacts* fn = nullptr;
  std::vector<const ErrorExit*> exits;
  Churn churn;
  double points = 0;  ///< untested exits x activity
};

std::optional<Case> assess(const FileFacts& file, const FunctionFacts& fn, const RuleOptions& o) {
  if (!is_target_function(fn) || !fn.coverage || fn.coverage->lines_covered == 0) {
    return std::nullopt;
  }
  Case c;
  c.fn = &fn;
  c.exits = untested_exits(fn);
  if (c.exits.empty()) return std::nullopt;
  c.churn = churn_of(file, &fn);
  double activity = raising_activity(c.churn, o.at("churn_weight"), o.at("churn_cap")) +
                    o.at("fix_weight") * static_cast<double>(c.churn.fix_commits);
  c.points = static_cast<double>(c.exits.size()) * activity;
  return c;
}

std::vector<int> exit_lines(const Case& c) {
  std::vector<int> lines;
  for (const ErrorExit* e : c.exits) lines.push_back(e->line);
  return lines;
}

std::string effort_of(size_t exits) { return exits <= 3 ? "S" : exits <= 8 ? "M" : "L"; }

Candidate function_candidate(const FileFacts& file, const Case& k, const RuleOptions& o) {
  const FunctionFacts& fn = *k.fn;
  Candidate c;
  c.rule = kRule;
  c.kind = "add-tests";
  c.id = candidate_id(kRule, file.path, fn.qualified_name);
  set_score(c, 30, k.points / o.at("scale"));
  c.target = {file.module, file.path, fn.qualified_name, k.exits.front()->line};
  c.focus = fn.qualified_name;
  c.title = "Test the error paths of " + fn.qualified_name + " (" + at(file.path, fn.line) + ")";
  c.lines = exit_lines(k);
  auto failures = std::count_if(fn.error_exits.begin(), fn.error_exits.end(),
                                [](const ErrorExit& e) { return e.kind != "invariant"; });
  c.why.push_back(std::to_string(k.exits.size()) + " of its " +
                  count_of(static_cast<int64_t>(failures), "error exit") + " never run (line" +
                  (c.lines.size() == 1 ? " " : "s ") + line_ranges(c.lines, 6) + ")");
  for (size_t i = 0; i < k.exits.size() && i < 3; ++i) c.why.push_back(exit_why(*k.exits[i]));
  c.why.push_back("the happy path is tested: " + executable_lines_why(*fn.coverage));
  add_why(c.why, churn_why(k.churn, file, &fn));
  c.first_step = first_step(fn, *k.exits.front());
  c.effort = effort_of(k.exits.size());
  c.newcomer_friendly = k.exits.size() <= o.at("newcomer_max_exits");
  return c;
}

// Several functions of one file: one task for the file (as untested-hotspot
// rolls up), its points the sum of theirs, its first step the worst one's.
Candidate file_candidate(const FileFacts& file, std::vector<Case> cases, const RuleOptions& o) {
  std::stable_sort(cases.begin(), cases.end(),
                   [](const Case& a, const Case& b) { return a.points > b.points; });
  const Case& worst = cases.front();
  double points = 0;
  size_t exits = 0;
  std::string names;
  Candidate c;
  for (const Case& k : cases) {
    points += k.points;
    exits += k.exits.size();
    std::vector<int> lines = exit_lines(k);
    c.lines.insert(c.lines.end(), lines.begin(), lines.end());
    if (names.size() < 160) {
      names += (names.empty() ? "" : ", ") + k.fn->name + " (line" +
               (lines.size() == 1 ? " " : "s ") + line_ranges(lines, 3) + ")";
    }
  }
  c.rule = kRule;
  c.kind = "add-tests";
  c.id = candidate_id(kRule, file.path, "");
  set_score(c, 30, points / o.at("scale"));
  c.target = {file.module, file.path, std::nullopt, worst.exits.front()->line};
  c.focus = worst.fn->qualified_name;
  c.title = "Test the error paths of " + file.path + ": " + std::to_string(cases.size()) +
            " functions with untested error exits";
  c.why.push_back(count_of(static_cast<int64_t>(exits), "untested error exit") + " in " +
                  std::to_string(cases.size()) + " functions: " + names);
  for (size_t i = 0; i < worst.exits.size() && i < 2; ++i) {
    c.why.push_back(worst.fn->name + ", " + exit_why(*worst.exits[i]));
  }
  if (file.coverage) c.why.push_back("the file: " + executable_lines_why(*file.coverage));
  add_why(c.why, file_history_why(file));
  c.first_step =
      "Start with " + worst.fn->qualified_name + ": " + first_step(*worst.fn, *worst.exits.front());
  c.effort = effort_of(exits);
  c.newcomer_friendly = exits <= o.at("newcomer_max_exits");
  return c;
}

}  // namespace

std::vector<Candidate> untested_error_paths(const Report& signals, const RuleOptions& o) {
  std::vector<Candidate> out;
  if (!signals.signals.coverage) return out;  // nothing to say without coverage
  for (const FileFacts& file : signals.files) {
    if (!is_target_file(signals, file)) continue;
    std::vector<Case> cases;
    for (const FunctionFacts& fn : file.functions) {
      if (std::optional<Case> k = assess(file, fn, o)) cases.push_back(std::move(*k));
    }
    if (cases.empty()) continue;
    if (cases.size() >= o.at("rollup_min")) {
      out.push_back(file_candidate(file, std::move(cases), o));
    } else {
      for (const Case& k : cases) out.push_back(function_candidate(file, k, o));
    }
  }
  return out;
}

}  // namespace stepup
