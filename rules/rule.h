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

/// Whether rules may target a file: its role is one of report.target_roles
/// (production by default, docs/roles.md) and it is not known to be left
/// out of the build (built != false).
bool is_target_file(const Report& report, const FileFacts& file);

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
/// history is unknown (neither raised nor lowered, and said so).
double churn_activity(const Churn& churn, double weight, double cap);

/// The why-line for a churn: "7 commits, 5 of them bug fixes, touched this
/// function in the history window", or that history is unknown.
std::string churn_why(const Churn& churn);

/// Coverage of a function's or file's lines and branches together; nullopt
/// when there is nothing executable to cover or no data.
std::optional<double> covered_fraction(const std::optional<Coverage>& c);

/// Counts the findings of one kind in a function.
int count_findings(const FunctionFacts& fn, const std::string& kind);

/// "src/net/http.cpp:41"
std::string at(const std::string& file, int line);

}  // namespace stepup
