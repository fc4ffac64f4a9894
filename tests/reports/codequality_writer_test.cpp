// gl-code-quality-report.json against GitLab's documented Code Quality
// format (tests/fixtures/codequality: a schema written from GitLab's field
// table, which GitLab publishes as no schema file), and its values.
#include "reports/codequality_writer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/json_schema.h"

using namespace stepup;
using nlohmann::json;

namespace {

const char* kSchema = "codequality/code-quality-report.schema.json";
// Names from a pull request are attacker-controlled.
const std::string kEvil = "</script>\"\\\n\t'&\x01";

Candidate task(const std::string& id, const std::string& rule, int score, Target target) {
  Candidate c;
  c.id = id;
  c.rule = rule;
  c.kind = "add-tests";
  c.score = score;
  c.target = std::move(target);
  c.title = "Write tests for " + kEvil;
  c.effort = "M";
  return c;
}

// Every target shape: a function with a line, a file without one, a
// module, the root module; and each severity once.
Report every_shape() {
  Report r;
  RuleSummary risk{"error-prone", "add-tests", "d"};
  risk.risk = true;
  r.rules = {risk, {"untested-hotspot", "add-tests", "d"}};
  r.candidates = {
      task("g1", "untested-hotspot", 92, {"src", "src/" + kEvil + ".cc", "f", 36}),
      task("r1", "error-prone", 70, {"src", std::string("src/b.cc"), std::nullopt, std::nullopt}),
      task("s1", "untested-hotspot", 70, {"src/db", std::nullopt, std::nullopt, std::nullopt}),
      task("s2", "untested-hotspot", 40, {"", std::nullopt, std::nullopt, std::nullopt}),
      task("s3", "error-prone", 39, {"src", std::string("src/c.cc"), std::nullopt, 0}),
  };
  r.gate.push_back({"max-score>=90", 92, true, "max score 92 >= 90", {"g1"}});
  return r;
}

std::string write(const Report& r) {
  std::ostringstream out;
  write_codequality(r, out);
  return out.str();
}

}  // namespace

TEST_CASE("codequality: the output is valid by GitLab's documented format") {
  std::string text = write(every_shape());
  CHECK(test::schema_errors(kSchema, text) == "");
  json doc = json::parse(text);
  REQUIRE(doc.size() == 5);
  CHECK(doc[0]["description"] == "Write tests for " + kEvil + " (score 92, effort M)");
  CHECK(doc[0]["check_name"] == "untested-hotspot");
  CHECK(doc[0]["fingerprint"] == "g1");
  CHECK(doc[0]["location"]["path"] == "src/" + kEvil + ".cc");
  CHECK(doc[0]["location"]["lines"]["begin"] == 36);
  CHECK(doc[1]["location"]["path"] == "src/b.cc");
  CHECK(doc[1]["location"]["lines"]["begin"] == 1);  // no line: the file's first
  CHECK(doc[2]["location"]["path"] == "src/db");     // a module task: its folder
  CHECK(doc[3]["location"]["path"] == ".");          // the root module
  CHECK(doc[4]["location"]["lines"]["begin"] == 1);  // line 0 is no line
}

TEST_CASE("codequality: severity from the gate, the rule's kind of finding and the score") {
  json doc = json::parse(write(every_shape()));
  std::vector<std::string> got;
  for (const auto& issue : doc) got.push_back(issue["severity"]);
  // g1 fails the gate; r1 is a risk at 70; s1 a suggestion at 70; s2 at 40;
  // s3 a risk below 70, graded by score alone.
  CHECK(got == std::vector<std::string>{"blocker", "critical", "major", "minor", "info"});
  CHECK(std::string(codequality_severity(TaskLevel::kSuggestion, 69)) == "minor");
  CHECK(std::string(codequality_severity(TaskLevel::kSuggestion, 0)) == "info");
}

TEST_CASE("codequality: fingerprints are the stable ids, unique within a report") {
  Report r = every_shape();
  r.candidates[1].id = "g1";  // never made so by the rules, but told apart if it were
  json doc = json::parse(write(r));
  CHECK(doc[0]["fingerprint"] == "g1");
  CHECK(doc[1]["fingerprint"] == "g1:add-tests");
  // The same task in another run (other score, other line) keeps its fingerprint.
  Report later = every_shape();
  later.candidates[0].score = 50;
  later.candidates[0].target.line = 80;
  CHECK(json::parse(write(later))[0]["fingerprint"] == "g1");
}

TEST_CASE("codequality: invalid UTF-8 becomes U+FFFD, and an empty report is []") {
  Report r = every_shape();
  r.candidates[1].target.file = "src/caf\xe9.cc";
  json doc = json::parse(write(r));
  CHECK(doc[1]["location"]["path"] == "src/caf\xef\xbf\xbd.cc");
  Report empty;
  CHECK(write(empty) == "[]\n");
}

TEST_CASE("codequality: the schema check can fail") {
  json doc = json::parse(write(every_shape()));
  doc[0]["severity"] = "high";
  doc[1]["location"].erase("lines");
  doc[2]["location"]["path"] = "./src/db";
  std::string errors = test::schema_errors(kSchema, doc.dump());
  CHECK_THAT(errors, Catch::Contains("'high' is not one of"));
  CHECK_THAT(errors, Catch::Contains("1/location"));
  CHECK_THAT(errors, Catch::Contains("2/location/path"));
}
