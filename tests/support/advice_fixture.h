// The advice fixture (tests/fixtures/advice/make-repo.sh), built, tested
// with coverage and scanned once per test process, and helpers that read
// its source and report. Shared by tests/e2e/advice_test.cpp and
// tests/e2e/advice_history_test.cpp.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/coverage_fixture.h"

namespace stepup::test::advice {

using Json = nlohmann::json;

/// The fixture, built once per run (built_fixture).
const BuiltRepo& fixture();

/// The fixture scanned once, with gcovr's coverage and its git history.
const Json& report();

/// The text of a fixture file.
std::string source(const std::string& rel);

/// The lines of rel whose trailing comment reads "<key>: ...".
std::vector<int> marked(const std::string& rel, const std::string& key);

/// The one line of rel that contains text (the test fails on none or two).
int line_of(const std::string& rel, const std::string& text);

/// The report's entry for a file, or null.
const Json* file_of(const std::string& path);

/// The function of path whose extent holds line (the innermost one).
const Json* function_around(const std::string& path, int line);

/// The role each fixture file has (README.md, "Roles"), by hand.
std::string expected_role(const std::string& path);

/// (path, line) of every finding of one kind, in the whole report.
std::vector<std::pair<std::string, int>> findings_of(const std::string& kind);

/// " path:line path:line", or " none".
std::string describe(const std::vector<std::pair<std::string, int>>& at);

/// The candidates whose key equals value.
std::vector<const Json*> candidates_where(const std::string& key, const std::string& value);

/// A candidate's target file, or "".
std::string file_or_empty(const Json& c);

}  // namespace stepup::test::advice
