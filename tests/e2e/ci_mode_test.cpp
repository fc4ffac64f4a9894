// CI mode on scripted repos: the --fail-on gate, --baseline statuses and
// --diff-base patch coverage, with real coverage from g++ --coverage + gcovr.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "scanner/common/process.h"
#include "tests/support/temp_repo.h"

using namespace stepup::test;
using stepup::ProcessResult;
using Json = nlohmann::json;
using Catch::Contains;

namespace {

// A function with `blocks` nested if-triples: cognitive complexity 6 per block.
std::string tangle(const std::string& name, int blocks) {
  std::string body = "int " + name + "(int a, int b, int c) {\n  int r = 0;\n";
  for (int i = 0; i < blocks; ++i) {
    std::string n = std::to_string(i);
    body += "  if (a > " + n + ") {\n    if (b > " + n + ") {\n      if (c > " + n +
            ") r++;\n    }\n  }\n";
  }
  return body + "  return r;\n}\n";
}

Json report_of(const std::string& dir) { return Json::parse(read_text(dir + "/report.json")); }

const Json* candidate_for(const Json& report, const std::string& function) {
  for (const auto& c : report["candidates"]) {
    if (c["rule"] == "complex-function" && c["target"]["function"] == function) return &c;
  }
  return nullptr;
}

// Commit 1 (base): calc.cpp with `risky`, and two tangles of 3 blocks.
// Commit 2 (head): `risky` gains a branch (lines 4-6 new), a new never-run
// function `fresh` is appended, tangle_a grows to 5 blocks, tangle_b goes,
// tangle_c arrives, and src/extra.cpp (never compiled) is added.
struct TwoCommits {
  TempDir repo;
  TwoCommits() {
    repo.write("src/calc.cpp",
               "int risky(int x) {\n"  // 1
               "  return x * 2;\n"     // 2
               "}\n"                   // 3
               "int main() { return risky(3) == 6 ? 0 : 1; }\n");
    repo.write("src/tangles.cpp", tangle("tangle_a", 3) + tangle("tangle_b", 3));
    // Two commits are all this history has: let refactors fire without the
    // churn complex-function asks for by default.
    repo.write(".stepup.json", R"({"rules": {"complex-function": {"min_commits": 0}}})");
    git_commit_all(repo.path(), "base", "2026-01-10T10:00:00+00:00");
    repo.write("src/calc.cpp",
               "int risky(int x) {\n"  // 1
               "  return x * 2;\n"     // 2
               "}\n"                   // 3
               "int fresh(int x) {\n"  // 4  new, never run
               "  return x + 1;\n"     // 5  new, never run
               "}\n"                   // 6  new
               "int main() { return risky(3) == 6 ? 0 : 1; }\n");
    repo.write("src/tangles.cpp", tangle("tangle_a", 5) + tangle("tangle_c", 3));
    repo.write("src/extra.cpp", "int extra() { return 1; }\n");
    git_commit_all(repo.path(), "head", "2026-01-11T10:00:00+00:00");
  }
  std::string path() const { return repo.path(); }
  // Coverage of HEAD: calc.cpp compiled with --coverage and run once.
  std::string coverage() const {
    std::string build = repo.path() + "/build";
    std::filesystem::create_directories(build);
    run({"g++", "--coverage", "-O0", "-o", build + "/calc", repo.path() + "/src/calc.cpp"}, build);
    run({build + "/calc"}, build);
    std::string out = repo.path() + "/cov.json";
    run({"gcovr", "--root", repo.path(), "--json", out, build}, repo.path());
    return out;
  }
};

}  // namespace

TEST_CASE("ci: patch mode reports coverage of the changed lines and names uncovered files") {
  TwoCommits t;
  std::string cov = t.coverage();
  std::string out = t.path() + "/out";
  ProcessResult r = run_stepup({"scan", t.path(), "-c", cov, "-o", out, "-j", "1", "--diff-base",
                                "HEAD~1", "--fail-on", "patch-coverage<0.9"});
  CHECK(r.exit_code == 1);  // 1 of 3 changed executable lines ran: below 0.9
  CHECK_THAT(r.err, Contains("gate FAILED: patch-coverage<0.9"));
  Json rep = report_of(out);
  const Json& p = rep["patch"];
  CHECK(p["base"] == "HEAD~1");
  // Changed: calc.cpp lines 4-6 (diff -U0 shows the new function), tangles.cpp
  // rewritten from line 18 on, extra.cpp line 1.
  CHECK(p["files_changed"] == 3);
  // gcov's executable lines among calc.cpp 4-6: 4 (entry) and 5 (the return);
  // gcc 12 also counts the closing brace 6 as executable... measured below
  // against gcovr's own line list rather than assumed.
  Json gcovr = Json::parse(read_text(cov));
  int executable = 0, covered = 0;
  for (const auto& f : gcovr["files"]) {
    if (f["file"] != "src/calc.cpp") continue;
    for (const auto& l : f["lines"]) {
      int n = l["line_number"];
      if (n >= 4 && n <= 6 && !l.value("gcovr/noncode", false)) {
        ++executable;
        covered += l["count"].get<long>() > 0;
      }
    }
  }
  CHECK(executable >= 2);  // the entry line and the return at least
  CHECK(covered == 0);     // fresh never runs
  CHECK(p["executable_lines"] == executable);
  CHECK(p["lines_covered"] == covered);
  CHECK(p["line_coverage"] == 0.0);
  CHECK(p["files_without_coverage"] == Json::array({"src/extra.cpp", "src/tangles.cpp"}));
  // Only changed code is judged: tangle_a and tangle_c changed; nothing else.
  for (const auto& c : rep["candidates"]) {
    CHECK(c["target"]["file"] == "src/tangles.cpp");
  }
  CHECK(candidate_for(rep, "tangle_a"));
  CHECK(candidate_for(rep, "tangle_c"));
  CHECK(rep["gate"][0]["failed"] == true);
  CHECK_THAT(read_text(out + "/summary.md"), Contains("**Quality gate: failed**"));
  CHECK_THAT(read_text(out + "/summary.md"), Contains("- `src/extra.cpp`"));
}

TEST_CASE("ci: patch mode keeps each module's whole score and says which are in the patch") {
  TempDir repo;
  repo.write("lib/tangles.cpp", tangle("lib_tangle", 5));
  repo.write("src/calc.cpp", "int calc(int x) { return x; }\n");
  repo.write(".stepup.json", R"({"rules": {"complex-function": {"min_commits": 0}}})");
  git_commit_all(repo.path(), "base", "2026-01-10T10:00:00+00:00");
  repo.write("src/calc.cpp", "int calc(int x) { return x + 1; }\n");
  git_commit_all(repo.path(), "head", "2026-01-11T10:00:00+00:00");
  std::string plain = repo.path() + "/plain", patch = repo.path() + "/patch";
  REQUIRE(run_stepup({"scan", repo.path(), "-o", plain, "-j", "1", "--format", "json"}).exit_code ==
          0);
  REQUIRE(run_stepup({"scan", repo.path(), "-o", patch, "-j", "1", "--format", "json",
                      "--diff-base", "HEAD~1"})
              .exit_code == 0);
  std::map<std::string, Json> before, after;
  Json plain_report = report_of(plain), patch_report = report_of(patch);  // alive while iterated
  for (const auto& m : plain_report["modules"]) before[m["name"].get<std::string>()] = m;
  for (const auto& m : patch_report["modules"]) after[m["name"].get<std::string>()] = m;
  REQUIRE(before.count("lib"));
  CHECK(before["lib"]["score"].get<int>() > 0);  // lib_tangle's refactor
  CHECK_FALSE(before["lib"].contains("in_patch"));
  CHECK(patch_report["candidates"].empty());  // nothing in lib changed
  CHECK(after["lib"]["score"] == before["lib"]["score"]);
  CHECK(after["lib"]["in_patch"] == false);
  CHECK(after["src"]["in_patch"] == true);
  CHECK(patch_report["repo"]["commit_date"] == "2026-01-11T10:00:00Z");  // git's, in UTC
}

TEST_CASE("ci: the baseline gives statuses, lists resolved ids and gates on new candidates") {
  TwoCommits t;
  run({"git", "-C", t.path(), "checkout", "-q", "HEAD~1"}, t.path());
  std::string base_out = t.path() + "/base";
  REQUIRE(run_stepup({"scan", t.path(), "-o", base_out, "-j", "1", "--format", "json"}).exit_code ==
          0);
  Json before = report_of(base_out);
  const Json* gone = candidate_for(before, "tangle_b");
  REQUIRE(gone);
  std::string gone_id = (*gone)["id"];
  run({"git", "-C", t.path(), "checkout", "-q", "main"}, t.path());
  std::string out = t.path() + "/out";
  ProcessResult r = run_stepup({"scan", t.path(), "-o", out, "-j", "1", "--baseline",
                                base_out + "/report.json", "--fail-on", "new-candidates>0"});
  CHECK(r.exit_code == 1);
  Json now = report_of(out);
  REQUIRE(candidate_for(now, "tangle_a"));
  REQUIRE(candidate_for(now, "tangle_c"));
  CHECK((*candidate_for(now, "tangle_a"))["status"] == "worsened");  // 18 -> 30 cognitive
  CHECK((*candidate_for(now, "tangle_c"))["status"] == "new");
  CHECK(now["resolved"] == Json::array({gone_id}));
  CHECK_THAT(read_text(out + "/summary.md"), Contains("**Since the baseline:**"));
  // The same baseline, and a gate that holds: exit 0.
  CHECK(run_stepup({"scan", t.path(), "-o", out, "-j", "1", "--baseline", base_out + "/report.json",
                    "--fail-on", "new-candidates>5"})
            .exit_code == 0);
}

TEST_CASE("ci: gates on max score and line coverage print what they measured") {
  TwoCommits t;
  std::string out = t.path() + "/out";
  ProcessResult r = run_stepup({"scan", t.path(), "-o", out, "-j", "1", "--fail-on",
                                "max-score>=101", "--fail-on", "line-coverage<0.5"});
  CHECK(r.exit_code == 1);  // no coverage given: a coverage gate cannot pass
  CHECK_THAT(r.err, Contains("gate passed: max-score>=101 (max score"));
  CHECK_THAT(
      r.err,
      Contains("gate FAILED: line-coverage<0.5 (production line coverage: no coverage data"));
  CHECK(std::filesystem::exists(out + "/index.html"));  // reports still written
}

TEST_CASE("ci: bad gates, baselines, revisions and output folders get their exit codes") {
  TwoCommits t;
  std::string out = t.path() + "/out";
  auto scan = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"scan", t.path(), "-o", out, "-j", "1"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_stepup(args);
  };
  CHECK(scan({"--fail-on", "max-score=>3"}).exit_code == 2);
  CHECK(scan({"--fail-on", "coverage<0.5"}).exit_code == 2);
  CHECK(scan({"--fail-on", "line-coverage<2"}).exit_code == 2);
  CHECK(scan({"--fail-on", "new-candidates>0"}).exit_code == 2);  // needs --baseline
  std::string broken = t.repo.write("old.json", "{\"schema\": \"stepup-report/1\", \"tool\": [}");
  ProcessResult b = scan({"--baseline", broken});
  CHECK(b.exit_code == 3);
  CHECK_THAT(b.err, Contains("old.json:1:"));
  std::string v2 = t.repo.write("v2.json", "{\"schema\": \"stepup-report/2\"}");
  CHECK_THAT(scan({"--baseline", v2}).err, Contains("report schema is \"stepup-report/2\""));
  ProcessResult rev = scan({"--diff-base", "no-such-rev"});
  CHECK(rev.exit_code == 3);
  CHECK_THAT(rev.err, Contains("no-such-rev"));
  CHECK_THAT(rev.err, Contains("bad revision 'no-such-rev'"));  // git's own words
  CHECK_FALSE(std::filesystem::exists(out));                    // bad input: nothing written
  std::string file = t.repo.write("not-a-dir", "x");
  ProcessResult o = run_stepup({"scan", t.path(), "-o", file + "/sub", "-j", "1"});
  CHECK(o.exit_code == 3);
  CHECK_THAT(o.err, Contains("cannot create output directory"));
}

TEST_CASE("ci: docs/ci/stepup-ci.sh, the job the CI examples run, gates and writes the summary") {
  TwoCommits t;
  std::string cov_build = t.path() + "/build";
  t.coverage();  // leaves .gcda files in build/
  std::string summary = t.path() + "/step-summary.md";
  std::string out = t.path() + "/stepup-report";
  stepup::SystemProcessRunner runner;
  ProcessResult r = runner.run(
      {"env", std::string("STEPUP=") + STEPUP_BINARY, "STEPUP_OUT=" + out,
       "GITHUB_STEP_SUMMARY=" + summary, "bash",
       std::string(STEPUP_SOURCE_DIR) + "/docs/ci/stepup-ci.sh", t.path(), "HEAD~1", cov_build},
      t.path());
  CHECK(r.exit_code == 1);  // fresh() is never run: patch coverage 0 < 0.8
  CHECK_THAT(r.err, Contains("gate FAILED: patch-coverage<0.8"));
  CHECK_THAT(read_text(summary), Contains("**Quality gate: failed**"));
  for (const char* f : {"report.json", "index.html", "report.sarif", "summary.md", "report.csv"}) {
    CHECK(std::filesystem::exists(out + "/" + f));
  }
}
