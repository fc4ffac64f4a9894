// What every rule is: a pure function from the joined signals (the Report's
// files, functions and modules) to candidates, with declared options.
#pragma once

#include <map>
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
using RuleFn = std::vector<Candidate> (*)(const Report& signals,
                                          const RuleOptions& options);

/// A registry row: id (kebab-case, also its doc and test name), the kind of
/// task it proposes, a one-line description, its options and its function.
struct RuleInfo {
  std::string id;
  std::string kind;
  std::string description;
  std::vector<RuleOption> options;
  RuleFn run;
};

/// The stable candidate id: a hash of rule id, file and function, so a
/// candidate keeps its id when code moves within the file.
std::string candidate_id(const std::string& rule, const std::string& file,
                         const std::string& function);

/// "S", "M" or "L" from a function's length in lines.
std::string effort_from_lines(int lines);

}  // namespace stepup
