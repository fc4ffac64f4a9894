#include "rules/rule_help.h"

#include <catch2/catch.hpp>
#include <set>

#include "rules/registry.h"

using namespace stepup;

TEST_CASE("rule help: every registered rule has one row, and every row a rule") {
  std::set<std::string> registered;
  for (const RuleInfo& rule : rule_registry()) {
    registered.insert(rule.id);
    const RuleHelp* help = rule_help(rule.id);
    INFO(rule.id);
    REQUIRE(help != nullptr);
    CHECK_FALSE(help->short_description.empty());
    CHECK(help->short_description.size() < 100);
    CHECK(help->why.size() > 40);
    CHECK(help->how.size() > 40);
    CHECK_FALSE(help->tags.empty());
  }
  std::set<std::string> rows;
  for (const RuleHelp& row : rule_help_table()) {
    CHECK(registered.count(row.id) == 1);
    CHECK(rows.insert(row.id).second);  // no id twice
  }
}

TEST_CASE("rule help: the summary joins the registry's row and the help row") {
  RuleInfo info{"swallowed-errors", "add-instrumentation", "what it finds", {}, nullptr};
  RuleSummary s = rule_summary(info);
  CHECK(s.description == "what it finds");
  CHECK(s.short_description == "Silent catches and unlogged error paths");
  CHECK(s.tags == std::vector<std::string>{"add-instrumentation", "reliability", "error-handling",
                                           "observability"});
  CHECK(s.risk);
  CHECK_FALSE(rule_summary({"complex-function", "refactor", "d", {}, nullptr}).risk);
  // A rule missing from the table keeps its description and kind tag only.
  RuleSummary bare = rule_summary({"no-such-rule", "refactor", "d", {}, nullptr});
  CHECK(bare.why.empty());
  CHECK(bare.tags == std::vector<std::string>{"refactor"});
}
