#include "scanner/parse/test_framework.h"

#include <catch2/catch.hpp>
#include <set>

using namespace stepup;

namespace {

FileFacts file(const std::string& path, const std::string& text, bool test = false) {
  FileFacts f;
  f.path = path;
  f.is_test = test;
  f.role = test ? "test" : "production";
  f.source = text;
  return f;
}

/// A detection over files, with a database whose test TU has these -I
/// folders (none: no database) and these installed headers.
struct Run {
  std::vector<FileFacts> files;
  std::vector<std::string> include_dirs;  ///< absolute
  std::string tu;                         ///< repo-relative test TU; "" no database
  std::vector<std::string> extra_args;
  std::set<std::string> installed;

  TestFramework detect() const {
    CompileDatabase db;
    if (!tu.empty()) {
      CompileCommand cmd;
      cmd.file = "/repo/" + tu;
      cmd.directory = "/repo/build";
      cmd.args = {"g++"};
      for (const auto& d : include_dirs) cmd.args.push_back("-I" + d);
      cmd.args.insert(cmd.args.end(), extra_args.begin(), extra_args.end());
      db.commands.push_back(cmd);
    }
    TestFrameworkInput in;
    in.root = "/repo";
    in.files = &files;
    in.db = tu.empty() ? nullptr : &db;
    in.exists = [this](const std::string& p) { return installed.count(p) > 0; };
    return detect_test_framework(in);
  }
};

}  // namespace

TEST_CASE("include_lines reads quoted and angled includes with their lines") {
  auto lines = include_lines(
      "// #include \"commented.h\" is not read\n"
      "#include \"a/b.h\"\n"
      "  #  include <gtest/gtest.h>  // trailing\n"
      "#define X 1\n"
      "#include MACRO_HEADER\n"
      "#include <>\n"
      "#include \"c.h\"");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].line == 2);
  CHECK(lines[0].spelled == "a/b.h");
  CHECK_FALSE(lines[0].angled);
  CHECK(lines[1].line == 3);
  CHECK(lines[1].spelled == "gtest/gtest.h");
  CHECK(lines[1].angled);
  CHECK(lines[2].line == 7);  // the last line has no newline
}

TEST_CASE("test_framework: each framework is recognised by the header its tests include") {
  struct Case {
    std::string include, name, header;
  };
  for (const Case& c :
       {Case{"\"gtest/gtest.h\"", "googletest", "gtest/gtest.h"},
        Case{"<gmock/gmock.h>", "googletest", "gmock/gmock.h"},
        Case{"<catch2/catch_test_macros.hpp>", "catch2-v3", "catch2/catch_test_macros.hpp"},
        Case{"<catch2/catch_all.hpp>", "catch2-v3", "catch2/catch_all.hpp"},
        Case{"<catch2/catch.hpp>", "catch2-v2", "catch2/catch.hpp"},
        Case{"\"catch.hpp\"", "catch2-v2", "catch.hpp"},
        Case{"<doctest/doctest.h>", "doctest", "doctest/doctest.h"},
        Case{"<boost/test/unit_test.hpp>", "boost-test", "boost/test/unit_test.hpp"}}) {
    Run run;
    run.files = {file("tests/a_test.cpp", "#include <vector>\n#include " + c.include + "\n", true)};
    TestFramework t = run.detect();
    INFO(c.include);
    CHECK(t.name == c.name);
    CHECK(t.header == c.header);
    CHECK(t.header_angled == (c.include[0] == '<'));
    CHECK_FALSE(t.assumed);
    CHECK(t.evidence ==
          "tests/a_test.cpp:2 includes " + c.include + " (1 of 1 test files reach it)");
  }
}

TEST_CASE("test_framework: a framework reached through a test header, and the majority wins") {
  Run run;
  run.files = {file("src/test.h", "#pragma once\n#include <gtest/gtest.h>\n", true),
               file("src/a_test.cc", "#include \"a.h\"\n#include \"test.h\"\n", true),
               file("src/b_test.cc", "#include \"test.h\"\n", true),
               file("src/c_test.cc", "#include <doctest/doctest.h>\n", true),
               file("src/a.h", "int a();\n"),
               file("src/a.cc", "#include \"a.h\"\n")};
  TestFramework t = run.detect();
  CHECK(t.name == "googletest");
  CHECK(t.header == "gtest/gtest.h");
  // The first test file that reaches it, through the test header; the test
  // header itself is not counted as a test file.
  CHECK(t.evidence ==
        "src/a_test.cc:2 includes \"test.h\", src/test.h:2 includes <gtest/gtest.h> "
        "(2 of 3 test files reach it); 1 reach doctest");
}

TEST_CASE("test_framework: a build flag names it when no include does") {
  Run run;
  run.files = {file("tests/a_test.cc", "#include \"harness.h\"\n", true)};
  run.tu = "tests/a_test.cc";
  run.extra_args = {"-DGTEST_HAS_PTHREAD=1"};
  TestFramework t = run.detect();
  CHECK(t.name == "googletest");
  CHECK(t.header == "gtest/gtest.h");
  CHECK(t.evidence ==
        "compile database: tests/a_test.cc is compiled with -DGTEST_HAS_PTHREAD=1; no test file "
        "includes the framework's header");
}

TEST_CASE("test_framework: with no known framework, Catch2 v3 unless only v2 is installed") {
  Run run;
  run.files = {file("tests/test_main.cpp", "#include \"check.h\"\nint main() {}\n", true),
               file("tests/check.h", "#define CHECK(x) x\n", true)};
  TestFramework none = run.detect();
  CHECK(none.assumed);
  CHECK(none.name == "catch2-v3");
  CHECK(none.header == "catch2/catch_test_macros.hpp");
  CHECK(none.evidence ==
        "no test file (1 in all) includes googletest, Catch2, doctest or Boost.Test, directly or "
        "through a repo header; the skeleton uses Catch2 v3 (not installed here)");

  run.installed = {"/usr/include/catch2/catch.hpp"};
  TestFramework v2 = run.detect();
  CHECK(v2.name == "catch2-v2");
  CHECK(v2.header == "catch2/catch.hpp");
  CHECK(v2.evidence.find("Catch2 v2, the Catch2 installed here (/usr/include/catch2/catch.hpp; "
                         "no Catch2 v3)") != std::string::npos);

  run.installed.insert("/usr/local/include/catch2/catch_test_macros.hpp");
  CHECK(run.detect().name == "catch2-v3");  // v3 wins when both are there

  // A Catch2 v3 only the test TU's include folder reaches counts too.
  run.installed = {"/opt/catch/include/catch2/catch_test_macros.hpp",
                   "/usr/include/catch2/catch.hpp"};
  run.tu = "tests/test_main.cpp";
  run.include_dirs = {"/opt/catch/include"};
  CHECK(run.detect().name == "catch2-v3");
}

TEST_CASE("test_framework: the folders tests write include paths from, checked against -I") {
  Run run;
  run.files = {file("tests/test_util.cpp",
                    "#include \"check.h\"\n#include \"util/strings.h\"\n#include <vector>\n"
                    "#include \"shop/money.h\"\n",
                    true),
               file("tests/test_net.cpp",
                    "#include \"check.h\"\n#include \"net/http.h\"\n#include \"gone.h\"\n", true),
               file("tests/check.h", "", true),
               file("src/util/strings.h", ""),
               file("src/net/http.h", ""),
               file("include/shop/money.h", "")};
  run.tu = "tests/test_util.cpp";
  run.include_dirs = {"/repo/include", "/repo/./src/", "/usr/include/x"};
  TestFramework t = run.detect();
  CHECK(t.include_tu == "tests/test_util.cpp");
  CHECK(t.include_dirs == std::vector<std::string>{"include", "src"});  // outside ones left out
  REQUIRE(t.include_roots.size() == 3);
  CHECK(t.include_roots[0].dir == "src");  // "util/strings.h", "net/http.h"
  CHECK(t.include_roots[0].uses == 2);
  CHECK(t.include_roots[0].on_include_path);
  CHECK(t.include_roots[0].example == "tests/test_util.cpp:2 includes \"util/strings.h\"");
  CHECK(t.include_roots[1].relative);  // "check.h" beside the tests
  CHECK(t.include_roots[1].uses == 2);
  CHECK(t.include_roots[2].dir == "include");
  CHECK(t.include_roots[2].uses == 1);

  // Without a database the roots are learned from the paths alone, unchecked.
  run.tu.clear();
  TestFramework unchecked = run.detect();
  CHECK(unchecked.include_tu.empty());
  REQUIRE(unchecked.include_roots.size() == 3);
  CHECK(unchecked.include_roots[0].dir == "src");
  CHECK_FALSE(unchecked.include_roots[0].on_include_path);
}

TEST_CASE("test_framework: a root the test build does not put on its include path is marked") {
  Run run;
  run.files = {file("tests/a_test.cc", "#include \"util/x.h\"\n", true), file("lib/util/x.h", "")};
  run.tu = "tests/a_test.cc";
  run.include_dirs = {"/repo/src"};
  TestFramework t = run.detect();
  REQUIRE(t.include_roots.size() == 1);
  CHECK(t.include_roots[0].dir == "lib");
  CHECK_FALSE(t.include_roots[0].on_include_path);
}
