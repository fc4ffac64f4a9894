// report.sarif against the OASIS SARIF 2.1.0 JSON schema shipped in
// tests/fixtures/sarif, checked by Debian's python3-jsonschema.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "reports/sarif_writer.h"
#include "tests/support/json_schema.h"

using namespace stepup;

namespace {

// Validates one SARIF text; returns the validator's complaints ("" = valid).
std::string schema_errors(const std::string& sarif) {
  return test::schema_errors("sarif/sarif-schema-2.1.0.json", sarif);
}

Report report_with_every_target_shape() {
  Report r;
  r.tool_version = "1.0";
  r.repo_root = "/work/repo with space";
  r.rules = {{"untested-hotspot", "add-tests", "d1"},
             {"uninstrumented-module", "add-instrumentation", "d2"}};
  Candidate c;
  c.id = "1111";
  c.rank = 1;
  c.rule = "untested-hotspot";
  c.kind = "add-tests";
  c.score = 85;
  c.target = {"src/net", std::string("src/net/p a&r.cc"), std::string("net::parse"), 36};
  c.title = "Write tests </script>";
  c.why = {"25 lines, none covered"};
  c.first_step = "start";
  c.effort = "M";
  c.status = "worsened";
  r.candidates.push_back(c);
  c.id = "2222";
  c.rank = 2;
  c.rule = "uninstrumented-module";
  c.kind = "add-instrumentation";
  c.score = 35;
  c.target = {"src/db", std::nullopt, std::nullopt, std::nullopt};
  c.status = "new";
  r.candidates.push_back(c);
  return r;
}

}  // namespace

TEST_CASE("sarif: the writer's output is valid SARIF 2.1.0 by the OASIS schema") {
  std::ostringstream out;
  write_sarif(report_with_every_target_shape(), out);
  CHECK(schema_errors(out.str()) == "");
  auto doc = nlohmann::json::parse(out.str());
  const auto& results = doc["runs"][0]["results"];
  CHECK(results[0]["ruleIndex"] == 0);
  CHECK(results[0]["baselineState"] == "updated");
  CHECK(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "src/net/p%20a%26r.cc");
  CHECK(results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 36);
  CHECK(results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "src/db/");
  CHECK_FALSE(results[1]["locations"][0]["physicalLocation"].contains("region"));
  CHECK(results[1]["baselineState"] == "new");
  CHECK(results[1]["partialFingerprints"]["stepupCandidateId/v1"] == "2222");
}

TEST_CASE("sarif: the schema check can fail (a result without a message is refused)") {
  std::ostringstream out;
  write_sarif(report_with_every_target_shape(), out);
  auto doc = nlohmann::json::parse(out.str());
  doc["runs"][0]["results"][0].erase("message");
  CHECK_THAT(schema_errors(doc.dump()), Catch::Contains("'message' is a required property"));
}
