// End to end: the example repository gets its scripted history, is
// configured and built with CMake (compile database exported), and scanned.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/temp_repo.h"

using stepup::test::run;
using Json = nlohmann::json;

namespace {

const Json& function_in(const Json& report, const std::string& path, const std::string& qname) {
  for (const auto& f : report["files"]) {
    if (f["path"] != path) continue;
    for (const auto& fn : f["functions"]) {
      if (fn["qualified_name"] == qname) return fn;
    }
  }
  FAIL("no function " << qname << " in " << path);
  throw;
}

}  // namespace

TEST_CASE("the example repository scans to the expected functions and metrics") {
  stepup::test::TempDir dir;
  const std::string repo = dir.path() + "/shop";
  run({"bash", std::string(STEPUP_SOURCE_DIR) + "/examples/make-history.sh", repo}, dir.path());
  run({"cmake", "-S", repo, "-B", repo + "/build", "-DCMAKE_BUILD_TYPE=Debug"}, repo);
  run({"cmake", "--build", repo + "/build", "-j2"}, repo);

  auto r = stepup::test::run_stepup({"scan", repo, "-o", repo + "/out", "-j", "2"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Json report = Json::parse(stepup::test::read_text(repo + "/out/report.json"));

  // The build's own compile database is found under build/, every TU parses:
  // no warning or error, only the rules' notes.
  for (const auto& d : report["diagnostics"]) {
    INFO(d["message"]);
    CHECK(d["level"] == "info");
    CHECK((d["source"] == "rules" || d["source"] == "callgraph"));
  }
  std::string head = run({"git", "-C", repo, "rev-parse", "HEAD"}, repo);
  CHECK(report["repo"]["commit"] == head.substr(0, 40));
  // The summary counts production code; tests/ holds the other five files.
  CHECK(report["summary"]["files"] == 20);
  CHECK(report["summary"]["all_code_files"] == 25);
  CHECK(report["summary"]["files_by_role"] == Json{{"production", 20}, {"test", 5}});
  CHECK(report["summary"]["functions"] == 82);
  int all_functions = 0;
  for (const auto& f : report["files"]) all_functions += static_cast<int>(f["functions"].size());
  CHECK(all_functions == 103);  // with Result's "Result() = default;", trivial: defaulted

  // Hand-computed from the sources (see the contract's definitions):
  // trim: two while loops, each with && -> cyclomatic 5, cognitive 4.
  const Json& trim = function_in(report, "src/util/strings.cpp", "shop::util::trim");
  CHECK(trim["cyclomatic"] == 5);
  CHECK(trim["cognitive"] == 4);
  CHECK(trim["max_nesting"] == 1);
  CHECK(trim["line"] == 19);
  CHECK(trim["end_line"] == 25);
  // iequals: if, for, if nested in the for -> cyclomatic 4, cognitive 1+1+2.
  const Json& iequals = function_in(report, "src/util/strings.cpp", "shop::util::iequals");
  CHECK(iequals["cyclomatic"] == 4);
  CHECK(iequals["cognitive"] == 4);
  CHECK(iequals["max_nesting"] == 2);
  CHECK(iequals["params"] == 2);
  // revenue: range-for, nested if with || -> cyclomatic 4, cognitive 1+2+1.
  const Json& revenue =
      function_in(report, "src/store/order_store.cpp", "shop::store::OrderStore::revenue");
  CHECK(revenue["cyclomatic"] == 4);
  CHECK(revenue["cognitive"] == 4);
  CHECK(revenue["params"] == 0);
  // A header function: ?: , if, ?: -> cyclomatic 4, cognitive 3.
  const Json& cents = function_in(report, "include/shop/money.h", "shop::format_cents");
  CHECK(cents["cyclomatic"] == 4);
  CHECK(cents["cognitive"] == 3);
  // A class template's members are counted once, at their definition.
  int value_or = 0;
  for (const auto& f : report["files"]) {
    for (const auto& fn : f["functions"])
      value_or += fn["qualified_name"] == "shop::Result::value_or";
  }
  CHECK(value_or == 1);

  // Test code is classified; the worst refactor is the HTTP header parser.
  for (const auto& f : report["files"]) {
    CHECK(f["is_test"] == (f["path"].get<std::string>().rfind("tests/", 0) == 0));
  }
  // History, cross-checked against git's own per-file log: the HTTP parser
  // is the most fixed file (13 commits, 9 of them fixes by message).
  const Json* http = nullptr;
  for (const auto& f : report["files"]) {
    if (f["path"] == "src/net/http.cpp") http = &f;
  }
  REQUIRE(http != nullptr);
  std::string subjects =
      run({"git", "-C", repo, "log", "--no-merges", "--format=%s", "--", "src/net/http.cpp"}, repo);
  int commits = 0;
  for (char c : subjects) commits += c == '\n';
  CHECK((*http)["history"]["commits"] == commits);
  CHECK((*http)["history"]["commits"] == 13);
  CHECK((*http)["history"]["fix_commits"] == 9);
  // Per function, against git's own line-range log (git log -L): the same
  // commits touched parse_header's lines.
  const Json& ph = function_in(report, "src/net/http.cpp", "shop::net::parse_header");
  std::string range = std::to_string(ph["line"].get<int>()) + "," +
                      std::to_string(ph["end_line"].get<int>()) + ":src/net/http.cpp";
  std::string touched =
      run({"git", "-C", repo, "log", "--no-merges", "-s", "--format=%s", "-L" + range}, repo);
  int lines_commits = 0, lines_fixes = 0;
  std::istringstream touched_in(touched);
  for (std::string s; std::getline(touched_in, s);) {
    if (s.empty()) continue;
    ++lines_commits;
    lines_fixes += s.find("fix") != std::string::npos || s.find("Fix") != std::string::npos;
  }
  CHECK(ph["history"]["commits"] == lines_commits);
  CHECK(ph["history"]["fix_commits"] == lines_fixes);
  CHECK(lines_commits == 7);

  REQUIRE_FALSE(report["candidates"].empty());
  CHECK(report["candidates"][0]["target"]["function"] == "shop::net::parse_header");
  CHECK(report["candidates"][0]["target"]["module"] == "src/net");
}

namespace {

const Json* candidate(const Json& report, const std::string& rule, const std::string& file,
                      const std::string& function = "") {
  for (const auto& c : report["candidates"]) {
    if (c["rule"] != rule || c["target"]["file"] != file) continue;
    if (function.empty() ? c["target"]["function"].is_null()
                         : c["target"]["function"] == function) {
      return &c;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("with coverage and history, the example's worst code is the first add-tests task") {
  stepup::test::TempDir dir;
  const std::string repo = dir.path() + "/shop";
  const std::string build = dir.path() + "/cov";
  run({"bash", std::string(STEPUP_SOURCE_DIR) + "/examples/make-history.sh", repo}, dir.path());
  run({"cmake", "-S", repo, "-B", build, "-DSHOP_COVERAGE=ON"}, repo);
  run({"cmake", "--build", build, "-j2"}, repo);
  run({"ctest", "--output-on-failure"}, build);

  auto r = stepup::test::run_stepup({"scan", repo, "-p", build, "--coverage-build", build, "-o",
                                     dir.path() + "/out", "-j", "2", "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Json report = Json::parse(stepup::test::read_text(dir.path() + "/out/report.json"));
  REQUIRE(report["signals"]["coverage"] == true);
  REQUIRE(report["signals"]["history"] == true);

  // The untested, often-fixed, complex file: src/net/http.cpp, as one file
  // task (its functions are not listed on their own as well).
  const Json* first_tests = nullptr;
  for (const auto& c : report["candidates"]) {
    if (c["kind"] == "add-tests" && !first_tests) first_tests = &c;
    if (c["rule"] == "untested-hotspot" && c["target"]["file"] == "src/net/http.cpp") {
      CHECK(c["target"]["function"].is_null());
    }
  }
  REQUIRE(first_tests != nullptr);
  CHECK((*first_tests)["rule"] == "untested-hotspot");
  CHECK((*first_tests)["target"]["file"] == "src/net/http.cpp");
  CHECK((*first_tests)["target"]["function"].is_null());
  CHECK((*first_tests)["rank"] == 1);
  CHECK((*first_tests)["score"].get<int>() >= 80);
  CHECK((*first_tests)["why"][3] == "9 bug-fix commits of 13 commits in the history window (69%)");
  // parse_header (cognitive 46, untested) is folded in: characterisation
  // tests first, in the same file task.
  CHECK((*first_tests)["why"][1].get<std::string>().find("shop::net::parse_header") !=
        std::string::npos);
  CHECK(candidate(report, "complex-function", "src/net/http.cpp", "shop::net::parse_header") ==
        nullptr);

  // docs/scoring.md's worked examples, on the real scan.
  const Json* query = candidate(report, "untested-hotspot", "src/store/customer_db.cpp",
                                "shop::store::CustomerDb::query");
  REQUIRE(query != nullptr);
  // 81 * (1 + 0.1 * 2 + 0.2 * ln(1 + 1 caller)) / 200 = 0.542 -> 41.9
  CHECK((*query)["score"] == 42);
  CHECK((*query)["why"][1] == "cyclomatic complexity 9, 27 lines long");
  const Json& fn =
      function_in(report, "src/store/customer_db.cpp", "shop::store::CustomerDb::query");
  CHECK(fn["cyclomatic"] == 9);
  CHECK(fn["coverage"]["lines_covered"] == 0);
  CHECK(fn["history"]["commits"] == 2);
  CHECK(fn["history"]["fix_commits"] == 0);
  // rule_discount is complex (cognitive 22) but fully tested and at rest (2
  // commits): no refactor task.
  CHECK(candidate(report, "complex-function", "src/pricing/discount.cpp",
                  "shop::pricing::rule_discount") == nullptr);
  const Json& rdf = function_in(report, "src/pricing/discount.cpp", "shop::pricing::rule_discount");
  CHECK(rdf["cognitive"] == 22);
  CHECK(rdf["history"]["commits"] == 2);

  // The well-tested, stable modules (pricing, util) are in no kind's top 3.
  std::map<std::string, int> seen;
  for (const auto& c : report["candidates"]) {
    int& n = seen[c["kind"]];
    if (++n > 3) continue;
    std::string module = c["target"]["module"];
    INFO(c["title"]);
    CHECK(module != "src/pricing");
    CHECK(module != "src/util");
  }
}
