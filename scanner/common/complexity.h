// The control-flow measures of one function, shared by the semantic pass
// (scanner/parse/metrics) and the quick mode (scanner/quick/complexity) so
// the two keep one definition (docs/report-format.md; cognitive complexity after
// G. Ann Campbell, "Cognitive Complexity", SonarSource, 2018).
#pragma once

#include <vector>

namespace stepup {

/// Cyclomatic (McCabe: decisions + 1), cognitive (SonarSource) and the
/// deepest nesting of one function body; all counts, no units.
struct Complexity {
  int cyclomatic = 1;
  int cognitive = 0;
  int max_nesting = 0;
};

/// Adds one sequence of binary logical operators ('&' for &&, '|' for ||,
/// in source order) joined directly or through parentheses: +1 cyclomatic
/// per operator, +1 cognitive for the first and for each change of operator.
inline void add_logical_sequence(const std::vector<char>& ops, Complexity& c) {
  char prev = 0;
  for (char op : ops) {
    ++c.cyclomatic;
    if (op != prev) ++c.cognitive;
    prev = op;
  }
}

}  // namespace stepup
