// End to end: the ranking fixture (tests/fixtures/ranking/make-repo.sh, a
// repo with fixed dates whose modules have different shapes) is compiled
// with --coverage, its test run, and scanned with gcovr's coverage and its
// history. Each shape must surface as its task, and the well-tested, stable
// module (src/calc) must stay out of every kind's top 3.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support/onboard_checks.h"
#include "tests/support/temp_repo.h"

using stepup::test::run;
using Json = nlohmann::json;

namespace {

/// The fixture's checkout, its build folder and its scan's output folder.
struct Ranked {
  std::string repo, build, out;
};

Ranked& paths() {
  static stepup::test::TempDir dir;
  static Ranked p{dir.path() + "/repo", dir.path() + "/repo/build", dir.path() + "/out"};
  return p;
}

/// The fixture, built and scanned once for all the test cases below.
const Json& ranked() {
  static const Json report = [] {
    const Ranked& p = paths();
    const std::string repo = p.repo;
    const std::string parent = repo.substr(0, repo.rfind('/'));
    run({"bash", std::string(STEPUP_SOURCE_DIR) + "/tests/fixtures/ranking/make-repo.sh", repo},
        parent);
    const std::string build = p.build;
    std::filesystem::create_directories(build);
    std::vector<std::string> cc = {"g++", "--coverage",  "-O0", "-I" + repo + "/include",
                                   "-o",  build + "/app"};
    for (const char* src : {"tests/test_calc.cpp", "src/calc/calc.cpp", "src/parse/parse.cpp",
                            "src/net/fetch.cpp", "src/api/routes.cpp", "src/db/schema.cpp"}) {
      cc.push_back(repo + "/" + src);
    }
    run(cc, build);
    run({build + "/app"}, build);  // tests/test_calc.cpp: exit 0 when calc is right
    auto r = stepup::test::run_stepup(
        // --no-quick: the fixture has no compile database, and its traps
        // (log calls, the N+1 loop, the silent catch) need the semantic pass.
        {"scan", repo, "--coverage-build", build, "-o", p.out, "--format", "json,callgraph-json",
         "--no-quick"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return Json::parse(stepup::test::read_text(p.out + "/report.json"));
  }();
  return report;
}

const Json* first_of(const Json& report, const std::string& kind) {
  for (const auto& c : report["candidates"]) {
    if (c["kind"] == kind) return &c;
  }
  return nullptr;
}

std::string module_of(const Json& c) { return c["target"]["module"]; }

}  // namespace

TEST_CASE("ranking fixture: each shape is its task, tested, stable code is in no top 3") {
  const Json& report = ranked();
  REQUIRE(report["signals"]["coverage"] == true);
  REQUIRE(report["signals"]["history"] == true);

  // The untested, churning module is the first task of all, as one file task.
  const Json& top = report["candidates"][0];
  CHECK(top["rule"] == "untested-hotspot");
  CHECK(top["target"]["file"] == "src/parse/parse.cpp");
  CHECK(top["target"]["function"].is_null());
  CHECK(top["score"].get<int>() >= 80);
  CHECK(top["why"][1] == "the file: 44 executable lines, none covered");
  // 11 churn commits after the import, 9 of them "fix:" by message.
  CHECK(top["why"][2] == "9 bug-fix commits of 12 commits in the history window (75%)");

  // The two files that change in lockstep across modules.
  const Json* coupling = first_of(report, "refactor");
  REQUIRE(coupling != nullptr);
  CHECK(coupling->at("rule") == "change-coupling");
  CHECK(coupling->at("target")["file"] == "src/api/routes.cpp");
  CHECK(coupling->at("title") ==
        "Untangle src/api/routes.cpp and src/db/schema.cpp, which keep changing together");

  // The single-author module: Sol made 9 of db's 10 commits (Ann the import).
  const Json* silo = first_of(report, "pair");
  REQUIRE(silo != nullptr);
  CHECK(module_of(*silo) == "src/db");
  CHECK(silo->at("why")[0] ==
        "Sol <sol@example.com> made 90% of the module's 10 file changes in the history window");

  // Well-tested, stable: src/calc (100% covered, one commit) is in no
  // kind's top 3, and in fact has no candidate at all.
  for (const auto& c : report["candidates"]) {
    INFO(c["title"]);
    CHECK(module_of(c) != "src/calc");
  }
  // Its coverage is what makes it so: every line ran.
  for (const auto& f : report["files"]) {
    if (f["path"] != "src/calc/calc.cpp") continue;
    CHECK(f["coverage"]["lines_covered"] == f["coverage"]["lines_total"]);
    CHECK(f["history"]["commits"] == 1);
  }
}

// Needs the AST pass's log calls and findings (branch ast-signals): until
// it is merged, every module reads as log-free and no finding exists.
TEST_CASE("ranking fixture: the log-free module, the N+1 loop and the silent catch") {
  const Json& report = ranked();
  // src/calc logs its failures; src/net and src/parse never log.
  for (const auto& c : report["candidates"]) {
    if (c["rule"] == "uninstrumented-module") CHECK(module_of(c) != "src/calc");
  }
  const Json* perf = first_of(report, "investigate-performance");
  REQUIRE(perf != nullptr);
  CHECK(perf->at("rule") == "io-in-loop");
  CHECK(perf->at("target")["function"] == "price_all");
  CHECK(perf->at("target")["file"] == "src/net/fetch.cpp");
  bool swallowed = false;
  for (const auto& c : report["candidates"]) {
    if (c["rule"] != "swallowed-errors" || c["target"]["function"] != "price_all") continue;
    swallowed = true;
    CHECK(c["title"] == "Stop price_all (src/net/fetch.cpp:11) from swallowing errors");
    // price_all: a catch (...) {}; the import and the 3 kRetries edits
    // touched it, 2 of those fixes. The fixture builds no program (no
    // production main): library code, whose swallowed error never reaches
    // the caller.
    CHECK(c["why"][1] == "src/net is library code: a swallowed error never reaches the caller");
    CHECK(c["why"][2] == "4 commits, 2 of them bug fixes, touched price_all in the history window");
  }
  CHECK(swallowed);
}

TEST_CASE("ranking fixture: stepup onboard plans from the call graph, the tasks and the history") {
  ranked();
  const Ranked& p = paths();
  Json plan = stepup::test::checked_onboard_plan(
      p.repo, {"--coverage-build", p.build, "--no-quick"}, p.out + "/callgraph.json");
  // No module calls another; tests/test_calc.cpp calls calc, the only
  // module called from outside, so calc leads the reading.
  CHECK(plan["must_read"][0]["path"] == "src/calc/calc.cpp");
  // Sol owns src/db: the knowledge silo is the first pair ticket, with Sol.
  REQUIRE_FALSE(plan["pair"].empty());
  CHECK(plan["pair"][0]["kind"] == "pair");
  CHECK(plan["pair"][0]["pair_with"] == "Sol <sol@example.com>");
  CHECK(plan["pair"][0]["why_pair"] == "knowledge silo");
}
