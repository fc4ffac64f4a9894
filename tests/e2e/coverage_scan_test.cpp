// Real coverage, made inside the test: a fixture compiled with --coverage,
// run, then reported by gcovr; stepup's numbers must equal gcovr's own.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/temp_repo.h"

using stepup::test::run;
using stepup::test::run_stepup;
using Json = nlohmann::json;
using Catch::Contains;

namespace {

// Hand-checked facts of this fixture are asserted below.
void write_fixture(const stepup::test::TempDir& repo) {
  repo.write("include/clamp.h",
             "#pragma once\n"
             "inline int clamp10(int v) {\n"
             "  if (v < 0) return 0;\n"
             "  if (v > 10) return 10;\n"
             "  return v;\n"
             "}\n");
  repo.write("src/main.cpp",
             "#include <stdexcept>\n"
             "#include \"clamp.h\"\n"
             "int never_called(int x) {\n"
             "  return x * 2;\n"
             "}\n"
             "int risky(int x) {\n"
             "  if (x > 5) throw std::runtime_error(\"big\");\n"
             "  return x;\n"
             "}\n"
             "int debug_only(int x) {  // GCOVR_EXCL_START\n"
             "  return x + 1;\n"
             "}  // GCOVR_EXCL_STOP\n"
             "int main() {\n"
             "  int s = 0;\n"
             "  for (int i = 0; i < 3; ++i) s += clamp10(i - 1);\n"
             "  try { risky(7); } catch (const std::exception&) { s++; }\n"
             "  return s == 2 ? 0 : 1;\n"
             "}\n");
}

struct Built {
  stepup::test::TempDir dir;
  std::string repo() const { return dir.path(); }
};

void build_and_run(const std::string& repo) {
  std::filesystem::create_directories(repo + "/build");
  run({"g++", "--coverage", "-O0", "-I" + repo + "/include", "-o", repo + "/build/app",
       repo + "/src/main.cpp"},
      repo + "/build");
  run({repo + "/build/app"}, repo + "/build");
}

const Json& file_in(const Json& report, const std::string& path) {
  for (const auto& f : report["files"]) {
    if (f["path"] == path) return f;
  }
  FAIL("no file " << path);
  throw;
}

const Json& function_in(const Json& file, const std::string& name) {
  for (const auto& fn : file["functions"]) {
    if (fn["name"] == name) return fn;
  }
  FAIL("no function " << name);
  throw;
}

// gcovr's own totals for the same data.
Json gcovr_summary(const std::string& repo) {
  run({"gcovr", "-r", repo, "--json-summary", "-o", repo + "/summary.json", repo + "/build"},
      repo + "/build");
  return Json::parse(stepup::test::read_text(repo + "/summary.json"));
}

void check_against_gcovr(const Json& report, const Json& summary) {
  for (const auto& s : summary["files"]) {
    INFO("file " << s["filename"]);
    const Json& c = file_in(report, s["filename"])["coverage"];
    CHECK(c["lines_total"] == s["line_total"]);
    CHECK(c["lines_covered"] == s["line_covered"]);
    // gcovr's summary counts exception-only branches too.
    CHECK(c["branches_total_with_exceptions"] == s["branch_total"]);
    CHECK(c["branches_covered_with_exceptions"] == s["branch_covered"]);
    // gcovr 5.2 keeps a function whose definition sits inside an
    // exclusion region in its function count; gcovr 6+ and stepup drop it
    // (debug_only in main.cpp, which never ran).
    int excluded = s["filename"] == "src/main.cpp" ? 1 : 0;
    CHECK(c["functions_total"] == s["function_total"].get<int>() - excluded);
    CHECK(c["functions_covered"] == s["function_covered"]);
  }
}

}  // namespace

TEST_CASE("gcovr JSON and --coverage-build give gcovr's own totals") {
  Built b;
  write_fixture(b.dir);
  build_and_run(b.repo());
  run({"gcovr", "-r", b.repo(), "--json", "-o", b.repo() + "/cov.json", b.repo() + "/build"},
      b.repo() + "/build");
  Json summary = gcovr_summary(b.repo());

  auto r = run_stepup({"scan", b.repo(), "-c", b.repo() + "/cov.json", "-o", b.repo() + "/out",
                       "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Json report = Json::parse(stepup::test::read_text(b.repo() + "/out/report.json"));
  check_against_gcovr(report, summary);

  // Hand-checked: never_called ran 0 times (1 line); the excluded function
  // is gone from the counts; clamp10's 3 calls cover lines 3, 4 and 5 but
  // not the "return 10" arm (v is -1, 0, 1).
  const Json& main_cpp = file_in(report, "src/main.cpp");
  CHECK(function_in(main_cpp, "never_called")["coverage"]["lines_covered"] == 0);
  CHECK(function_in(main_cpp, "never_called")["coverage"]["lines_total"] == 2);
  CHECK(function_in(main_cpp, "debug_only")["coverage"]["lines_total"] == 0);
  const Json& clamp = function_in(file_in(report, "include/clamp.h"), "clamp10");
  CHECK(clamp["coverage"]["lines_covered"] == clamp["coverage"]["lines_total"]);
  CHECK(report["summary"]["line_coverage"].get<double>() > 0.5);

  auto built = run_stepup({"scan", b.repo(), "--coverage-build", b.repo() + "/build", "-o",
                           b.repo() + "/out2", "--format", "json"});
  INFO(built.err);
  REQUIRE(built.exit_code == 0);
  Json report2 = Json::parse(stepup::test::read_text(b.repo() + "/out2/report.json"));
  check_against_gcovr(report2, summary);
  CHECK(report2["files"] == report["files"]);
}

TEST_CASE("a file absent from the coverage data has coverage null") {
  Built b;
  write_fixture(b.dir);
  b.dir.write("src/untested.cpp", "int untested() { return 1; }\n");
  build_and_run(b.repo());
  run({"gcovr", "-r", b.repo(), "--json", "-o", b.repo() + "/cov.json", b.repo() + "/build"},
      b.repo() + "/build");
  auto r = run_stepup({"scan", b.repo(), "-c", b.repo() + "/cov.json", "-o", b.repo() + "/out",
                       "--format", "json"});
  REQUIRE(r.exit_code == 0);
  Json report = Json::parse(stepup::test::read_text(b.repo() + "/out/report.json"));
  CHECK(file_in(report, "src/untested.cpp")["coverage"].is_null());
  CHECK(function_in(file_in(report, "src/untested.cpp"), "untested")["coverage"].is_null());
  CHECK_FALSE(file_in(report, "src/main.cpp")["coverage"].is_null());
}

TEST_CASE("unusable coverage input is exit 3 with no report written") {
  stepup::test::TempDir repo;
  repo.write("a.cc", "int a() { return 1; }\n");
  std::string out = repo.path() + "/out";
  auto expect_exit3 = [&](const std::vector<std::string>& extra, const std::string& message) {
    std::vector<std::string> args = {"scan", repo.path(), "-o", out};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_stepup(args);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Contains(message));
    CHECK_FALSE(std::filesystem::exists(out + "/report.json"));
  };
  std::string truncated = repo.write("t.json", "{\"gcovr/format_version\": \"0.3\", \"files\": [{");
  expect_exit3({"-c", truncated}, truncated + ":1:");
  std::string version = repo.write("v.json", "{\"gcovr/format_version\": \"9.1\", \"files\": []}");
  expect_exit3({"-c", version}, "supported: 0.2 to 0.14");
  expect_exit3({"-c", repo.path()}, "is a directory");
  expect_exit3({"-c", repo.path() + "/missing.info"}, "missing.info: cannot read");
  std::string text = repo.write("notes.txt", "hello\n");
  expect_exit3({"-c", text}, "not a coverage format stepup reads");

  // gcovr missing: exit 3 with an install hint.
  std::string path = getenv("PATH");
  setenv("PATH", "/nonexistent-bin", 1);
  auto r = run_stepup({"scan", repo.path(), "--coverage-build", repo.path(), "-o", out});
  setenv("PATH", path.c_str(), 1);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains("apt-get install gcovr"));
}

namespace {

// DA records of one SF in an lcov tracefile, merged over records, minus
// the lines an exclusion region covers: {total, covered}.
std::pair<int, int> lcov_da_totals(const std::string& info, const std::string& sf_suffix,
                                   int excl_first, int excl_last) {
  std::map<int, long> hits;
  bool in = false;
  std::istringstream lines(info);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("SF:", 0) == 0) {
      in = line.size() >= sf_suffix.size() &&
           line.compare(line.size() - sf_suffix.size(), sf_suffix.size(), sf_suffix) == 0;
    } else if (in && line.rfind("DA:", 0) == 0) {
      int n = std::stoi(line.substr(3));
      long h = std::stol(line.substr(line.find(',') + 1));
      if (n < excl_first || n > excl_last) hits[n] += h;
    }
  }
  int covered = 0;
  for (const auto& [n, h] : hits) covered += h > 0;
  return {static_cast<int>(hits.size()), covered};
}

}  // namespace

TEST_CASE("lcov --capture and gcovr's Cobertura give the formats' own line totals") {
  Built b;
  write_fixture(b.dir);
  build_and_run(b.repo());
  run({"lcov", "--quiet", "--capture", "--directory", b.repo() + "/build", "--output-file",
       b.repo() + "/cov.info", "--rc", "lcov_branch_coverage=1"},
      b.repo());
  run({"gcovr", "-r", b.repo(), "--xml-pretty", "-o", b.repo() + "/cov.xml", b.repo() + "/build"},
      b.repo() + "/build");
  Json summary = gcovr_summary(b.repo());
  std::string info = stepup::test::read_text(b.repo() + "/cov.info");

  auto r = run_stepup({"scan", b.repo(), "-c", b.repo() + "/cov.info", "-o", b.repo() + "/lcov",
                       "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Json lcov = Json::parse(stepup::test::read_text(b.repo() + "/lcov/report.json"));
  // The capture also names system headers (<stdexcept> and friends): they
  // are ignored with an info diagnostic, never mapped onto repo files.
  for (const auto& d : lcov["diagnostics"]) CHECK(d["level"] != "error");
  // main.cpp's GCOVR_EXCL_START..STOP (lines 10-12) applies to lcov data too.
  auto [main_total, main_covered] = lcov_da_totals(info, "/src/main.cpp", 10, 12);
  const Json& main_cov = file_in(lcov, "src/main.cpp")["coverage"];
  CHECK(main_cov["lines_total"] == main_total);
  CHECK(main_cov["lines_covered"] == main_covered);
  auto [h_total, h_covered] = lcov_da_totals(info, "/include/clamp.h", 0, 0);
  CHECK(file_in(lcov, "include/clamp.h")["coverage"]["lines_total"] == h_total);
  CHECK(file_in(lcov, "include/clamp.h")["coverage"]["lines_covered"] == h_covered);
  // gcovr and lcov read the same .gcda files: the line totals agree.
  for (const auto& s : summary["files"]) {
    CHECK(file_in(lcov, s["filename"])["coverage"]["lines_total"] == s["line_total"]);
  }

  auto x = run_stepup(
      {"scan", b.repo(), "-c", b.repo() + "/cov.xml", "-o", b.repo() + "/xml", "--format", "json"});
  INFO(x.err);
  REQUIRE(x.exit_code == 0);
  Json xml = Json::parse(stepup::test::read_text(b.repo() + "/xml/report.json"));
  for (const auto& s : summary["files"]) {
    INFO("file " << s["filename"]);
    const Json& c = file_in(xml, s["filename"])["coverage"];
    CHECK(c["lines_total"] == s["line_total"]);
    CHECK(c["lines_covered"] == s["line_covered"]);
  }
  // Several reports merge: hits add, totals stay those of the lines.
  auto both = run_stepup({"scan", b.repo(), "-c", b.repo() + "/cov.info", "-c",
                          b.repo() + "/cov.xml", "-o", b.repo() + "/both", "--format", "json"});
  REQUIRE(both.exit_code == 0);
  Json merged = Json::parse(stepup::test::read_text(b.repo() + "/both/report.json"));
  CHECK(file_in(merged, "src/main.cpp")["coverage"]["lines_total"] == main_total);
}

TEST_CASE("llvm-cov export from a clang build maps onto the repo with llvm-cov's totals") {
  Built b;
  write_fixture(b.dir);
  const std::string build = b.repo() + "/build";
  std::filesystem::create_directories(build);
  run({"clang++", "-fprofile-instr-generate", "-fcoverage-mapping", "-O0",
       "-I" + b.repo() + "/include", "-o", build + "/app", b.repo() + "/src/main.cpp"},
      build);
  run({"env", "LLVM_PROFILE_FILE=" + build + "/app.profraw", build + "/app"}, build);
  run({"llvm-profdata", "merge", "-o", build + "/app.profdata", build + "/app.profraw"}, build);
  std::string exported = run(
      {"llvm-cov", "export", build + "/app", "-instr-profile=" + build + "/app.profdata"}, build);
  stepup::test::TempDir out;
  std::string path = out.write("export.json", exported);
  auto r = run_stepup({"scan", b.repo(), "-c", path, "-o", out.path() + "/r", "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Json report = Json::parse(stepup::test::read_text(out.path() + "/r/report.json"));
  Json doc = Json::parse(exported);
  int checked = 0;
  for (const auto& f : doc["data"][0]["files"]) {
    std::string name = f["filename"];
    std::string rel = name.substr(b.repo().size() + 1);
    INFO("file " << rel);
    const Json& c = file_in(report, rel)["coverage"];
    // GCOVR_EXCL_START..STOP covers lines 10-12 of main.cpp; llvm-cov maps
    // all three (the "{", the return, and the "}" that closes the region).
    int excluded = rel == "src/main.cpp" ? 3 : 0;
    CHECK(c["lines_total"] == f["summary"]["lines"]["count"].get<int>() - excluded);
    ++checked;
  }
  CHECK(checked == 2);
  // never_called: its body never ran.
  CHECK(function_in(file_in(report, "src/main.cpp"), "never_called")["coverage"]["lines_covered"] ==
        0);
}

TEST_CASE("coverage of a line past the end of the file marks it stale, not a crash") {
  stepup::test::TempDir repo;
  repo.write("a.cc", "int a() {\n  return 1;\n}\n");
  std::string cov = repo.write(
      "cov.json", R"J({"gcovr/format_version": "0.3", "files": [{"file": "a.cc", "functions": [],
        "lines": [{"line_number": 2, "count": 1, "branches": []},
                  {"line_number": 40, "count": 0, "branches": []}]}]})J");
  auto r =
      run_stepup({"scan", repo.path(), "-c", cov, "-o", repo.path() + "/out", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  Json report = Json::parse(stepup::test::read_text(repo.path() + "/out/report.json"));
  bool said = false;
  for (const auto& d : report["diagnostics"]) {
    said |= d["path"] == "a.cc" && d["level"] == "warning" &&
            d["message"].get<std::string>().rfind(
                "stale coverage: the coverage data names line 40 but the file has 3 lines", 0) == 0;
  }
  CHECK(said);
  CHECK(file_in(report, "a.cc")["coverage"]["lines_total"] == 2);  // the format's own count
  CHECK(file_in(report, "a.cc")["coverage"]["stale"] == true);
}
