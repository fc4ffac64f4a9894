#include "rules/unbuilt_test.h"

#include <catch2/catch.hpp>

#include "tests/rules/signals.h"

using namespace stepup;
using namespace stepup::test;

namespace {

const RuleOptions kOpts = default_options(unbuilt_test_info());

FileFacts test_file(const std::string& path, bool built, int code_lines = 200) {
  FileFacts f = file(path, "tests");
  f.is_test = true;
  f.role = "test";
  f.built = built;
  f.code_lines = code_lines;
  return f;
}

}  // namespace

TEST_CASE("unbuilt-test: a test no build compiles is a task") {
  Report r = report({test_file("tests/db_test.cc", true), test_file("tests/log_test.cc", true),
                     test_file("tests/fault_injection_test.cc", false, 400)});
  auto c = unbuilt_test(r, kOpts);
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == "add-tests");
  CHECK(c[0].target.file == "tests/fault_injection_test.cc");
  // 30 + 70 * (1 - e^-(400 / 400)) = 30 + 70 * 0.6321 = 74.2 -> 74.
  CHECK(c[0].score == 74);
  CHECK(c[0].title ==
        "Build and run tests/fault_injection_test.cc again: no build target "
        "compiles it");
  CHECK(c[0].why[1] == "2 of the repository's 3 test files are built");
  CHECK(c[0].effort == "M");  // 400 lines
}

TEST_CASE(
    "unbuilt-test stays quiet on platform tests, without a database, or when most tests "
    "are unbuilt") {
  Report platform =
      report({test_file("tests/db_test.cc", true), test_file("tests/env_windows_test.cc", false),
              test_file("tests/PosixWin32Test.cc", false), test_file("tests/log_test.cc", true),
              test_file("tests/a_test.cc", true)});
  CHECK(unbuilt_test(platform, kOpts).empty());
  FileFacts no_db = test_file("tests/x_test.cc", true);
  no_db.built.reset();
  FileFacts no_db2 = no_db;
  no_db2.path = "tests/y_test.cc";
  CHECK(unbuilt_test(report({no_db, no_db2}), kOpts).empty());
  // 2 of 3 unbuilt: the database leaves tests out, not the build.
  Report partial = report({test_file("tests/a_test.cc", true), test_file("tests/b_test.cc", false),
                           test_file("tests/c_test.cc", false)});
  CHECK(unbuilt_test(partial, kOpts).empty());
}

TEST_CASE("names_platform reads whole words of a path") {
  CHECK(names_platform("util/env_windows_test.cc"));
  CHECK(names_platform("src/DarwinFileTest.cpp"));
  CHECK(names_platform("port/win/env_test.cc"));
  CHECK_FALSE(names_platform("tests/window_manager_test.cc"));  // "window" is not "windows"
  CHECK_FALSE(names_platform("tests/machine_test.cc"));
  CHECK_FALSE(names_platform("tests/db_test.cc"));
}

TEST_CASE("unbuilt-test skips fuzz targets and tests of code this build leaves out") {
  auto prod = [](const std::string& path, bool built) {
    FileFacts f = file(path, "src");
    f.built = built;
    return f;
  };
  std::vector<FileFacts> files = {test_file("tests/a_test.cc", true),
                                  test_file("tests/b_test.cc", true),
                                  test_file("tests/c_test.cc", true),
                                  test_file("misc/manifest_fuzzer.cc", false),
                                  test_file("src/includes_normalize_test.cc", false),
                                  prod("src/includes_normalize.h", false),
                                  prod("src/includes_normalize-win32.cc", false),
                                  test_file("src/status_test.cc", false),
                                  prod("src/status.h", true),
                                  prod("src/status_printer.cc", true)};
  auto c = unbuilt_test(report(files), kOpts);
  REQUIRE(c.size() == 1);  // the fuzzer and the Windows component's test are left out
  CHECK(c[0].target.file == "src/status_test.cc");
  CHECK(c[0].why[1] == "3 of the repository's 6 test files are built");
}

TEST_CASE("unbuilt-test makes one task of three or more unbuilt tests") {
  std::vector<FileFacts> files;
  for (int i = 0; i < 7; ++i)
    files.push_back(test_file("tests/t" + std::to_string(i) + "_test.cc", true));
  files.push_back(test_file("db/fault_injection_test.cc", false, 300));
  files.push_back(test_file("issues/issue178_test.cc", false, 100));
  files.push_back(test_file("util/env_test.cc", false, 200));
  auto c = unbuilt_test(report(files), kOpts);
  REQUIRE(c.size() == 1);
  CHECK(c[0].title ==
        "Build and run the 3 test files no build target compiles "
        "(db/fault_injection_test.cc and 2 more)");
  // 600 lines: 30 + 70 * (1 - e^-(600 / 400)) = 30 + 70 * 0.7769 = 84.4 -> 84.
  CHECK(c[0].score == 84);
  CHECK(c[0].target.file == "db/fault_injection_test.cc");  // the largest
  CHECK(c[0].why[0] ==
        "600 code lines of tests in 3 files that no entry of the compile database compiles and "
        "no compiled file includes: db/fault_injection_test.cc, util/env_test.cc, "
        "issues/issue178_test.cc");
  CHECK(c[0].effort == "M");
  CHECK_FALSE(c[0].newcomer_friendly);
}
