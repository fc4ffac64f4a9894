#include "reports/test_skeleton.h"

#include <catch2/catch.hpp>

using namespace stepup;

namespace {

FunctionFacts fn(const std::string& qualified, int line, int end_line) {
  FunctionFacts f;
  f.qualified_name = qualified;
  size_t scope = qualified.rfind("::");
  f.name = scope == std::string::npos ? qualified : qualified.substr(scope + 2);
  f.line = line;
  f.end_line = end_line;
  f.coverage = Coverage{};
  f.uncovered_lines = {line + 1};
  return f;
}

FileFacts file(const std::string& path, const std::string& text, bool test = false) {
  FileFacts f;
  f.path = path;
  f.is_test = test;
  f.role = test ? "test" : "production";
  f.source = text;
  return f;
}

// The example's layout: sources under src/, headers beside them, tests in
// tests/ that include "util/strings.h" (from src/, on the test build's -I).
Report shop() {
  Report r;
  r.files.push_back(
      file("src/net/http.h",
           "#pragma once\nnamespace shop::net {\nint parse_request(const char* raw);\n"
           "int parse_header(const char* line);\n}\n"));
  FileFacts http = file("src/net/http.cpp",
                        "#include \"net/http.h\"\n"                    // 1
                        "#include <string>\n"                          // 2
                        "namespace shop::net {\n"                      // 3
                        "namespace {\n"                                // 4
                        "bool blank(const char* l) { return !*l; }\n"  // 5
                        "}  // namespace\n"                            // 6
                        "int parse_header(const char* line) {\n"       // 7
                        "  if (blank(line)) return 1;\n"               // 8
                        "  return 0;\n"                                // 9
                        "}\n"                                          // 10
                        "int parse_request(const char* raw) {\n"       // 11
                        "  if (!raw) return -1;\n"                     // 12
                        "  return parse_header(raw);\n"                // 13
                        "}\n"                                          // 14
                        "int\n"                                        // 15
                        "count_lines(const std::string& text,\n"       // 16
                        "            char sep) {\n"                    // 17
                        "  return 0;\n"                                // 18
                        "}\n"                                          // 19
                        "}  // namespace shop::net\n");                // 20
  http.functions = {fn("shop::net::(anonymous namespace)::blank", 5, 5),
                    fn("shop::net::parse_header", 7, 10), fn("shop::net::parse_request", 11, 14),
                    fn("shop::net::count_lines", 16, 19)};
  r.files.push_back(http);
  r.files.push_back(file("src/util/strings.h", ""));
  r.files.push_back(file("tests/test_util.cpp", "#include \"util/strings.h\"\n", true));
  r.files.push_back(file("tests/test_main.cpp", "int main() {}\n", true));
  TestFramework fw{"catch2-v2", "catch2/catch.hpp", "assumed"};
  fw.include_roots = {
      {"src", false, false, 1, true, "tests/test_util.cpp:1 includes \"util/strings.h\""}};
  fw.include_tu = "tests/test_util.cpp";
  fw.include_dirs = {"include", "src"};
  r.test_framework = fw;
  return r;
}

Candidate task(const std::string& file, std::optional<std::string> function,
               std::optional<std::string> focus = std::nullopt) {
  Candidate c;
  c.kind = "add-tests";
  c.target.file = file;
  c.target.function = function;
  c.focus = focus;
  return c;
}

}  // namespace

TEST_CASE("test_skeleton: the focus is the function the first step names") {
  Report r = shop();
  r.files[1].functions[1].cyclomatic = 9;  // parse_header: the most complex
  SkeletonPlan p =
      plan_skeleton(r, task("src/net/http.cpp", std::nullopt, "shop::net::parse_request"));
  REQUIRE(p.focus);
  CHECK(p.focus->name == "parse_request");
  CHECK(p.entry == p.focus);
  CHECK(p.reach.empty());
  // Without a focus, a file task's skeleton is for the function at its line
  // (where its first step points), else its most complex function.
  Candidate at_line = task("src/net/http.cpp", std::nullopt);
  at_line.target.line = 12;
  CHECK(plan_skeleton(r, at_line).focus->name == "parse_request");
  CHECK(plan_skeleton(r, task("src/net/http.cpp", std::nullopt)).focus->name == "parse_header");
}

TEST_CASE("test_skeleton: the header, spelled the way the tests spell theirs, the test file") {
  Report r = shop();
  SkeletonPlan p = plan_skeleton(r, task("src/net/http.cpp", "shop::net::parse_request"));
  CHECK(p.header == "src/net/http.h");
  CHECK(p.include == "net/http.h");  // from src/, as tests/test_util.cpp does
  CHECK_FALSE(p.include_angled);
  CHECK(p.include_why.find("`tests/test_util.cpp:1 includes \"util/strings.h\"`") !=
        std::string::npos);
  CHECK(p.test_file == "tests/test_http.cpp");  // test_<stem>, beside the tests
  CHECK_FALSE(p.test_file_exists);
  CHECK(p.address_check == "shop::net::parse_request");
  CHECK(p.declaration.empty());

  // A test file named for the source already exists: the tests go there.
  r.files.push_back(file("tests/test_http.cpp", "", true));
  p = plan_skeleton(r, task("src/net/http.cpp", "shop::net::parse_request"));
  CHECK(p.test_file == "tests/test_http.cpp");
  CHECK(p.test_file_exists);
}

TEST_CASE("test_skeleton: a header is never invented, a function no header declares is declared") {
  Report r = shop();
  SkeletonPlan p = plan_skeleton(r, task("src/net/http.cpp", "shop::net::count_lines"));
  CHECK(p.header.empty());
  CHECK(p.include.empty());
  CHECK(p.include_why.find("it is not declared in a header") != std::string::npos);
  // As written at its definition (the result type on the line before), in its namespaces.
  CHECK(p.declaration ==
        "namespace shop {\nnamespace net {\nint count_lines(const std::string& text, char sep);\n"
        "}  // namespace net\n}  // namespace shop");
  CHECK(p.declaration_includes == std::vector<std::string>{"\"net/http.h\"", "<string>"});
  CHECK(p.address_check == "shop::net::count_lines");

  // A same-named header that does not declare it is not used either.
  r.files[0].source = "#pragma once\n";
  p = plan_skeleton(r, task("src/net/http.cpp", "shop::net::parse_request"));
  CHECK(p.header.empty());

  // The declarations table (from a scan) names the declaring file outright.
  r = shop();
  r.files[1].functions[2].usr = "c:@N@shop@N@net@F@parse_request";
  r.declarations["c:@N@shop@N@net@F@parse_request"] = {"parse_request",
                                                       "shop::net::parse_request",
                                                       "src/net/http.cpp",
                                                       11,
                                                       false,
                                                       false,
                                                       false,
                                                       "int"};
  p = plan_skeleton(r, task("src/net/http.cpp", "shop::net::parse_request"));
  CHECK(p.header.empty());
  CHECK(p.include_why.find("declared only in `src/net/http.cpp`") != std::string::npos);
}

TEST_CASE("test_skeleton: an internal function is reached through its nearest public caller") {
  Report r = shop();
  // By the file's text (no call graph): blank is called by parse_header.
  SkeletonPlan p =
      plan_skeleton(r, task("src/net/http.cpp", "shop::net::(anonymous namespace)::blank"));
  REQUIRE(p.entry);
  CHECK(p.focus->name == "blank");
  CHECK(p.entry->name == "parse_header");
  CHECK(p.reach.find("has internal linkage") != std::string::npos);
  CHECK(p.reach.find("found by name in the file's text") != std::string::npos);
  CHECK(p.decisions.size() == 1);  // the focus's own lines
  CHECK(p.include == "net/http.h");

  // With the call graph: blank <- helper (static) <- parse_request and
  // run_all (other file); a test's call does not count. Nearest public
  // caller in the same file first.
  r = shop();
  auto& fns = r.files[1].functions;
  fns[0].usr = "blank";
  fns[0].internal_linkage = true;
  fns[1].internal_linkage = true;  // pretend parse_header is static
  fns[1].usr = "header";
  fns[1].calls = {{"blank", 8, false}};
  fns[2].usr = "request";
  fns[2].calls = {{"header", 13, false}};
  FileFacts other = file("src/app/run.cpp", "");
  other.functions = {fn("run_all", 1, 3)};
  other.functions[0].calls = {{"header", 2, false}};
  r.files.push_back(other);
  FileFacts test = file("tests/test_blank.cpp", "", true);
  test.functions = {fn("probe", 1, 2)};
  test.functions[0].calls = {{"blank", 1, false}};
  r.files.push_back(test);
  p = plan_skeleton(r, task("src/net/http.cpp", "shop::net::(anonymous namespace)::blank"));
  REQUIRE(p.entry);
  CHECK(p.entry->name == "parse_request");
  CHECK(p.reach.find("calls it through `parse_header`") != std::string::npos);
  CHECK(p.reach.find("found by name") == std::string::npos);
}

TEST_CASE("test_skeleton: main, and an internal function nothing public calls, get no skeleton") {
  Report r = shop();
  FileFacts app = file("src/app/main.cpp", "int main() {\n  return 0;\n}\n");
  app.functions = {fn("main", 1, 3)};
  r.files.push_back(app);
  SkeletonPlan p = plan_skeleton(r, task("src/app/main.cpp", "main"));
  CHECK_FALSE(p.entry);
  CHECK(p.reach.find("`main` is the program's entry point") == 0);
  CHECK(p.reach.find("only be tested through the program") != std::string::npos);

  r.files[1].functions[0].usr = "blank";  // a call graph in which nothing calls it
  r.files[1].functions[0].internal_linkage = true;
  p = plan_skeleton(r, task("src/net/http.cpp", "shop::net::(anonymous namespace)::blank"));
  CHECK_FALSE(p.entry);
  CHECK(p.reach.find("no function a test can call calls it") != std::string::npos);
}

TEST_CASE("test_skeleton: a private member is reached through the class's public function") {
  Report r;
  r.files.push_back(
      file("util/histogram.h",
           "class EXPORT Histogram {\n public:\n  // Median() is private:\n"
           "  std::string ToString() const;\n\n private:\n  double Median() const;\n};\n"));
  FileFacts cc = file("util/histogram.cc",
                      "#include \"util/histogram.h\"\n"
                      "double Histogram::Median() const { return 1; }\n"
                      "std::string Histogram::ToString() const {\n"
                      "  return std::to_string(Median());\n"
                      "}\n");
  cc.functions = {fn("Histogram::Median", 2, 2), fn("Histogram::ToString", 3, 5)};
  r.files.push_back(cc);
  r.files.push_back(file("util/arena_test.cc", "#include \"util/arena.h\"\n", true));
  r.files.push_back(file("util/arena.h", ""));
  TestFramework fw{"googletest", "gtest/gtest.h", "e"};
  fw.include_roots = {{"", false, false, 9, true, "x"}};
  fw.include_tu = "util/arena_test.cc";
  fw.include_dirs = {""};
  r.test_framework = fw;
  SkeletonPlan p = plan_skeleton(r, task("util/histogram.cc", "Histogram::Median"));
  REQUIRE(p.entry);
  CHECK(p.entry->name == "ToString");
  CHECK(p.reach.find("is a private member of `Histogram`") != std::string::npos);
  CHECK(p.include == "util/histogram.h");          // from the repo root
  CHECK(p.test_file == "util/histogram_test.cc");  // <stem>_test beside the nearest test
}

TEST_CASE(
    "test_skeleton: the most specific root that reaches the header, else the build's, else "
    "relative") {
  Report r;
  for (const char* h : {"include/leveldb/env.h", "db/version_edit.h", "lib/x.h", "src/build.h"}) {
    r.files.push_back(file(h, "int f();\n"));
  }
  for (const char* cc :
       {"include/leveldb/env.cc", "db/version_edit.cc", "lib/x.cc", "src/build.cc"}) {
    FileFacts f = file(cc, "int f() {\n  return 1;\n}\n");
    f.functions = {fn("f", 1, 3)};
    r.files.push_back(f);
  }
  r.files.push_back(file("db/db_test.cc", "", true));
  TestFramework fw{"googletest", "gtest/gtest.h", "e"};
  fw.include_roots = {{"", false, false, 98, true, "a"},
                      {"include", false, false, 46, true, "b"},
                      {"lib", false, false, 3, false, "c"}};
  fw.include_tu = "db/db_test.cc";
  fw.include_dirs = {"", "include"};
  r.test_framework = fw;
  auto include_of = [&](const std::string& cc) { return plan_skeleton(r, task(cc, "f")).include; };
  CHECK(include_of("include/leveldb/env.cc") == "leveldb/env.h");  // "include" beats the root
  CHECK(include_of("db/version_edit.cc") == "db/version_edit.h");
  CHECK(include_of("lib/x.cc") == "lib/x.h");  // lib/ is not on the include path: the root is

  // Tests that include beside themselves (ninja's src/*_test.cc, no -I).
  fw.include_roots = {{"", true, false, 80, true, "src/build_log_test.cc:15"}};
  fw.include_dirs = {};
  r.test_framework = fw;
  r.files.push_back(file("src/build_log_test.cc", "", true));
  CHECK(include_of("src/build.cc") == "build.h");
  CHECK(include_of("lib/x.cc") == "../lib/x.h");  // nothing reaches lib/: relative to the test
}

TEST_CASE("test_skeleton: no address check where taking it would not compile") {
  Report r = shop();
  r.files[0].source += "int parse_request(const char* raw, int n);\n";  // an overload
  CHECK(
      plan_skeleton(r, task("src/net/http.cpp", "shop::net::parse_request")).address_check.empty());
  r = shop();
  r.files[0].source =
      "namespace shop::net {\ntemplate <typename T> class Box {\n public:\n"
      "  int parse_request(const char* raw);\n};\n}\n";
  r.files[1].functions[2].qualified_name = "shop::net::Box::parse_request";
  CHECK(plan_skeleton(r, task("src/net/http.cpp", "shop::net::Box::parse_request"))
            .address_check.empty());
}

TEST_CASE("test_skeleton: next --report reads the headers the target file includes") {
  Report r = shop();
  r.files[0].source.clear();
  CHECK(skeleton_reads(r, task("src/net/http.cpp", "shop::net::parse_request")) ==
        std::vector<std::string>{"src/net/http.h"});
}
