// What every rule is: a pure function from the joined signals (the Report's
// files, functions and modules) to candidates, with declared options; and
// the small helpers the rules share so their scores and words agree.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/report.h"

namespace stepup {

/// One tunable number of a rule, with its default and valid range.
struct RuleOption {
  std::string name;
  double default_value;
  double min;
  double max;
  std::string help;
};

using RuleOptions = std::map<std::string, double>;
using RuleFn = std::vector<Candidate> (*)(const Report& signals, const RuleOptions& options);

/// A registry row: id (kebab-case, also its doc and test name), the kind of
/// task it proposes, a one-line description, its options and its function.
struct RuleInfo {
  std::string id;
  std::string kind;
  std::string description;
  std::vector<RuleOption> options;
  RuleFn run;
};

/// Every option of a rule at its default value.
RuleOptions default_options(const RuleInfo& rule);

/// The stable candidate id: a hash of rule id, file and function, so a
/// candidate keeps its id when code moves within the file.
std::string candidate_id(const std::string& rule, const std::string& file,
                         const std::string& function);

/// "S", "M" or "L" from a function's length in lines.
std::string effort_from_lines(int lines);

/// "S", "M" or "L" for a test-writing task: what is left to reach
/// (uncovered lines plus missed branch lines) and the function's size.
std::string effort_from_size(int uncovered, int lines, int params);

/// Sets c.score (rounded) and c.exact_score from the common curve:
/// floor + (100 - floor) * (1 - e^-x), held at cap.
void set_score(Candidate& c, double floor, double x, double cap = 100);

/// The common scale: 1 - e^-x, mapped onto 0..100 and rounded. Every rule
/// turns its evidence into points x >= 0, so that equal x means equal
/// urgency whatever the rule.
int saturating_score(double x);
/// As saturating_score, but starting at `floor` (a rule whose mere firing
/// is already worth a look): floor + (100 - floor) * (1 - e^-x).
int saturating_score_from(double floor, double x);

/// "41-47, 52, 60-61": sorted line numbers as ranges, at most `max_ranges`
/// ranges, then ", ...".
std::string line_ranges(std::vector<int> lines, size_t max_ranges = 4);

/// "1 line" / "3 lines".
std::string count_of(int64_t n, const std::string& singular, const std::string& plural = "");

/// "0.45" -> "45%".
std::string percent(double fraction);

/// Churn of a function as the rules see it: the function's own history
/// when the scan has it, else its file's; `known` is false without history.
struct Churn {
  bool known = false;
  bool of_function = false;  ///< the figures are the function's, not the file's
  int64_t commits = 0, fix_commits = 0;
};
Churn churn_of(const FileFacts& file, const FunctionFacts* fn);

/// How active a function or file is, as a weight around 1: 0.5 for code
/// no commit touched, plus `weight` per commit up to `cap` commits; 1 when
/// history is unknown. For refactors: stable code is worth less to change.
double churn_activity(const Churn& churn, double weight, double cap);

/// Activity for test tasks, which history may only raise: 1 plus `weight`
/// per commit up to `cap` commits; 1 for quiet or unknown history. Untested
/// logic is worth testing however quiet its history.
double raising_activity(const Churn& churn, double weight, double cap);

/// The why-line for a churn when history says something: "7 commits, 5 of
/// them bug fixes, touched parse_header in the history window" (subject:
/// the function's name, or the file's path when the churn is the file's);
/// "" when no commit touched it or history is unknown (the report says that
/// once).
std::string churn_why(const Churn& churn, const FileFacts& file, const FunctionFacts* fn);

/// A file's history as one why-line: "9 bug-fix commits of 13 commits in
/// the history window (69%)", or "13 commits touched src/x.cc in the
/// history window" without fixes; "" when none touched it.
std::string file_history_why(const FileFacts& file);

/// Appends a why-line unless it is empty (helpers return "" when they have
/// nothing to say).
void add_why(std::vector<std::string>& why, std::string line);

/// Whether rules may target this file: its role is one of
/// report.target_roles (production by default) and the build compiles it
/// (built is not false).
bool is_target_file(const Report& r, const FileFacts& f);

/// Whether a function can be a task's target: not written by a macro
/// expansion, not trivial (= default, = delete, empty, an accessor), and not
/// there to serve tests (serves_tests).
bool is_target_function(const FunctionFacts& fn);

/// A production function that exists for the tests, by its name: the word
/// "testing" anywhere (SetClockForTesting), or "test"/"tests" after the
/// first word (GetTestDirectory, leveldb_env_get_test_directory). A first
/// word "test" is a verb (TestBit, test_and_set) and does not count.
bool serves_tests(const std::string& name);

/// "92 executable lines, 86 covered (93%)" ("none covered" at 0).
std::string executable_lines_why(const Coverage& c);

/// "160 lines long" (a function's extent, comments and blanks included).
std::string length_why(const FunctionFacts& fn);

/// The why-line rules that read complexity add when the file's parse had
/// errors; "" when it had none.
std::string parse_errors_why(const FileFacts& f);

/// Whether a module is library code, which reports errors to its caller
/// (status values, exceptions, callbacks) and is no place for a logging
/// task: the repository publishes headers (a top-level include/ folder of
/// headers) or builds no program (no production file defines main()), and
/// most of the module's code is not in a file that defines main(). *reason
/// says which (for a why-line or a diagnostic).
bool is_library_module(const Report& r, const std::string& module, std::string* reason);

/// The log APIs the scan recognises, for "no log call recognised (known
/// APIs: ...)": the default families plus the ones inferred in the repo.
std::string known_log_apis(const Report& r);

/// Coverage of a function's or file's lines and branches together; nullopt
/// when there is nothing executable to cover or no data.
std::optional<double> covered_fraction(const std::optional<Coverage>& c);

/// Counts the findings of one kind in a function.
int count_findings(const FunctionFacts& fn, const std::string& kind);

/// "src/net/http.cpp:41"
std::string at(const std::string& file, int line);

/// Who calls a function on the call graph (docs/callgraph.md): distinct
/// calling functions other than itself, how many of them are in test
/// files, and the callers' modules with their counts, most callers first.
struct FanIn {
  int callers = 0;
  int from_tests = 0;
  std::vector<std::pair<std::string, int>> modules;
};

/// fn's fan-in; nullopt without a call graph or when fn is not on it.
std::optional<FanIn> fan_in_of(const Report& r, const FunctionFacts& fn);

/// "called from 12 functions in 3 modules (db 7, table 3, util 2); 4 of
/// them in tests", or "" for fewer than two callers.
std::string fan_in_why(const std::optional<FanIn>& fan);

/// A refactor's effort raised by its fan-in: every caller may need a look.
/// 10 or more callers make it at least M, 40 or more L.
std::string effort_with_fan_in(const std::string& effort, const std::optional<FanIn>& fan);

}  // namespace stepup
