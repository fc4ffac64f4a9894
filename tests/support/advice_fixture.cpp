#include "tests/support/advice_fixture.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "tests/support/temp_repo.h"

namespace stepup::test::advice {

const stepup::test::BuiltRepo& fixture() {
  return stepup::test::built_fixture("advice", "LEDGER_COVERAGE");
}

/// The fixture scanned once, with gcovr's coverage and its git history.
const Json& report() {
  static const Json scanned = [] {
    const stepup::test::BuiltRepo& b = fixture();
    static stepup::test::TempDir out;
    auto r = stepup::test::run_stepup({"scan", b.repo, "-p", b.build, "-c", b.coverage, "-o",
                                       out.path(), "--format", "json", "-j", "2"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return Json::parse(read_text(out.path() + "/report.json"));
  }();
  return scanned;
}

std::string source(const std::string& rel) { return read_text(fixture().repo + "/" + rel); }

/// The lines of rel whose trailing comment reads "<key>: ...".
std::vector<int> marked(const std::string& rel, const std::string& key) {
  std::vector<int> lines;
  for (const auto& [line, text] : stepup::test::annotations(source(rel), key)) {
    lines.push_back(line);
  }
  return lines;
}

/// The one line of rel that contains text.
int line_of(const std::string& rel, const std::string& text) {
  std::istringstream in(source(rel));
  std::string line;
  int found = 0;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find(text) == std::string::npos) continue;
    INFO(rel << ": \"" << text << "\" on lines " << found << " and " << n);
    REQUIRE(found == 0);
    found = n;
  }
  INFO(rel << ": no line holds \"" << text << "\"");
  REQUIRE(found > 0);
  return found;
}

const Json* file_of(const std::string& path) {
  for (const Json& f : report()["files"]) {
    if (f["path"] == path) return &f;
  }
  return nullptr;
}

/// The function of path whose extent holds line (the innermost one).
const Json* function_around(const std::string& path, int line) {
  const Json* file = file_of(path);
  if (file == nullptr) return nullptr;
  const Json* best = nullptr;
  for (const Json& fn : (*file)["functions"]) {
    if (fn["line"].get<int>() <= line && line <= fn["end_line"].get<int>() &&
        (best == nullptr || fn["line"].get<int>() >= (*best)["line"].get<int>())) {
      best = &fn;
    }
  }
  return best;
}

/// The role each fixture file has (README.md, "Roles"), by hand.
std::string expected_role(const std::string& path) {
  if (path.rfind("tests/", 0) == 0) return "test";
  if (path == "src/util/testutil.h" || path == "src/util/testutil.cc" ||
      path == "src/net/server_mock.h") {
    return "test-support";
  }
  if (path.rfind("bench/", 0) == 0) return "benchmark";
  if (path.rfind("src/wire/", 0) == 0) return "generated";
  return "production";
}

/// (path, line) of every finding of one kind, in the whole report.
std::vector<std::pair<std::string, int>> findings_of(const std::string& kind) {
  std::vector<std::pair<std::string, int>> out;
  for (const Json& f : report()["files"]) {
    for (const Json& fn : f["functions"]) {
      for (const Json& x : fn["findings"]) {
        if (x["kind"] == kind) out.emplace_back(f["path"], x["line"].get<int>());
      }
    }
  }
  return out;
}

std::string describe(const std::vector<std::pair<std::string, int>>& at) {
  std::string s;
  for (const auto& [path, line] : at) s += " " + path + ":" + std::to_string(line);
  return s.empty() ? " none" : s;
}

std::vector<const Json*> candidates_where(const std::string& key, const std::string& value) {
  std::vector<const Json*> out;
  for (const Json& c : report()["candidates"]) {
    if (c[key] == value) out.push_back(&c);
  }
  return out;
}

std::string file_or_empty(const Json& c) {
  return c["target"]["file"].is_string() ? c["target"]["file"].get<std::string>() : "";
}

}  // namespace stepup::test::advice
