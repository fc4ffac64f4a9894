// The metrics fixtures' inline expectations (tests/fixtures/metrics), shared
// by the semantic pass's test and the quick mode's. A line
//   // expect: cyclomatic=N cognitive=M nesting=K params=P
// computed by hand from the contract's definitions applies to the first
// function whose name line follows the comment.
#pragma once

#include <string>
#include <vector>

#include "model/report.h"

namespace stepup::test {

struct MetricExpectation {
  int line;  ///< 1-based line of the comment
  int cyclomatic, cognitive, nesting, params;
};

/// Every `// expect:` line of a fixture's text, in order.
std::vector<MetricExpectation> metric_expectations(const std::string& text);

/// Checks (Catch2 CHECKs) each expectation against the first of `functions`
/// after its line; a missing function fails with REQUIRE. Returns how many
/// expectations were checked.
int check_metric_expectations(const std::vector<FunctionFacts>& functions,
                              const std::vector<MetricExpectation>& expected);

}  // namespace stepup::test
