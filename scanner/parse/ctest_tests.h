// The programs CTest runs, read from a CMake build's CTestTestfile.cmake
// files, and the repository files a build compiles into those programs: a
// test named like nothing in the `tests` patterns (tinyxml2's xmltest.cpp)
// is still a test when the build says so (docs/roles.md).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/report.h"
#include "scanner/parse/compile_db.h"

namespace stepup {

/// One add_test() of a CTestTestfile.cmake: the test's name and the program
/// it starts, as CMake wrote it (an absolute path; "NOT_AVAILABLE" for a
/// configuration that does not build it).
struct CTestTest {
  std::string name;
  std::string program;
};

/// What one CTestTestfile.cmake declares: its add_test() commands (every
/// branch of a multi-configuration if(), since any of them may run) and the
/// folders its subdirs() names, relative to it or absolute.
struct CTestFile {
  std::vector<CTestTest> tests;
  std::vector<std::string> subdirs;
};

/// Parses the text CMake writes (`add_test(name "/path/prog" args...)`,
/// `add_test([=[name]=] ...)`, `subdirs("dir")`), with CMake's quoting:
/// quoted arguments with backslash escapes, bracket arguments, unquoted
/// words, `#` comments. Lenient: other commands are skipped, and an
/// unterminated command ends the file (what came before it is kept).
CTestFile parse_ctest_file(std::string_view text);

/// Every test of a build, read from build_dir/CTestTestfile.cmake and the
/// subdirs() it names, each folder once; empty when build_dir has none.
std::vector<CTestTest> read_ctest_tests(const std::string& build_dir);

/// The repository files (relative to root, '/'-separated) that are a test
/// program's own: every command compiling the file builds it into a CTest
/// program whose target says it is a test ("xmltest", "unit_tests",
/// "FooTest": it contains "test", any case), and the file's name says so
/// too. Each maps to its rule ("build: CTest runs xmltest"). A source's
/// target is read from its object file's folder, `CMakeFiles/<target>.dir/`,
/// which CMake's Makefile and Ninja generators write. So an application run
/// as a smoke test marks nothing, and neither does library code compiled
/// straight into a test program (`src/parser.cpp` in `unit_tests`).
std::map<std::string, std::string> files_of_test_programs(const CompileDatabase& db,
                                                          const std::vector<CTestTest>& tests,
                                                          const std::string& root);

}  // namespace stepup
