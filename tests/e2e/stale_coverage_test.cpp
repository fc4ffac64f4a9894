// Kind 6 of issue 14, end to end: coverage built, then a function added
// without rebuilding. The old data would put main's hits on the new lines
// and the patch gate would pass; it must fail and say the data is stale.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support/temp_repo.h"

using namespace stepup::test;
using stepup::ProcessResult;
using Json = nlohmann::json;
using Catch::Contains;

namespace {

namespace fs = std::filesystem;

const char* kBuilt =
    "int risky(int x) {\n"                             // 1
    "  return x * 2;\n"                                // 2
    "}\n"                                              // 3
    "int main() { return risky(3) == 6 ? 0 : 1; }\n";  // 4

// A function slipped in above main: the coverage data's line 4 (main, run
// once) now lands on `fresh`, which never ran.
const char* kEdited =
    "int risky(int x) {\n"                             // 1
    "  return x * 2;\n"                                // 2
    "}\n"                                              // 3
    "int fresh(int x) {\n"                             // 4  new
    "  return x + 1;\n"                                // 5  new
    "}\n"                                              // 6  new
    "int main() { return risky(3) == 6 ? 0 : 1; }\n";  // 7

struct Edited {
  TempDir repo;
  std::string build = repo.path() + "/build";
  std::string cov = repo.path() + "/cov.json";
  Edited() {
    repo.write("src/calc.cpp", kBuilt);
    git_commit_all(repo.path(), "calc");
    fs::create_directories(build);
    run({"g++", "--coverage", "-O0", "-o", build + "/calc", repo.path() + "/src/calc.cpp"}, build);
    run({build + "/calc"}, build);
    run({"gcovr", "--root", repo.path(), build, "--json", "-o", cov}, repo.path());
    std::string src = repo.write("src/calc.cpp", kEdited);
    // Edited after the build, as a developer would: a second later at least.
    fs::last_write_time(src, fs::file_time_type::clock::now() + std::chrono::seconds(2));
  }
  ProcessResult scan(const std::vector<std::string>& coverage) const {
    std::vector<std::string> args = {
        "scan", repo.path(),   "-o",   repo.path() + "/out", "-j",
        "1",    "--diff-base", "HEAD", "--fail-on",          "patch-coverage<0.8"};
    args.insert(args.end(), coverage.begin(), coverage.end());
    return run_stepup(args);
  }
  void check(const ProcessResult& r) const {
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("gate FAILED: patch-coverage<0.8") &&
                          Contains("the coverage of src/calc.cpp is older than the source"));
    CHECK_THAT(r.err, Contains("warning: coverage: src/calc.cpp: stale coverage:"));
    Json rep = Json::parse(read_text(repo.path() + "/out/report.json"));
    CHECK(rep["files"][0]["coverage"]["stale"] == true);
    const Json& p = rep["patch"];
    CHECK(p["stale_files"] == Json::array({"src/calc.cpp"}));
    CHECK(p["executable_lines"] == 3);  // lines 4-6 are code; none counts as covered
    CHECK(p["lines_covered"] == 0);
    CHECK(p["line_coverage"] == 0.0);
  }
};

}  // namespace

TEST_CASE("stale coverage: --coverage-build older than the source fails the patch gate") {
  Edited e;
  e.check(e.scan({"--coverage-build", e.build}));
}

TEST_CASE("stale coverage: a -c file older than a changed source fails the patch gate") {
  Edited e;
  e.check(e.scan({"-c", e.cov}));
}

TEST_CASE("stale coverage: data on a line that now holds no code is stale, whatever the times") {
  Edited e;
  // Comments pushed main one line down; the file and the data keep their
  // times (as a checkout would give them), but line 4 is now a comment.
  std::string src = e.repo.write("src/calc.cpp",
                                 "int risky(int x) {\n  return x * 2;\n}\n// moved\n"
                                 "int main() { return risky(3) == 6 ? 0 : 1; }\n");
  fs::last_write_time(src, fs::last_write_time(e.cov) - std::chrono::seconds(60));
  ProcessResult r = e.scan({"-c", e.cov});
  INFO(r.err);
  CHECK_THAT(r.err, Contains("the coverage data counts line 4, which now holds no code"));
  Json rep = Json::parse(read_text(e.repo.path() + "/out/report.json"));
  CHECK(rep["files"][0]["coverage"]["stale"] == true);
}

TEST_CASE("fresh coverage is not stale: the same gate passes once rebuilt") {
  Edited e;
  fs::last_write_time(e.repo.path() + "/src/calc.cpp",
                      fs::file_time_type::clock::now() - std::chrono::seconds(10));
  run({"g++", "--coverage", "-O0", "-o", e.build + "/calc", e.repo.path() + "/src/calc.cpp"},
      e.build);
  run({e.build + "/calc"}, e.build);
  // Nothing was said about staleness, and the new function's lines really
  // are uncovered now: the gate fails for that reason only.
  ProcessResult r = e.scan({"--coverage-build", e.build});
  INFO(r.err);
  CHECK(r.err.find("stale") == std::string::npos);
  Json rep = Json::parse(read_text(e.repo.path() + "/out/report.json"));
  CHECK(rep["files"][0]["coverage"]["stale"] == false);
  CHECK(rep["patch"]["stale_files"].empty());
}
