// Test support: real coverage data, made by compiling tests/fixtures/coverage
// with `g++ --coverage -O0` and running it, for the importer tests to read
// through lcov and gcovr.
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

/// line -> what follows "<key>: " in a fixture line's `//` comment, up to the
/// next "word:" or the end: the expectations written next to the code.
std::map<int, std::string> annotations(const std::string& text, const std::string& key);

}  // namespace stepup::test
