// report.sarif's levels, rule help and GitHub's ingestion limits (issue 16).
#include "reports/sarif_writer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/gate.h"
#include "rules/registry.h"
#include "rules/rule_help.h"
#include "tests/support/json_schema.h"

using namespace stepup;
using nlohmann::json;

namespace {

Candidate task(const std::string& id, const std::string& rule, int score, int rank) {
  Candidate c;
  c.id = id;
  c.rank = rank;
  c.rule = rule;
  c.kind = "k";
  c.score = score;
  c.target = {"src", std::string("src/a.cc"), std::string("f"), 10};
  c.title = "Task " + id;
  c.first_step = "start";
  c.effort = "S";
  return c;
}

// Every registered rule with its help, and four tasks: a high-scoring test
// suggestion, a high and a lower risk (error-prone finds one), a refactor.
Report four_tasks() {
  Report r;
  r.tool_version = "1.0";
  r.repo_root = "/repo";
  for (const RuleInfo& rule : rule_registry()) r.rules.push_back(rule_summary(rule));
  r.candidates = {task("a", "untested-hotspot", 95, 1), task("b", "error-prone", 75, 2),
                  task("c", "error-prone", 69, 3), task("d", "complex-function", 85, 4)};
  return r;
}

json sarif_of(const Report& r) {
  std::ostringstream out;
  write_sarif(r, out);
  return json::parse(out.str());
}

std::vector<std::string> levels_of(const json& doc) {
  std::vector<std::string> out;
  for (const auto& res : doc["runs"][0]["results"]) out.push_back(res["level"]);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("sarif level: notes for suggestions, warnings for risks from 70, no gate no error") {
  CHECK(levels_of(sarif_of(four_tasks())) == Strings{"note", "warning", "note", "note"});
}

TEST_CASE("sarif level: error only for the tasks that fail a set gate") {
  Report r = four_tasks();
  r.gate = evaluate_gate(r, {parse_gate("max-score>=90")});  // a (95) alone fails it
  CHECK(levels_of(sarif_of(r)) == Strings{"error", "warning", "note", "note"});
  r.candidates[2].status = "new";  // c, a note by score, is what new-candidates>0 fails on
  r.gate = evaluate_gate(r, {parse_gate("new-candidates>0")});
  CHECK(levels_of(sarif_of(r)) == Strings{"note", "warning", "error", "note"});
  r.gate = evaluate_gate(r, {parse_gate("max-score>=96")});  // passes: nothing is an error
  CHECK(levels_of(sarif_of(r)) == Strings{"note", "warning", "note", "note"});
}

TEST_CASE("sarif rules: every rule carries short and full descriptions, help and tags") {
  json doc = sarif_of(four_tasks());
  CHECK(test::schema_errors("sarif/sarif-schema-2.1.0.json", doc.dump()) == "");
  const auto& rules = doc["runs"][0]["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == rule_registry().size());
  for (size_t i = 0; i < rules.size(); ++i) {
    const RuleInfo& info = rule_registry()[i];
    const RuleHelp* help = rule_help(info.id);
    REQUIRE(help != nullptr);
    INFO(info.id);
    CHECK(rules[i]["id"] == info.id);
    CHECK(rules[i]["shortDescription"]["text"] == help->short_description);
    CHECK(rules[i]["fullDescription"]["text"] == info.description);
    CHECK(rules[i]["help"]["text"] ==
          info.description + "\n\nWhy it matters: " + help->why + "\n\nHow to act: " + help->how);
    std::string md = rules[i]["help"]["markdown"];
    CHECK(md.find("**What it finds.** " + info.description) == 0);
    CHECK(md.find("**How to act.** " + help->how) != std::string::npos);
    CHECK(rules[i]["properties"]["tags"][0] == info.kind);
    CHECK(rules[i]["properties"]["tags"].size() == help->tags.size() + 1);
  }
  // The result points at its rule by index: error-prone is the registry's third.
  CHECK(doc["runs"][0]["results"][1]["ruleIndex"] == 2);
}

TEST_CASE("sarif limits: 25,000 results at most, the lowest-ranked left out with a note") {
  Report r = four_tasks();
  r.candidates.clear();
  for (int i = 1; i <= 25001; ++i) {
    r.candidates.push_back(task("id" + std::to_string(i), "complex-function", 50, i));
  }
  json doc = sarif_of(r);
  const auto& run = doc["runs"][0];
  REQUIRE(run["results"].size() == 25000);
  CHECK(run["results"][24999]["properties"]["rank"] == 25000);
  const auto& note = run["invocations"][0]["toolExecutionNotifications"][0];
  CHECK(note["level"] == "note");
  CHECK(note["message"]["text"] ==
        "stepup found 25001 tasks; the 1 ranked below 25000 are left out (GitHub code scanning "
        "accepts 25000 results per run); report.json has them all");
  r.candidates.pop_back();  // exactly the limit: all written, no note
  doc = sarif_of(r);
  CHECK(doc["runs"][0]["results"].size() == 25000);
  CHECK_FALSE(doc["runs"][0].contains("invocations"));
}

TEST_CASE("sarif limits: 10 tags per rule, messages cut at a character boundary") {
  Report r = four_tasks();
  r.rules[0].tags = {"t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12"};
  std::string e_acute = "\xc3\xa9";  // two bytes
  std::string long_why = "x";        // so the cut falls inside an é
  for (int i = 0; i < 3000; ++i) long_why += e_acute;
  r.candidates[0].why = {long_why};
  json doc = sarif_of(r);
  CHECK(doc["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["tags"] ==
        Strings{"t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10"});
  std::string text = doc["runs"][0]["results"][0]["message"]["text"];
  const std::string cut = "\n[cut: the full text is in report.json]";
  CHECK(text.size() <= kSarifMaxMessage);
  REQUIRE(text.size() > cut.size());
  CHECK(text.substr(text.size() - cut.size()) == cut);
  // "Task a\n- x" is 10 bytes; 4000 - 39 = 3961 would end after 3951 bytes
  // of é's, half of one, so the cut backs off to 1975 whole é's: 3999 bytes.
  CHECK(text.size() == 10 + 1975 * 2 + cut.size());
  CHECK(text.find("\xef\xbf\xbd") == std::string::npos);
  // A short message is left whole.
  CHECK(doc["runs"][0]["results"][1]["message"]["text"] == "Task b\nFirst step: start");
}
