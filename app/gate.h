// --fail-on: the quality gate's expressions and their evaluation.
#pragma once

#include <string>
#include <vector>

#include "model/report.h"

namespace stepup {

/// One parsed expression: METRIC OP NUMBER.
struct GateExpr {
  std::string text;    ///< as given
  std::string metric;  ///< max-score, new-candidates, line-coverage, patch-coverage
  std::string op;      ///< <, <=, >, >=
  double threshold = 0;
};

/// Parses "max-score>=70"; throws UsageError naming what is wrong.
GateExpr parse_gate(const std::string& text);

/// Measures each expression on the report. A metric that cannot be measured
/// (line-coverage without coverage data) fails its check: a gate that
/// silently passed on missing data would be worse than none. Nor does one
/// pass on stale coverage: patch coverage counts a stale file's changed
/// lines as uncovered, line coverage fails, and the message says why.
std::vector<GateCheck> evaluate_gate(const Report& report, const std::vector<GateExpr>& exprs);

}  // namespace stepup
