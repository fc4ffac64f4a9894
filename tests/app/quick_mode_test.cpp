// The quick mode in the pipeline: chosen when asked, or automatically when
// no compile database is found; said in a diagnostic and in signals.parse.
#include "app/quick_mode.h"

#include <catch2/catch.hpp>

#include "app/pipeline.h"
#include "tests/support/temp_repo.h"

using namespace stepup;

namespace {

Report scan(const std::string& repo, ParseMode mode) {
  SystemProcessRunner runner;
  ScanOptions options;
  options.repo = repo;
  options.jobs = 2;
  options.parse = mode;
  return run_scan(options, runner).report;
}

const FileFacts& file(const Report& r, const std::string& path) {
  for (const auto& f : r.files) {
    if (f.path == path) return f;
  }
  FAIL("no file " << path);
  throw;
}

void write_repo(test::TempDir& repo) {
  repo.write("include/util.h", "#pragma once\nint clamp(int v, int lo, int hi);\n");
  repo.write("src/util.cc",
             "#include \"util.h\"\n#include <cstdio>\n"
             "int clamp(int v, int lo, int hi) {\n"
             "  if (v < lo) return lo;\n"
             "  if (v > hi) { std::printf(\"high\"); return hi; }\n"
             "  return v;\n"
             "}\n");
}

}  // namespace

TEST_CASE("quick mode: automatic without a compile database, and said") {
  test::TempDir repo;
  write_repo(repo);
  Report r = scan(repo.path(), ParseMode::kAuto);
  CHECK(r.signals.parse == "quick");
  const FileFacts& util = file(r, "src/util.cc");
  REQUIRE(util.functions.size() == 1);
  CHECK(util.functions[0].cyclomatic == 3);
  CHECK(util.functions[0].params == 3);
  CHECK(util.functions[0].line == 3);
  CHECK(util.functions[0].end_line == 7);
  CHECK_FALSE(util.built.has_value());
  // Includes come from the text, resolved with the guessed include folders.
  REQUIRE(util.includes.size() == 2);
  CHECK(util.includes[0].path == "include/util.h");
  CHECK(util.includes[1].path == "");
  int warnings = 0;
  for (const auto& d : r.diagnostics) {
    if (d.source == "parse" && d.level == Diagnostic::Level::kWarning &&
        d.message.find("no compile_commands.json found") != std::string::npos &&
        d.message.find("quick mode") != std::string::npos) {
      ++warnings;
    }
  }
  CHECK(warnings == 1);
}

TEST_CASE("quick mode: a compile database keeps the semantic pass unless --quick") {
  test::TempDir repo;
  write_repo(repo);
  repo.write("compile_commands.json", "[{\"directory\": \"" + repo.path() +
                                          "\", \"file\": \"src/util.cc\", \"command\": \"c++ "
                                          "-std=c++17 -Iinclude -c src/util.cc\"}]");
  Report semantic = scan(repo.path(), ParseMode::kAuto);
  CHECK(semantic.signals.parse == "semantic");
  CHECK(file(semantic, "src/util.cc").functions[0].log_calls == 0);
  CHECK(file(semantic, "src/util.cc").built == std::optional<bool>(true));
  Report quick = scan(repo.path(), ParseMode::kQuick);
  CHECK(quick.signals.parse == "quick");
  CHECK(file(quick, "src/util.cc").functions[0].cyclomatic ==
        file(semantic, "src/util.cc").functions[0].cyclomatic);
  // Asked for, it is an info, not a warning.
  for (const auto& d : quick.diagnostics) CHECK(d.level != Diagnostic::Level::kWarning);
}

TEST_CASE("quick mode: rules that need log calls stay silent") {
  test::TempDir repo;
  std::string big;
  for (int i = 0; i < 60; ++i) {
    big += "int f" + std::to_string(i) + "(int a, int b) {\n  if (a > b) return a;\n";
    big += "  for (int i = 0; i < b; ++i) a += i;\n  return a;\n}\n";
  }
  for (int m = 0; m < 3; ++m) repo.write("svc" + std::to_string(m) + "/code.cc", big);
  repo.write("tool/main.cc", "int main() { return 0; }\n");  // a program: no library
  // Small modules and no history: let any score through.
  repo.write(".stepup.json", R"({"rules": {"uninstrumented-module": {"min_score": 0}}})");
  Report semantic = scan(repo.path(), ParseMode::kSemantic);
  Report quick = scan(repo.path(), ParseMode::kQuick);
  auto count = [](const Report& r, const std::string& rule) {
    int n = 0;
    for (const auto& c : r.candidates) n += c.rule == rule;
    return n;
  };
  // The semantic pass saw no log call and says so; quick mode cannot know.
  CHECK(count(semantic, "uninstrumented-module") > 0);
  CHECK(count(quick, "uninstrumented-module") == 0);
}
