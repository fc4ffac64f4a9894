#include "tests/support/metric_expectations.h"

#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

namespace stepup::test {

std::vector<MetricExpectation> metric_expectations(const std::string& text) {
  static const std::regex re(
      R"(// expect: cyclomatic=(\d+) cognitive=(\d+) nesting=(\d+) params=(\d+))");
  std::vector<MetricExpectation> out;
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    std::smatch m;
    if (std::regex_search(line, m, re)) {
      out.push_back({n, std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4])});
    }
  }
  return out;
}

int check_metric_expectations(const std::vector<FunctionFacts>& functions,
                              const std::vector<MetricExpectation>& expected) {
  int checked = 0;
  for (const MetricExpectation& e : expected) {
    const FunctionFacts* fn = nullptr;
    for (const auto& f : functions) {
      if (f.line > e.line && (!fn || f.line < fn->line)) fn = &f;
    }
    INFO("expect line " << e.line);
    REQUIRE(fn != nullptr);
    INFO("function " << fn->qualified_name << " at line " << fn->line);
    CHECK(fn->cyclomatic == e.cyclomatic);
    CHECK(fn->cognitive == e.cognitive);
    CHECK(fn->max_nesting == e.nesting);
    CHECK(fn->params == e.params);
    ++checked;
  }
  return checked;
}

}  // namespace stepup::test
