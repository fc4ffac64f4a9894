// Test support: real coverage data. CoverageFixture compiles
// tests/fixtures/coverage with `g++ --coverage -O0` and runs it, for the
// importer tests to read through lcov and gcovr; built_fixture() builds a
// CMake fixture repository with coverage, runs its tests and gcovr, once for
// all the test processes of a run.
#pragma once

#include <map>
#include <string>

#include "tests/support/temp_repo.h"

namespace stepup::test {

/// tests/fixtures/coverage copied into a TempDir, built with --coverage and
/// run once, so its .gcda files hold the counts its comments predict.
class CoverageFixture {
 public:
  CoverageFixture();
  const std::string& dir() const { return tmp_.path(); }
  /// The text of one fixture source, as copied.
  std::string source(const std::string& rel) const;

 private:
  TempDir tmp_;
};

/// A fixture repository made by tests/fixtures/<name>/make-repo.sh,
/// configured by CMake (its compile database exported, `coverage_option`
/// ON), built, its tests run by ctest and gcovr's JSON written.
struct BuiltRepo {
  std::string repo;      ///< the git checkout
  std::string build;     ///< its build folder, repo/build (holds compile_commands.json)
  std::string coverage;  ///< gcovr's JSON over the test run, build/coverage.json
};

/// The fixture `name`, built on first use. It is kept under the build's
/// tests/fixture-cache, keyed by its make-repo.sh, the shared
/// tests/fixtures/lib and the source files its `inputs` file lists (one path
/// a line: tests/fixtures/shop names examples/), and a lock file makes test
/// processes that start together (ctest -j) build it once and share it.
/// `coverage_option` is its CMake switch for --coverage (the shop fixture's
/// SHOP_COVERAGE, the advice fixture's LEDGER_COVERAGE). Read-only for
/// callers: scan it, never write.
const BuiltRepo& built_fixture(const std::string& name, const std::string& coverage_option);

/// line -> what follows "<key>: " in a fixture line's `//` comment, up to the
/// next "word:" or the end: the expectations written next to the code.
std::map<int, std::string> annotations(const std::string& text, const std::string& key);

}  // namespace stepup::test
