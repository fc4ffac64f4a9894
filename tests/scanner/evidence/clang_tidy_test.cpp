#include "scanner/evidence/clang_tidy.h"

#include <catch2/catch.hpp>

#include "model/errors.h"
#include "tests/support/temp_repo.h"

using namespace stepup;
using Catch::Matchers::Contains;

TEST_CASE("findings_clang_tidy: real clang-tidy output") {
  test::TempDir dir;
  dir.write("a.cpp",
            "int deref(int flag) {\n"
            "  int* p = nullptr;\n"
            "  if (flag > 100) return 0;\n"
            "  return *p;\n"
            "}\n");
  ProcessResult r = SystemProcessRunner().run(
      {"clang-tidy", "a.cpp", "--checks=-*,clang-analyzer-core.NullDereference", "--"}, dir.path());
  REQUIRE(r.started);
  FindingsData d = import_clang_tidy(r.out, "tidy.txt");
  REQUIRE(d.findings.size() == 1);  // the notes that follow it are not findings
  CHECK(d.findings[0].tool == "clang-tidy");
  CHECK(d.findings[0].rule == "clang-analyzer-core.NullDereference");
  CHECK(d.findings[0].path == dir.path() + "/a.cpp");
  CHECK(d.findings[0].line == 4);
  CHECK(d.findings[0].column == 10);
}

TEST_CASE("findings_clang_tidy: compiler warnings, placeless errors, bad numbers") {
  FindingsData d = import_clang_tidy(
      "src/a.cc:3:1: warning: unused variable 'x' [-Wunused-variable]\n"
      "error: no input files [clang-diagnostic-error]\n"
      "clang-tidy: warning: no place for this one\n"
      "src/a.cc:9: error: something\n"
      "2 warnings generated.\n",
      "t");
  REQUIRE(d.findings.size() == 2);
  CHECK(d.findings[0].tool == "compiler");
  CHECK(d.findings[0].rule == "-Wunused-variable");
  CHECK(d.findings[1].line == 9);
  CHECK(d.findings[1].rule.empty());
  CHECK(d.skipped == 1);
  // A line number out of range: that warning is skipped, counted and quoted.
  FindingsData odd = import_clang_tidy(
      "ok\na.cc:99999999999:1: warning: x [c]\na.cc:0:1: warning: x [c]\nb.cc:2:1: warning: y "
      "[c]\n",
      "t.txt");
  REQUIRE(odd.findings.size() == 1);
  CHECK(odd.findings[0].path == "b.cc");
  REQUIRE(odd.diagnostics.size() == 1);
  CHECK_THAT(odd.diagnostics[0].message,
             Contains("t.txt: 2 odd record(s) skipped") &&
                 Contains("first, at line 2: 'a.cc:99999999999:1: warning: x [c]': line "
                          "\"99999999999\" is not a valid number"));
}
