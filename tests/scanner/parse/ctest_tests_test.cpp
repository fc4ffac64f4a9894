// scanner/parse/ctest_tests: CTestTestfile.cmake as CMake writes it, and the
// files a build compiles only into its test programs. The last case runs
// the real cmake on a small project, so the files are CMake's own.
#include "scanner/parse/ctest_tests.h"

#include <catch2/catch.hpp>

#include "app/pipeline.h"
#include "scanner/common/process.h"
#include "tests/support/temp_repo.h"

namespace stepup::test {
namespace {

CompileCommand command(const std::string& file, const std::string& output) {
  CompileCommand c;
  c.file = file;
  c.directory = "/p/build";
  c.output = output;
  return c;
}

}  // namespace

TEST_CASE("CTestTestfile.cmake: CMake's quoting, every configuration, subdirs", "[ctest]") {
  CTestFile f = parse_ctest_file(
      "# CMake generated Testfile for \n"
      "add_test(xmltest \"/p/build/xmltest\")\n"
      "set_tests_properties(xmltest PROPERTIES  WORKING_DIRECTORY \"/p\")\n"
      "add_test([=[unit tests]=] \"/p/build/a dir/unit_tests\" \"--gtest_filter=*\" "
      "[==[raw ]=] still]==])\n"
      "if(CTEST_CONFIGURATION_TYPE MATCHES \"^([Dd][Ee][Bb][Uu][Gg])$\")\n"
      "  add_test(cfg \"/p/build/Debug/cfg_test.exe\")\n"
      "else()\n"
      "  add_test(cfg NOT_AVAILABLE)\n"
      "endif()\n"
      "ADD_TEST(esc \"/p/build/with\\\"quote\")  # a comment (with parens)\n"
      "subdirs(\"test\")\n"
      "subdirs(\"/abs/other\")\n");
  REQUIRE(f.tests.size() == 4);
  CHECK(f.tests[0].name == "xmltest");
  CHECK(f.tests[0].program == "/p/build/xmltest");
  CHECK(f.tests[1].name == "unit tests");
  CHECK(f.tests[1].program == "/p/build/a dir/unit_tests");
  CHECK(f.tests[2].program == "/p/build/Debug/cfg_test.exe");
  CHECK(f.tests[3].program == "/p/build/with\"quote");
  CHECK(f.subdirs == std::vector<std::string>{"test", "/abs/other"});
}

TEST_CASE("CTestTestfile.cmake cut off keeps what came before", "[ctest]") {
  CTestFile f = parse_ctest_file("add_test(a \"/b/a_test\")\nadd_test(c \"/b/c_te");
  REQUIRE(f.tests.size() == 1);
  CHECK(f.tests[0].program == "/b/a_test");
  CHECK(parse_ctest_file("").tests.empty());
  CHECK(parse_ctest_file("add_test([=[x]=").tests.empty());
}

TEST_CASE("a test program's own files are tests, shared and application code are not", "[ctest]") {
  CompileDatabase db;
  db.commands = {
      command("/p/xmltest.cpp", "CMakeFiles/xmltest.dir/xmltest.cpp.o"),
      // Library code compiled straight into the test program too.
      command("/p/lib.cpp", "CMakeFiles/xmltest.dir/lib.cpp.o"),
      command("/p/lib.cpp", "CMakeFiles/xml.dir/lib.cpp.o"),
      // Compiled only into the test program, but its name does not say test.
      command("/p/src/parser.cpp", "CMakeFiles/xmltest.dir/src/parser.cpp.o"),
      // An application CTest runs as a smoke test: its name says no test.
      command("/p/app/main_test_driver.cpp", "app/CMakeFiles/app.dir/main_test_driver.cpp.o"),
      // Not a CTest program.
      command("/p/tools/fuzzytest.cpp", "CMakeFiles/fuzzytest.dir/fuzzytest.cpp.o"),
      // In a sub-folder's build, Windows separators, no -o at all.
      command("/p/sub/SuiteTest.cpp", "sub\\CMakeFiles\\SuiteTest.dir\\SuiteTest.cpp.obj"),
      command("/p/other_test.cpp", ""),
      command("/elsewhere/x_test.cpp", "CMakeFiles/xmltest.dir/x_test.cpp.o"),
  };
  std::vector<CTestTest> tests = {{"xmltest", "/p/build/xmltest"},
                                  {"smoke", "/p/build/app/app"},
                                  {"suite", "C:\\b\\sub\\SuiteTest.exe"}};
  auto files = files_of_test_programs(db, tests, "/p");
  CHECK(files ==
        std::map<std::string, std::string>{{"xmltest.cpp", "build: CTest runs xmltest"},
                                           {"sub/SuiteTest.cpp", "build: CTest runs SuiteTest"}});
}

TEST_CASE("the roles of a real CMake build's test program", "[ctest][e2e]") {
  TempDir dir;
  dir.write("CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.16)\nproject(t CXX)\n"
            "set(CMAKE_EXPORT_COMPILE_COMMANDS ON)\nenable_testing()\n"
            "add_library(xml xml.cpp)\n"
            "add_executable(xmltool tool.cpp)\ntarget_link_libraries(xmltool xml)\n"
            "add_executable(xmltest xmltest.cpp)\ntarget_link_libraries(xmltest xml)\n"
            "add_test(NAME xmltest COMMAND xmltest)\n"
            "add_test(NAME smoke COMMAND xmltool --help)\n"
            "add_subdirectory(more)\n");
  dir.write("more/CMakeLists.txt",
            "add_executable(checks checktest.cpp)\nadd_test(NAME checks COMMAND checks)\n"
            "add_executable(parsertest parsertest.cpp)\n"
            "add_test(NAME parser COMMAND parsertest)\n");
  dir.write("xml.cpp", "int parse(int x) { return x > 0 ? x : -x; }\n");
  dir.write("tool.cpp", "int parse(int);\nint main(int argc, char**) { return parse(argc); }\n");
  dir.write("xmltest.cpp", "int parse(int);\nint main() { return parse(1) == 1 ? 0 : 1; }\n");
  dir.write("more/checktest.cpp", "int main() { return 0; }\n");
  dir.write("more/parsertest.cpp", "int main() { return 0; }\n");
  SystemProcessRunner runner;
  ProcessResult r = runner.run({"cmake", "-S", dir.path(), "-B", dir.path() + "/build"}, ".");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);

  ScanOptions options;
  options.repo = dir.path();
  ScanResult result = run_scan(options, runner);
  std::map<std::string, std::string> roles;
  for (const FileFacts& f : result.report.files) roles[f.path] = f.role + " / " + f.role_rule;
  CHECK(roles["xmltest.cpp"] == "test / build: CTest runs xmltest");
  CHECK(roles["more/parsertest.cpp"] == "test / build: CTest runs parsertest");
  // checks' target name says no test, tool.cpp's program runs as a smoke test.
  CHECK(roles["more/checktest.cpp"] == "production / default");
  CHECK(roles["tool.cpp"] == "production / default");
  CHECK(roles["xml.cpp"] == "production / default");
}

}  // namespace stepup::test
