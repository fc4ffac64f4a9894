#include "scanner/evidence/sarif.h"

#include <catch2/catch.hpp>

#include "model/errors.h"

using namespace stepup;
using Catch::Matchers::Contains;

TEST_CASE("findings_sarif: results, base ids, file URIs, skipped kinds") {
  std::string text = R"J({
  "version": "2.1.0",
  "runs": [{
    "tool": {"driver": {"name": "CodeQL", "rules": [{"id": "cpp/uncontrolled-alloc"}]}},
    "originalUriBaseIds": {
      "ROOT": {"uri": "file:///home/ci/repo/"},
      "SRC": {"uri": "src/", "uriBaseId": "ROOT"}
    },
    "results": [
      {"ruleId": "cpp/null-deref", "message": {"text": "p may be null"},
       "locations": [{"physicalLocation": {"artifactLocation": {"uri": "net/parser.cc", "uriBaseId": "SRC"},
                                           "region": {"startLine": 42, "startColumn": 3}}}]},
      {"ruleIndex": 0, "message": {"text": "big"},
       "locations": [{"physicalLocation": {"artifactLocation": {"uri": "file:///opt/my%20code/a.cc"}}}]},
      {"ruleId": "x", "kind": "pass", "message": {"text": "fine"},
       "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.cc"}}}]},
      {"ruleId": "y", "suppressions": [{"kind": "inSource"}], "message": {"text": "s"},
       "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.cc"}}}]},
      {"ruleId": "z", "message": {"text": "nowhere"}}
    ]
  }]
})J";
  FindingsData d = import_sarif(text, "r.sarif");
  CHECK(d.format == "sarif");
  REQUIRE(d.findings.size() == 2);
  CHECK(d.skipped == 3);
  const StaticFinding& a = d.findings[0];
  CHECK(a.tool == "CodeQL");
  CHECK(a.rule == "cpp/null-deref");
  CHECK(a.message == "p may be null");
  CHECK(a.path == "/home/ci/repo/src/net/parser.cc");
  CHECK(a.line == 42);
  CHECK(a.column == 3);
  CHECK(d.findings[1].rule == "cpp/uncontrolled-alloc");
  CHECK(d.findings[1].path == "/opt/my code/a.cc");
  CHECK(d.findings[1].line == 0);  // the whole file
}

TEST_CASE("findings_sarif: a result with an odd value is skipped, counted, first quoted") {
  // A number where a string goes, a negative line: the other results stand.
  FindingsData d = import_sarif(R"({"version": "2.1.0", "runs": [{"results": [
      {"ruleId": 5},
      {"ruleId": "x", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.cc"},
                                     "region": {"startLine": -4}}}]},
      {"ruleId": "ok", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "b.cc"},
                                      "region": {"startLine": 7}}}]}]}]})",
                                "r.sarif");
  REQUIRE(d.findings.size() == 1);
  CHECK(d.findings[0].path == "b.cc");
  CHECK(d.findings[0].line == 7);
  REQUIRE(d.diagnostics.size() == 1);
  CHECK(d.diagnostics[0].message ==
        "r.sarif: 2 odd record(s) skipped (well-formed, but with a value stepup cannot use); "
        "first, at runs[0].results[0].ruleId: '{\"ruleId\":5}': must be string");
}

TEST_CASE("findings_sarif: malformed input names the file and the place") {
  CHECK_THROWS_WITH(import_sarif("{\"runs\": [\n{\"results\": [}]}", "r.sarif"),
                    Contains("r.sarif:2:"));
  CHECK_THROWS_WITH(import_sarif(R"({"version": "1.0.0", "runs": []})", "r.sarif"),
                    Contains("version"));
  CHECK_THROWS_AS(import_sarif("{}", "r"), InputError);
}

TEST_CASE("findings_sarif: URIs") {
  CHECK(sarif_uri_to_path("file:///a%20b/c.cc") == "/a b/c.cc");
  CHECK(sarif_uri_to_path("file://host/share/c.cc") == "/share/c.cc");
  CHECK(sarif_uri_to_path("file:///C:/src/a.cc") == "C:/src/a.cc");
  CHECK(sarif_uri_to_path("src/x%2By.cc") == "src/x+y.cc");
}
