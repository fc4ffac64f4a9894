// The command line as CI sees it: exit codes, messages, and files left behind.
#include "app/cli.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support/temp_repo.h"

namespace fs = std::filesystem;
using Catch::Contains;
using stepup::test::run_stepup;

namespace {

void small_repo(const stepup::test::TempDir& repo) {
  repo.write("src/a.cpp", "int a(int x) {\n  if (x > 0 && x < 10) return 1;\n  return 0;\n}\n");
  repo.write("src/b.cpp", "int b(int x) { for (int i = 0; i < x; ++i) x--; return x; }\n");
  repo.write("compile_commands.json",
             "[{\"directory\":\"" + repo.path() +
                 "\",\"file\":\"src/a.cpp\",\"command\":\"c++ -c src/a.cpp\"},"
                 "{\"directory\":\"" +
                 repo.path() + "\",\"file\":\"src/b.cpp\",\"command\":\"c++ -c src/b.cpp\"}]");
}

}  // namespace

TEST_CASE("version, help and usage errors") {
  auto v = run_stepup({"--version"});
  CHECK(v.exit_code == 0);
  CHECK(v.out.substr(0, v.out.find('\n')) == std::string("stepup ") + STEPUP_VERSION_FOR_TESTS);
  CHECK(run_stepup({"--help"}).exit_code == 0);
  CHECK(run_stepup({"scan", "--help"}).out.find("--compile-commands") != std::string::npos);
  CHECK(run_stepup({}).exit_code == 2);
  auto unknown = run_stepup({"frobnicate"});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Contains("unknown command 'frobnicate'"));
  CHECK(run_stepup({"scan", "--no-such-option"}).exit_code == 2);
  CHECK(run_stepup({"scan", ".", "-j", "0"}).exit_code == 2);
  CHECK(run_stepup({"scan", ".", "-j", "many"}).exit_code == 2);
  auto fmt = run_stepup({"scan", ".", "--format", "json,xml"});
  CHECK(fmt.exit_code == 2);
  CHECK_THAT(fmt.err, Contains("unknown format 'xml'"));
}

TEST_CASE("a missing REPO is exit 3 naming the path") {
  auto r = run_stepup({"scan", "/nonexistent/stepup-repo"});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains("/nonexistent/stepup-repo"));
}

TEST_CASE("a scan writes report.json, and the bytes do not depend on -j") {
  stepup::test::TempDir repo;
  small_repo(repo);
  auto one = run_stepup({"scan", repo.path(), "-o", repo.path() + "/out1", "-j", "1"});
  auto two = run_stepup({"scan", repo.path(), "-o", repo.path() + "/out2", "-j", "2"});
  REQUIRE(one.exit_code == 0);
  REQUIRE(two.exit_code == 0);
  std::string a = stepup::test::read_text(repo.path() + "/out1/report.json");
  CHECK(a == stepup::test::read_text(repo.path() + "/out2/report.json"));
  auto doc = nlohmann::json::parse(a);
  CHECK(doc["schema"] == "stepup-report/1");
  CHECK(doc["summary"]["files"] == 2);
  CHECK(doc["summary"]["functions"] == 2);
  // a: if + && = cyclomatic 3; cognitive if 1 + && 1 = 2; 4 code lines.
  const auto& fa = doc["files"][0];
  CHECK(fa["path"] == "src/a.cpp");
  CHECK(fa["code_lines"] == 4);
  CHECK(fa["coverage"].is_null());
  CHECK(fa["functions"][0]["cyclomatic"] == 3);
  CHECK(fa["functions"][0]["cognitive"] == 2);
  CHECK(fa["functions"][0]["line"] == 1);
  CHECK(fa["functions"][0]["end_line"] == 4);
  CHECK(doc["modules"][0]["name"] == "src");
  CHECK(doc["modules"][0]["files"] == 2);
  CHECK(fs::exists(repo.path() + "/out1/summary.md"));
  // No temporary files are left next to the reports.
  int entries = 0;
  for (auto& e : fs::directory_iterator(repo.path() + "/out1")) entries += !e.path().empty();
  CHECK(entries == 4);  // report.json, index.html, report.sarif, summary.md
}

TEST_CASE("a malformed compile database is exit 3 and leaves the old report intact") {
  stepup::test::TempDir repo;
  small_repo(repo);
  std::string out = repo.path() + "/out";
  REQUIRE(run_stepup({"scan", repo.path(), "-o", out}).exit_code == 0);
  std::string before = stepup::test::read_text(out + "/report.json");
  repo.write("compile_commands.json", "[\n  {\"directory\": \"/x\",\n   \"file\": }\n]");
  auto r = run_stepup({"scan", repo.path(), "-o", out});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains(repo.path() + "/compile_commands.json:3:12:"));
  CHECK(stepup::test::read_text(out + "/report.json") == before);
  auto missing = run_stepup({"scan", repo.path(), "-p", repo.path() + "/nope.json"});
  CHECK(missing.exit_code == 3);
  CHECK_THAT(missing.err, Contains("nope.json: compile database not found"));
}

TEST_CASE("a bad config is exit 3 naming the key, config --dump shows the result") {
  stepup::test::TempDir repo;
  small_repo(repo);
  repo.write(".stepup.json", R"({"rules": {"complex-function": {"min_cognitve": 3}}})");
  auto r = run_stepup({"scan", repo.path(), "-o", repo.path() + "/out"});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains(".stepup.json: rules.complex-function.min_cognitve: unknown option"));
  CHECK_FALSE(fs::exists(repo.path() + "/out/report.json"));

  repo.write(".stepup.json", R"({"rules": {"complex-function": {"min_cognitive": -1}}})");
  CHECK_THAT(run_stepup({"scan", repo.path()}).err, Contains("out of range"));
  repo.write(".stepup.json", R"({"exclude": "src/"})");
  CHECK_THAT(run_stepup({"scan", repo.path()}).err,
             Contains(".stepup.json: exclude: must be an array of strings"));
  repo.write(".stepup.json", "{\n  \"tests\": [\"x\",]\n}");
  // The error is at the "]" after the trailing ",": line 2, column 17.
  CHECK_THAT(run_stepup({"scan", repo.path()}).err, Contains(".stepup.json:2:17: malformed JSON"));

  repo.write(".stepup.json",
             R"({"rules": {"complex-function": {"min_cognitive": 2}}, "modules": {"depth": 1}})");
  auto dump = run_stepup({"config", "--dump", repo.path()});
  REQUIRE(dump.exit_code == 0);
  auto cfg = nlohmann::json::parse(dump.out);
  CHECK(cfg["rules"]["complex-function"]["min_cognitive"] == 2.0);
  CHECK(cfg["rules"]["complex-function"]["scale"] == 25.0);
  CHECK(cfg["modules"]["depth"] == 1);
  CHECK(cfg["exclude"][0] == "third_party/");
  // With the threshold at 2, function a (cognitive 2) becomes a candidate.
  auto scan = run_stepup({"scan", repo.path(), "-o", repo.path() + "/out"});
  REQUIRE(scan.exit_code == 0);
  auto doc = nlohmann::json::parse(stepup::test::read_text(repo.path() + "/out/report.json"));
  REQUIRE(doc["candidates"].size() == 1);
  CHECK(doc["candidates"][0]["target"]["function"] == "a");
  CHECK(doc["candidates"][0]["kind"] == "refactor");
}

TEST_CASE("negative weights, out-of-range thresholds and non-numbers in rules are exit 3") {
  stepup::test::TempDir repo;
  small_repo(repo);
  auto expect_exit3 = [&](const std::string& config, const std::string& message) {
    repo.write(".stepup.json", config);
    auto r = run_stepup({"scan", repo.path(), "-o", repo.path() + "/out"});
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Contains(message));
    CHECK_FALSE(fs::exists(repo.path() + "/out/report.json"));
  };
  expect_exit3(R"({"rules": {"untested-hotspot": {"fix_weight": -0.5}}})",
               ".stepup.json: rules.untested-hotspot.fix_weight: -0.5 is out of range [0, 10]");
  expect_exit3(R"({"rules": {"complex-function": {"tests_first_below": 1.5}}})",
               "rules.complex-function.tests_first_below: 1.5 is out of range [0, 1]");
  expect_exit3(R"({"rules": {"knowledge-silo": {"min_share": 0.2}}})",
               "rules.knowledge-silo.min_share: 0.2 is out of range [0.5, 1]");
  // JSON has no NaN or infinity; a number too large for a double is
  // refused by the parser, naming the file.
  expect_exit3(R"({"rules": {"io-in-loop": {"scale": 1e999}}})",
               ".stepup.json: malformed JSON: [json.exception.out_of_range.406] number overflow");
  expect_exit3(R"({"rules": {"hot-path": {"min_total_share": "5%"}}})",
               "rules.hot-path.min_total_share: must be a number");
  expect_exit3(R"({"rules": {"untested-hotspot": {"weight": 1}}})",
               "rules.untested-hotspot.weight: unknown option of rule untested-hotspot");
}

TEST_CASE("a relative --out is relative to the working directory, not to REPO") {
  stepup::test::TempDir repo, cwd;
  small_repo(repo);
  auto r = run_stepup({"scan", repo.path(), "-o", "rel-out", "--format", "json"}, cwd.path());
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(cwd.path() + "/rel-out/report.json"));
  CHECK_FALSE(fs::exists(repo.path() + "/rel-out"));
}

TEST_CASE("an output directory that cannot be written is exit 3") {
  stepup::test::TempDir repo;
  small_repo(repo);
  std::string blocker = repo.write("out", "a file where the folder should be");
  auto r = run_stepup({"scan", repo.path(), "-o", blocker});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains("cannot create output directory"));
}

TEST_CASE("stepup rules lists every rule with its options") {
  auto r = run_stepup({"rules"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("complex-function  (refactor)"));
  CHECK_THAT(r.out, Contains("min_cognitive = 15"));
}

TEST_CASE("a file named quote\"&<tag>.h is reported with its exact path") {
  stepup::test::TempDir repo;
  const std::string odd = "src/quote\"&<tag>.h";
  repo.write(odd, "inline int odd(int x) { return x ? 1 : 0; }\n");
  repo.write("src/main.cpp", "#include \"quote\\\"&<tag>.h\"\nint main() { return odd(1); }\n");
  stepup::test::git_commit_all(repo.path(), "odd names");
  auto r = run_stepup({"scan", repo.path(), "-o", repo.path() + "/out"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto doc = nlohmann::json::parse(stepup::test::read_text(repo.path() + "/out/report.json"));
  REQUIRE(doc["files"].size() == 2);
  CHECK(doc["files"][1]["path"] == odd);
  REQUIRE(doc["files"][1]["functions"].size() == 1);
  CHECK(doc["files"][1]["functions"][0]["cyclomatic"] == 2);
  // In the HTML the name only travels inside the escaped JSON blob.
  std::string html = stepup::test::read_text(repo.path() + "/out/index.html");
  CHECK(html.find("<tag>") == std::string::npos);
  CHECK(html.find("quote\\\"\\u0026\\u003ctag\\u003e.h") != std::string::npos);
}

TEST_CASE("an empty repository still gives a valid report") {
  stepup::test::TempDir repo;
  stepup::test::run({"git", "init", "-q", repo.path()}, repo.path());
  auto r = run_stepup({"scan", repo.path(), "-o", repo.path() + "/out"});
  CHECK(r.exit_code == 0);
  auto doc = nlohmann::json::parse(stepup::test::read_text(repo.path() + "/out/report.json"));
  CHECK(doc["summary"]["files"] == 0);
  CHECK(doc["repo"]["commit"].is_null());  // no commit yet
  CHECK(doc["candidates"].empty());
  bool said = false;
  for (const auto& d : doc["diagnostics"]) {
    said |= d["level"] == "error" &&
            d["message"].get<std::string>().rfind("no C or C++ source file found in", 0) == 0;
  }
  CHECK(said);
  // Said on the console too, with what was searched, not only in report.json.
  CHECK_THAT(r.err, Catch::Contains("error: discover: no C or C++ source file found in") &&
                        Catch::Contains("looked for .c .cc .cpp"));
  CHECK_THAT(r.out, Catch::Contains("no C or C++ source file was scanned"));
}

TEST_CASE("the history window (--since) must be a positive number of days") {
  for (const char* bad : {"0", "-3", "ten", "1.5", "99999999"}) {
    INFO(bad);
    auto r = run_stepup({"scan", ".", "--since", bad});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("--since takes a positive number of days"));
  }
}

TEST_CASE("scan: --since all, and a window reaching before 1970, read all history") {
  stepup::test::TempDir repo;
  small_repo(repo);
  stepup::test::git_commit_all(repo.path(), "initial", "1990-05-01T10:00:00+00:00");
  repo.write("src/b.cpp", "int b(int x) { return x; }\n");
  stepup::test::git_commit_all(repo.path(), "fix: b", "2026-01-15T10:00:00+00:00");
  auto window = [&](const char* since) {
    auto r = run_stepup(
        {"scan", repo.path(), "-o", repo.path() + "/out", "--format", "json", "--since", since});
    REQUIRE(r.exit_code == 0);
    auto doc = nlohmann::json::parse(stepup::test::read_text(repo.path() + "/out/report.json"));
    return std::make_pair(doc["history"]["window"], r.err);
  };
  {
    // The module "src" (a.cpp, b.cpp): 2 distinct commits, not the files' 1 + 2.
    auto r = run_stepup({"scan", repo.path(), "-o", repo.path() + "/out", "--format", "json"});
    REQUIRE(r.exit_code == 0);
    auto doc = nlohmann::json::parse(stepup::test::read_text(repo.path() + "/out/report.json"));
    REQUIRE(doc["modules"].size() == 1);
    CHECK(doc["modules"][0]["history"]["commits"] == 2);
    CHECK(doc["modules"][0]["history"]["fix_commits"] == 1);
    CHECK(doc["modules"][0]["history"]["authors"] == 1);
  }
  // 36500 days before 2026-01-15 is 1926: git's --since would read nothing.
  for (const char* since : {"36500", "all", "100000"}) {
    INFO(since);
    auto [w, err] = window(since);
    CHECK(w["commits"] == 2);
    CHECK(w["since_date"] == "1990-05-01");
    CHECK(w["widened"] == false);
  }
  CHECK(window("all").first["since_days"] == 0);
  // A 10-day window holds one commit: widened to history.min_commits (50),
  // here all 2, and said on the console.
  auto [w, err] = window("10");
  CHECK(w["since_days"] == 10);
  CHECK(w["commits"] == 2);
  CHECK(w["widened"] == true);
  CHECK_THAT(err, Contains("warning: history: only 1 commit(s) in the --since 10 window; "
                           "widened to the newest 2, back to 1990-05-01"));
}

TEST_CASE("CODEOWNERS owners land on files and modules, --team keeps the team's files") {
  stepup::test::TempDir repo;
  small_repo(repo);
  repo.write(".github/CODEOWNERS", "*.cpp @org/core\nsrc/b.cpp @org/payments @ann\n");
  stepup::test::git_commit_all(repo.path(), "initial");
  auto r = run_stepup({"scan", repo.path(), "-o", repo.path() + "/out", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto doc = nlohmann::json::parse(stepup::test::read_text(repo.path() + "/out/report.json"));
  CHECK(doc["files"][0]["owners"] == nlohmann::json::array({"@org/core"}));
  CHECK(doc["files"][1]["owners"] == nlohmann::json::array({"@org/payments", "@ann"}));
  CHECK(doc["modules"][0]["owners"] ==
        nlohmann::json::array({"@ann", "@org/core", "@org/payments"}));
  CHECK(doc["files"][0]["history"]["commits"] == 1);

  auto team = run_stepup({"scan", repo.path(), "-o", repo.path() + "/team", "--format", "json",
                          "--team", "@org/payments"});
  REQUIRE(team.exit_code == 0);
  auto t = nlohmann::json::parse(stepup::test::read_text(repo.path() + "/team/report.json"));
  REQUIRE(t["files"].size() == 1);
  CHECK(t["files"][0]["path"] == "src/b.cpp");
  CHECK(t["summary"]["files"] == 1);
}

TEST_CASE("outside git, history is null and a diagnostic says why") {
  stepup::test::TempDir repo;
  small_repo(repo);
  auto r = run_stepup({"scan", repo.path(), "-o", repo.path() + "/out", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto doc = nlohmann::json::parse(stepup::test::read_text(repo.path() + "/out/report.json"));
  CHECK(doc["files"][0]["history"].is_null());
  bool said = false;
  for (const auto& d : doc["diagnostics"]) said |= d["source"] == "history";
  CHECK(said);
}
