// `stepup next`: the best task as a ticket, from a report or a scan.
#include <catch2/catch.hpp>
#include <cctype>
#include <fstream>

#include "reports/json_writer.h"
#include "rules/registry.h"
#include "tests/support/temp_repo.h"

using namespace stepup;
using namespace stepup::test;

namespace {

Candidate task(const std::string& id, int score, const std::string& kind, const std::string& module,
               const std::string& effort, bool newcomer) {
  Candidate c;
  c.id = id;
  c.score = score;
  c.kind = kind;
  c.rule = kind == "refactor" ? "complex-function" : "untested-hotspot";
  c.target = {module, module + "/" + id + ".cc", std::nullopt, std::nullopt};
  c.title = "Task " + id;
  c.why = {"because " + id};
  c.first_step = "start " + id;
  c.effort = effort;
  c.newcomer_friendly = newcomer;
  return c;
}

// Four ranked tasks in two modules; src/db/b.cc is owned by @db.
std::string write_report(const TempDir& dir) {
  Report r;
  r.tool_version = "0";
  r.repo_root = dir.path();
  r.candidates = {task("a", 90, "refactor", "src/net", "L", false),
                  task("b", 70, "add-tests", "src/db", "M", false),
                  task("c", 50, "add-tests", "src/net/http", "S", true),
                  task("d", 30, "refactor", "src/db", "S", true)};
  for (size_t i = 0; i < r.candidates.size(); ++i) r.candidates[i].rank = static_cast<int>(i) + 1;
  FileFacts owned;
  owned.path = "src/db/b.cc";
  owned.module = "src/db";
  owned.owners = {"@db"};
  r.files.push_back(owned);
  return dir.write("report.json", report_to_json(r).dump(2));
}

std::string titles(const std::string& out) {
  std::string t;
  size_t at = 0;
  while ((at = out.find("# Task ", at)) != std::string::npos) {
    t += out.substr(at + 7, 1);
    at += 7;
  }
  return t;
}

}  // namespace

TEST_CASE("next: prints the best task, or -n of them, as tickets") {
  TempDir dir;
  std::string report = write_report(dir);
  ProcessResult one = run_stepup({"next", "--report", report});
  REQUIRE(one.exit_code == 0);
  CHECK(titles(one.out) == "a");
  CHECK(one.out.find("## Definition of done") != std::string::npos);
  CHECK(titles(run_stepup({"next", "--report", report, "-n", "3"}).out) == "abc");
}

TEST_CASE("next: filters by kind, module, effort, newcomer and team") {
  TempDir dir;
  std::string report = write_report(dir);
  auto pick = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"next", "--report", report, "-n", "9"});
    return titles(run_stepup(args).out);
  };
  CHECK(pick({"--kind", "add-tests"}) == "bc");
  CHECK(pick({"--kind", "refactor,add-tests", "--effort", "S"}) == "cd");
  CHECK(pick({"--module", "src/net"}) == "ac");  // src/net/http is under src/net
  CHECK(pick({"--newcomer"}) == "cd");
  CHECK(pick({"--team", "@db"}) == "b");
}

TEST_CASE("next: bad input and bad options get their exit codes") {
  TempDir dir;
  std::string report = write_report(dir);
  ProcessResult none = run_stepup(
      {"next", "--report", report, "--kind", "refactor", "--effort", "S", "--module", "src/net"});
  CHECK(none.exit_code == 0);
  CHECK(none.err.find("no candidate matches the filters (4 candidate(s) in all)") !=
        std::string::npos);
  CHECK(run_stepup({"next", "--report", report, "--effort", "XL"}).exit_code == 2);
  std::string broken = dir.write("broken.json", "{\"schema\": \"stepup-report/1\",\n  oops}");
  ProcessResult bad = run_stepup({"next", "--report", broken});
  CHECK(bad.exit_code == 3);
  CHECK(bad.err.find("broken.json:2:3") != std::string::npos);
  std::string sarif = dir.write("x.sarif", R"({"version": "2.1.0", "runs": []})");
  ProcessResult other = run_stepup({"next", "--report", sarif});
  CHECK(other.exit_code == 3);
  CHECK(other.err.find("not a stepup report") != std::string::npos);
}

TEST_CASE("next: scans REPO when no report is given") {
  TempDir dir;
  std::string body;
  for (int i = 0; i < 6; ++i)
    body += "  if (a > " + std::to_string(i) + ") { if (b) { if (c) r++; } }\n";
  dir.write("src/deep.cc",
            "int deep(int a, int b, int c) {\n  int r = 0;\n" + body + "  return r;\n}\n");
  ProcessResult out = run_stepup({"next", dir.path(), "--kind", "refactor", "-j", "1"});
  REQUIRE(out.exit_code == 0);
  CHECK(out.out.find("# Refactor deep (src/deep.cc:1)") == 0);
  CHECK_FALSE(std::ifstream(dir.path() + "/stepup-report/report.json").good());  // prints only
}

TEST_CASE("next: an unknown kind or module is a usage error naming what exists") {
  TempDir dir;
  std::string report = write_report(dir);
  // Every kind of the rule registry, in its order, once.
  std::string kinds;
  for (const RuleInfo& rule : rule_registry()) {
    if (kinds.find(rule.kind + ",") == std::string::npos) kinds += rule.kind + ", ";
  }
  kinds.resize(kinds.size() - 2);
  REQUIRE(kinds.find("add-tests, refactor") == 0);
  ProcessResult kind = run_stepup({"next", "--report", report, "--kind", "add-tests,bogus"});
  CHECK(kind.exit_code == 2);
  CHECK(kind.out.empty());
  CHECK(kind.err.find("--kind bogus: unknown kind; the kinds are " + kinds + " (") !=
        std::string::npos);
  ProcessResult module = run_stepup({"next", "--report", report, "--module", "src/ne"});
  CHECK(module.exit_code == 2);  // a prefix of a name is not a module
  CHECK(
      module.err.find("--module src/ne: no such module; nearest: src/net, src/db, src/net/http") !=
      std::string::npos);
  ProcessResult help = run_stepup({"next", "--help"});
  CHECK(help.exit_code == 0);
  std::string flat;  // the help text wraps long lines
  for (char c : help.out) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      flat += c;
    } else if (!flat.empty() && flat.back() != ' ') {
      flat += ' ';
    }
  }
  CHECK(flat.find("only these kinds (comma list): " + kinds) != std::string::npos);
}

TEST_CASE("next: --team without CODEOWNERS is unusable input, from a report or a scan") {
  TempDir dir;
  Report r;
  r.tool_version = "0";
  r.repo_root = dir.path();
  r.candidates = {task("a", 90, "refactor", "src/net", "L", false)};
  std::string report = dir.write("report.json", report_to_json(r).dump(2));
  ProcessResult from_report = run_stepup({"next", "--report", report, "--team", "@db"});
  CHECK(from_report.exit_code == 3);
  CHECK(from_report.err.find("--team @db: the report carries no CODEOWNERS owners") !=
        std::string::npos);
  dir.write("src/a.cc", "int a() { return 1; }\n");
  ProcessResult from_scan = run_stepup({"next", dir.path(), "--team", "@db", "-j", "1"});
  CHECK(from_scan.exit_code == 3);
  CHECK(from_scan.err.find("--team @db: the repository has no CODEOWNERS file") !=
        std::string::npos);
  // With owners, a team no file has is a usage error naming the owners there are.
  std::string owned = write_report(dir);
  ProcessResult unknown = run_stepup({"next", "--report", owned, "--team", "@dv"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("no file has this owner; nearest: @db") != std::string::npos);
}
