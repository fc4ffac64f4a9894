#include "reports/ticket_writer.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "reports/writers.h"
#include "tests/support/temp_repo.h"

using namespace stepup;
using stepup::test::TempDir;

namespace {

// A function of 12 lines; gcov-style facts: lines 4, 5 and 9 never ran,
// the `if` on line 3 took only one way, the loop on line 8 never ran.
const char* kSource =
    "#include \"net/parse.h\"\n"           // 1
    "int parse(const char* s, int n) {\n"  // 2
    "  if (s == nullptr) {\n"              // 3
    "    return -1;\n"                     // 4
    "  }\n"                                // 5
    "  int sum = 0;\n"                     // 6
    "  // a \"quoted\" comment\n"          // 7
    "  for (int i = 0; i < n; ++i) {\n"    // 8
    "    sum += s[i];\n"                   // 9
    "  }\n"                                // 10
    "  return sum;\n"                      // 11
    "}\n";                                 // 12

Report one_task(const std::string& kind) {
  Report r;
  FileFacts f;
  f.path = "src/net/parse.cc";
  f.module = "src/net";
  f.source = kSource;
  FunctionFacts fn;
  fn.name = "parse";
  fn.qualified_name = "net::parse";
  fn.line = 2;
  fn.end_line = 12;
  fn.cognitive = 3;
  fn.coverage = Coverage{7, 4, 4, 1, 0, 0, 4, 1};
  fn.uncovered_lines = {4, 8, 9};
  fn.partial_branch_lines = {3};
  f.functions.push_back(fn);
  r.files.push_back(f);
  Candidate c;
  c.id = "feedc0de00000001";
  c.rank = 1;
  c.rule = "untested-hotspot";
  c.kind = kind;
  c.score = 64;
  c.target = {"src/net", f.path, fn.qualified_name, 2};
  c.title = "Write tests for net::parse (src/net/parse.cc:2)";
  c.why = {"7 lines, 4 covered", "4 branches, 1 covered"};
  c.first_step = "Call parse with a null pointer.";
  c.effort = "S";
  c.newcomer_friendly = true;
  r.candidates.push_back(c);
  return r;
}

}  // namespace

TEST_CASE("ticket_writer: an add-tests ticket has one SECTION per branch or decision to reach") {
  Report r = one_task("add-tests");
  std::string t = render_ticket(r, r.candidates[0]);
  CHECK(t.find("# Write tests for net::parse (src/net/parse.cc:2)\n") == 0);
  CHECK(t.find("- 7 lines, 4 covered\n") != std::string::npos);
  CHECK(t.find("## First step\n\nCall parse with a null pointer.") != std::string::npos);
  CHECK(t.find("rises from 57% to at least 80%") != std::string::npos);  // 4 of 7
  // At 80% or more already, the goal is the lines and branches named, never a fall.
  Report high = one_task("add-tests");
  high.files[0].functions[0].coverage->lines_covered = 6;  // 86%
  std::string h = render_ticket(high, high.candidates[0]);
  CHECK(h.find("rises from") == std::string::npos);
  CHECK(h.find("Every line and branch outcome this ticket names runs in a test (line coverage of "
               "the function is 86% today).") != std::string::npos);
  // Line 3: partial branch; line 8: never-run loop header. Line 4 and 9 are
  // never run but hold no decision, so they get no SECTION of their own.
  CHECK(t.find("SECTION(\"line 3: if (s == nullptr) {\")") != std::string::npos);
  CHECK(t.find("SECTION(\"line 8: for (int i = 0; i < n; ++i) {\")") != std::string::npos);
  CHECK(t.find("SECTION(\"line 4") == std::string::npos);
  CHECK(t.find("SECTION(\"line 9") == std::string::npos);
  // No header of the repository declares it: none is invented.
  CHECK(t.find("#include \"src/net/parse.h\"") == std::string::npos);
  CHECK(t.find("// net::parse is declared in no header") != std::string::npos);
  CHECK(t.find("TEST_CASE(\"net::parse\", \"[parse]\")") != std::string::npos);
  // Each section is marked unwritten; the report named no framework.
  CHECK(t.find("SKIP(\"unwritten: line 3: if (s == nullptr) {\")") != std::string::npos);
  CHECK(t.find("## Test skeleton (Catch2 v3)") != std::string::npos);
  CHECK(t.find("(assumed: no test uses a known framework)") != std::string::npos);
}

TEST_CASE("ticket_writer: the skeleton follows the project's framework and include style") {
  Report r = one_task("add-tests");
  FileFacts header;
  header.path = "src/net/parse.h";
  header.source = "namespace net {\nint parse(const char* s, int n);\n}\n";
  r.files.insert(r.files.begin(), header);
  FileFacts test;
  test.path = "src/net/lexer_test.cc";
  test.is_test = true;
  test.role = "test";
  r.files.push_back(test);
  TestFramework fw{"googletest", "gtest/gtest.h",
                   "src/net/lexer_test.cc:2 includes \"gtest/gtest.h\""};
  fw.header_angled = false;
  fw.include_roots = {
      {"src", false, false, 4, true, "src/net/lexer_test.cc:1 includes \"net/lexer.h\""}};
  fw.include_tu = "src/net/lexer_test.cc";
  fw.include_dirs = {"src"};
  r.test_framework = fw;
  std::string t = render_ticket(r, r.candidates[0]);
  CHECK(t.find("## Test skeleton (googletest)") != std::string::npos);
  CHECK(t.find("- File: `src/net/parse_test.cc`") != std::string::npos);
  CHECK(t.find("- Include: `\"net/parse.h\"`") != std::string::npos);
  CHECK(t.find("#include \"net/parse.h\"\n\n#include \"gtest/gtest.h\"\n") != std::string::npos);
  CHECK(t.find("TEST(ParseTest, Line3OtherWay) {") != std::string::npos);
  CHECK(t.find("GTEST_SKIP() << \"unwritten: line 3: if (s == nullptr) {\";") != std::string::npos);
}

TEST_CASE("ticket_writer: main gets no skeleton, and the ticket says why") {
  Report r = one_task("add-tests");
  r.files[0].functions[0].qualified_name = "main";
  r.files[0].functions[0].name = "main";
  r.candidates[0].target.function = "main";
  std::string t = render_ticket(r, r.candidates[0]);
  CHECK(t.find("`main` is the program") != std::string::npos);
  CHECK(t.find("only be tested through the program") != std::string::npos);
  CHECK(t.find("```cpp") == std::string::npos);
}

TEST_CASE("ticket_writer: a file-level add-tests task gets the skeleton of its focus") {
  Report r = one_task("add-tests");
  FunctionFacts simple = r.files[0].functions[0];
  simple.qualified_name = "net::simple";
  simple.cyclomatic = 1;
  r.files[0].functions[0].cyclomatic = 4;
  r.files[0].functions.push_back(simple);
  r.candidates[0].target.function.reset();
  std::string t = render_ticket(r, r.candidates[0]);
  CHECK(t.find("TEST_CASE(\"net::parse\", \"[parse]\")") != std::string::npos);
  // The focus, when the rule sets one, wins over the most complex function.
  r.candidates[0].focus = "net::simple";
  t = render_ticket(r, r.candidates[0]);
  CHECK(t.find("TEST_CASE(\"net::simple\", \"[parse]\")") != std::string::npos);
}

TEST_CASE("ticket_writer: other kinds have their own definition of done and no skeleton") {
  Report r = one_task("refactor");
  std::string t = render_ticket(r, r.candidates[0]);
  CHECK(t.find("cognitive complexity below 15 (now 3)") != std::string::npos);
  CHECK(t.find("Test skeleton") == std::string::npos);
}

TEST_CASE("ticket_writer: hostile names cannot break the Markdown or the code fence") {
  Report r = one_task("add-tests");
  r.files[0].source =
      std::string(kSource).replace(std::string(kSource).find("if (s"), 2, "if /* ``` </script> */");
  r.candidates[0].title = "Write tests for <img src=x onerror=alert(1)>";
  r.candidates[0].target.function = "ns::`evil`";
  r.files[0].functions[0].qualified_name = "ns::`evil`";
  std::string t = render_ticket(r, r.candidates[0]);
  CHECK(t.find("<img") == std::string::npos);
  CHECK(t.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(t.find("(`` ns::`evil` ``)") != std::string::npos);  // a longer fence, padded
  CHECK(t.find("````cpp\n") != std::string::npos);           // longer than the ``` inside
}

TEST_CASE("ticket_writer: --format tickets replaces the folder, keeping no stale ticket") {
  TempDir dir;
  Report r = one_task("add-tests");
  std::string out = dir.path() + "/out";
  std::filesystem::create_directories(out + "/tickets");
  std::ofstream(out + "/tickets/99-old.md") << "stale";
  write_reports(r, out, select_writers("tickets,csv"));
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(out + "/tickets")) {
    names.push_back(e.path().filename().string());
  }
  CHECK(names == std::vector<std::string>{"01-add-tests-feedc0de00000001.md"});
  CHECK(std::filesystem::exists(out + "/report.csv"));
  for (const auto& e : std::filesystem::directory_iterator(out)) {
    CHECK(e.path().filename().string().find(".tmp.") == std::string::npos);
  }
}
