#include "scanner/evidence/cppcheck.h"

#include <catch2/catch.hpp>
#include <map>

#include "model/errors.h"
#include "tests/support/temp_repo.h"

using namespace stepup;
using Catch::Matchers::Contains;

namespace {

// Three real defects, each on a line the test names.
constexpr const char* kDefects = R"(int deref_null(int flag) {
  int* p = nullptr;
  if (flag > 100) return 0;
  return *p;
}

int out_of_bounds() {
  const int a[4] = {1, 2, 3, 4};
  return a[4];
}
)";

}  // namespace

TEST_CASE("findings_cppcheck: real cppcheck --xml output") {
  test::TempDir dir;
  dir.write("src/defects.cpp", kDefects);
  ProcessResult r = SystemProcessRunner().run(
      {"cppcheck", "--xml", "--enable=warning,style", "--quiet", "src/defects.cpp"}, dir.path());
  REQUIRE(r.started);
  FindingsData d = import_cppcheck_xml(r.err, "cppcheck.xml");  // cppcheck writes XML to stderr
  CHECK(d.format == "cppcheck");
  std::map<std::string, int> lines;
  for (const auto& f : d.findings) {
    CHECK(f.tool == "cppcheck");
    CHECK(f.path == "src/defects.cpp");
    lines[f.rule] = f.line;
  }
  CHECK(lines["nullPointer"] == 4);  // the dereference, not the assignment
  CHECK(lines["arrayIndexOutOfBounds"] == 9);
}

TEST_CASE("findings_cppcheck: information is skipped, malformed XML is an error") {
  std::string xml = R"(<?xml version="1.0"?>
<results version="2"><cppcheck version="2.10"/><errors>
<error id="missingIncludeSystem" severity="information" msg="x"/>
<error id="uninitvar" severity="error" msg="Uninitialized variable: &apos;t&apos;">
  <location file="a.cc" line="10" column="10"/><location file="a.cc" line="8"/></error>
</errors></results>)";
  FindingsData d = import_cppcheck_xml(xml, "c.xml");
  REQUIRE(d.findings.size() == 1);
  CHECK(d.skipped == 1);
  CHECK(d.findings[0].message == "Uninitialized variable: 't'");
  CHECK(d.findings[0].line == 10);
  CHECK_THROWS_WITH(
      import_cppcheck_xml("<results version=\"2\">\n<errors><error>\n</results>", "c.xml"),
      Contains("c.xml:3:"));
  // An odd line number skips its error, counted and quoted once per file.
  FindingsData odd = import_cppcheck_xml(
      "<results version=\"2\"><errors>\n<error severity=\"error\">"
      "<location file=\"a.cc\" line=\"x\"/></error></errors></results>",
      "c.xml");
  CHECK(odd.findings.empty());
  REQUIRE(odd.diagnostics.size() == 1);
  CHECK_THAT(
      odd.diagnostics[0].message,
      Contains("c.xml: 1 odd record(s) skipped") &&
          Contains(
              "first, at 2:25: '<location line=\"x\">': line is not a line number"));  // 24
                                                                                       // characters
                                                                                       // of <error
                                                                                       // ...> first
  CHECK_THROWS_WITH(import_cppcheck_xml("<results><error/></results>", "c.xml"),
                    Contains("version 1"));
}
