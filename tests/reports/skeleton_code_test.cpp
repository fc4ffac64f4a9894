#include "reports/skeleton_code.h"

#include <catch2/catch.hpp>

using namespace stepup;

namespace {

// gcov-style facts, by hand: the `if` on line 2 never took its true side
// (line 3 never ran); line 5 is a call whose branches come from inlined
// code; the `if` on line 6 never ran its body (lines 8-9, after a comment);
// the throw on line 13 never ran; line 15 never ran.
const char* kSource =
    "int parse(const char* s, int n) {\n"            // 1
    "  if (s == nullptr) {\n"                        // 2
    "    return -1;\n"                               // 3
    "  }\n"                                          // 4
    "  int sum = helper(s);\n"                       // 5
    "  if (n > 100) {\n"                             // 6
    "    // too long\n"                              // 7
    "    log(\"long\");\n"                           // 8
    "    n = 100;\n"                                 // 9
    "  }\n"                                          // 10
    "  for (int i = 0; i < n; ++i) sum += s[i];\n"   // 11
    "  if (sum < 0)\n"                               // 12
    "    throw std::runtime_error(\"negative\");\n"  // 13
    "  report(sum);\n"                               // 14
    "  audit(sum);\n"                                // 15
    "  return sum;\n"                                // 16
    "}\n";                                           // 17

FileFacts parse_file() {
  FileFacts f;
  f.path = "src/net/parse.cc";
  f.source = kSource;
  FunctionFacts fn;
  fn.name = "parse";
  fn.qualified_name = "net::parse";
  fn.line = 1;
  fn.end_line = 17;
  fn.coverage = Coverage{};
  fn.partial_branch_lines = {2, 5, 6, 12};
  fn.uncovered_lines = {3, 8, 9, 13, 15};
  fn.error_exits = {{13, "throw", "std::runtime_error(\"negative\")", 12, "sum < 0"}};
  f.functions.push_back(fn);
  return f;
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

SkeletonPlan plan_for(const FileFacts& file, const std::string& framework) {
  SkeletonPlan p;
  p.focus_file = p.entry_file = &file;
  p.focus = p.entry = &file.functions[0];
  p.framework.name = framework;
  p.framework.header = "fw.h";
  p.include = "net/parse.h";
  p.address_check = "net::parse";
  p.decisions = decisions_of(file, file.functions[0]);
  return p;
}

}  // namespace

TEST_CASE("skeleton_code: one decision per missed branch, error exit and run, quoted") {
  FileFacts f = parse_file();
  std::vector<Decision> d = decisions_of(f, f.functions[0]);
  REQUIRE(d.size() == 4);
  // Line 2 took one way; line 3, right after it, is the way it missed.
  CHECK(d[0].line == 2);
  CHECK(d[0].kind == "branch");
  CHECK(d[0].last_line == 3);
  CHECK(d[0].quote == "if (s == nullptr) {");
  CHECK(d[0].todo.find("(line 3, which no test runs)") != std::string::npos);
  // Line 5 is no decision (a call); line 6's missed body is lines 8-9,
  // the comment between them bridged.
  CHECK(d[1].line == 6);
  CHECK(d[1].last_line == 9);
  // The error exit is quoted at its condition, once (not also as a branch).
  CHECK(d[2].line == 12);
  CHECK(d[2].kind == "error-exit");
  CHECK(d[2].quote == "if (sum < 0)");
  CHECK(d[2].todo.find("`std::runtime_error(\"negative\")` (line 13) when `sum < 0`") !=
        std::string::npos);
  // Line 15 never ran and belongs to no decision: a run of its own.
  CHECK(d[3].line == 15);
  CHECK(d[3].kind == "run");
  CHECK(d[3].quote == "audit(sum);");
}

TEST_CASE("skeleton_code: a branch no test reaches, and no coverage at all") {
  FileFacts f = parse_file();
  FunctionFacts& fn = f.functions[0];
  fn.uncovered_lines = {2, 3};
  fn.partial_branch_lines = {2};
  fn.error_exits.clear();
  std::vector<Decision> d = decisions_of(f, fn);
  REQUIRE(d.size() == 1);
  CHECK(d[0].kind == "unreached-branch");

  // Without coverage: every decision the function spells, and its error exits.
  fn = parse_file().functions[0];
  fn.coverage.reset();
  d = decisions_of(f, fn);
  REQUIRE(d.size() == 4);
  CHECK(d[0].line == 2);
  CHECK(d[0].kind == "decision");
  CHECK(d[1].line == 6);
  CHECK(d[2].line == 11);
  CHECK(d[3].line == 12);
  CHECK(d[3].kind == "error-exit");
}

TEST_CASE("skeleton_code: every test is marked unwritten in its framework's own way") {
  FileFacts f = parse_file();
  struct Case {
    std::string framework, unit, marker;
  };
  for (const Case& c : {Case{"googletest", "TEST(ParseTest, ", "GTEST_SKIP() << \"unwritten: "},
                        Case{"catch2-v3", "SECTION(\"line ", "SKIP(\"unwritten: "},
                        Case{"catch2-v2", "SECTION(\"line ", "FAIL(\"unwritten test\")"},
                        Case{"doctest", "SUBCASE(\"line ", "FAIL(\"unwritten: "},
                        Case{"boost-test", "BOOST_AUTO_TEST_CASE(line", "BOOST_FAIL("}}) {
    std::string code = render_skeleton(plan_for(f, c.framework));
    INFO(code);
    CHECK(count(code, c.unit) == 4);
    CHECK(count(code, c.marker) == 4);
    CHECK(code.find("#include \"net/parse.h\"\n\n#include <fw.h>\n") == 0);
    CHECK(count(code, "(void)&net::parse;") ==
          (c.framework == "googletest" || c.framework == "boost-test" ? 4 : 1));
  }
  std::string v2 = render_skeleton(plan_for(f, "catch2-v2"));
  CHECK(count(v2, "WARN(\"unwritten: line ") == 4);
  std::string gtest = render_skeleton(plan_for(f, "googletest"));
  CHECK(gtest.find("TEST(ParseTest, Line2OtherWay)") != std::string::npos);
  CHECK(gtest.find("TEST(ParseTest, Line12ErrorExit)") != std::string::npos);
  CHECK(gtest.find("TEST(ParseTest, Line15Reached)") != std::string::npos);
}

TEST_CASE("skeleton_code: nothing left to reach still gives one unwritten test, at most 12") {
  FileFacts f = parse_file();
  SkeletonPlan p = plan_for(f, "catch2-v3");
  p.decisions.clear();
  std::string code = render_skeleton(p);
  CHECK(count(code, "SECTION(") == 1);
  CHECK(count(code, "SKIP(\"unwritten: parse has no untested line or branch left\")") == 1);

  p.decisions.assign(20, Decision{7, 7, "run", "x", "reach it"});
  for (int i = 0; i < 20; ++i) p.decisions[i].line = 100 + i;
  code = render_skeleton(p);
  CHECK(count(code, "SECTION(") == 12);
  CHECK(code.find("// ... and 8 more: lines 112 113 114 115 116 117 118 119\n") !=
        std::string::npos);
}

TEST_CASE("skeleton_code: quoted code cannot break the string or splice a comment") {
  FileFacts f = parse_file();
  SkeletonPlan p = plan_for(f, "googletest");
  p.decisions = {{3, 3, "run", "puts(\"a\\\"b\"); \\", "reach it \\"}};
  std::string code = render_skeleton(p);
  CHECK(code.find("<< \"unwritten: line 3: puts(\\\"a\\\\\\\"b\\\"); \\\\\";") !=
        std::string::npos);
  CHECK(code.find("// reach it\n") != std::string::npos);  // no trailing backslash
}

TEST_CASE("skeleton_code: without a header the declaration is carried, or asked for") {
  FileFacts f = parse_file();
  SkeletonPlan p = plan_for(f, "catch2-v3");
  p.include.clear();
  p.declaration = "namespace net {\nint parse(const char* s, int n);\n}  // namespace net";
  p.declaration_includes = {"<string>"};
  std::string code = render_skeleton(p);
  CHECK(code.find("#include <fw.h>\n#include <string>\n\n// net::parse is declared in no header; "
                  "this is its declaration as written at src/net/parse.cc:1.\nnamespace net {\n") ==
        0);
  p.declaration.clear();
  CHECK(render_skeleton(p).find("declare it here before the tests can call it") !=
        std::string::npos);
}
