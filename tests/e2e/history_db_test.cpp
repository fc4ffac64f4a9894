// scan --history-db and stepup trend end to end: a scripted repository with
// fixed dates, the real binary, real SQLite files (docs/trend.md).
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/temp_repo.h"
#include "scanner/trend/store.h"

using namespace stepup;
using Json = nlohmann::json;
using Catch::Contains;

namespace {

// A function nested `depth` ifs deep: cognitive complexity grows with it,
// so each commit's candidates score differently.
std::string deep_function(int depth) {
  std::string body = "int deep(int a) {\n";
  for (int i = 1; i <= depth; ++i) body += "if (a > " + std::to_string(i) + ") {\n";
  body += "return a;\n";
  for (int i = 1; i <= depth; ++i) body += "}\n";
  return body + "return 0;\n}\n";
}

// Three commits (Jan 11, 12 and 13, 10:00 at +02:00).
struct Repo {
  test::TempDir dir;
  Repo() {
    dir.write("src/core/calc.cpp", deep_function(6));
    dir.write("src/util/twice.cpp", "int twice(int x) { return 2 * x; }\n");
    test::git_commit_all(dir.path(), "first", "2026-01-11T10:00:00+02:00");
    dir.write("src/core/calc.cpp", deep_function(8));
    test::git_commit_all(dir.path(), "fix crash in deep", "2026-01-12T10:00:00+02:00");
    // A complex function with one commit and one fix is not yet a task.
    dir.write("src/core/calc.cpp", deep_function(9));
    test::git_commit_all(dir.path(), "fix bug in deep", "2026-01-13T10:00:00+02:00");
  }
  std::string head() const {
    std::string sha = test::run({"git", "-C", dir.path(), "rev-parse", "HEAD"}, dir.path());
    return sha.substr(0, sha.find('\n'));
  }
};

ProcessResult scan(const Repo& r, const std::string& db, const std::string& out,
                   std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"scan", r.dir.path(), "-o", out, "-j", "1", "--history-db", db};
  args.insert(args.end(), more.begin(), more.end());
  return test::run_stepup(args);
}

}  // namespace

TEST_CASE("scan --history-db appends a row per commit, a re-scan replaces it", "[history-db]") {
  Repo r;
  test::TempDir out;
  std::string db = out.path() + "/history.sqlite";
  ProcessResult first = scan(r, db, out.path() + "/report");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK_THAT(first.err, Contains("history: row for " + r.head().substr(0, 12)));
  Json report = Json::parse(test::read_text(out.path() + "/report/report.json"));
  std::vector<TrendRow> rows = read_trend(db);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].commit == r.head());
  CHECK(rows[0].commit_date == "2026-01-13T08:00:00Z");  // 10:00 at +02:00, in UTC
  CHECK(rows[0].code_lines == report["summary"]["code_lines"].get<int>());
  CHECK(rows[0].candidates == static_cast<int>(report["candidates"].size()));
  REQUIRE(rows[0].candidates > 0);
  int max_score = 0;
  for (const auto& c : report["candidates"]) max_score = std::max(max_score, c["score"].get<int>());
  CHECK(rows[0].max_score == max_score);
  CHECK(rows[0].candidate_list.size() == report["candidates"].size());
  CHECK_FALSE(rows[0].production_coverage);  // no coverage given
  CHECK(rows[0].config_hash.size() == 64);
  CHECK(rows[0].stepup_version == STEPUP_VERSION_FOR_TESTS);

  REQUIRE(scan(r, db, out.path() + "/report").exit_code == 0);  // same commit: its row replaced
  std::vector<TrendRow> again = read_trend(db);
  REQUIRE(again.size() == 1);
  CHECK(again[0] == rows[0]);

  r.dir.write("src/util/thrice.cpp", "int thrice(int x) { return 3 * x; }\n");
  test::git_commit_all(r.dir.path(), "thrice", "2026-01-14T10:00:00+00:00");
  REQUIRE(scan(r, db, out.path() + "/report").exit_code == 0);
  rows = read_trend(db);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].commit == r.head());
  CHECK(rows[1].commit_date == "2026-01-14T10:00:00Z");
  CHECK(rows[1].code_lines == *rows[0].code_lines + 1);
  // report.json's trend is the store as read back after this scan's row.
  Json now = Json::parse(test::read_text(out.path() + "/report/report.json"));
  const Json& t = now["trend"];
  REQUIRE(t["scans"].size() == 2);
  CHECK(t["current"] == 1);
  CHECK(t["scans"][0]["commit"] == rows[0].commit);
  CHECK(t["scans"][0]["max_score"] == rows[0].max_score);
  CHECK(t["scans"][1]["commit_date"] == "2026-01-14T10:00:00Z");
  CHECK(t["module_previous"]["src/core"]["score"] == rows[0].modules[0].score);
  CHECK_FALSE(t["module_first"].contains("src/util/thrice"));
  for (const auto& c : now["candidates"]) {  // deep's task was there at the first scan
    CHECK(t["first_seen"][c["id"].get<std::string>()] == "2026-01-13T08:00:00Z");
  }
  CHECK(now["repo"]["commit_date"] == "2026-01-14T10:00:00Z");
  CHECK(report["trend"]["scans"].size() == 1);  // the first scan saw only its own row

  ProcessResult json = test::run_stepup({"trend", "--history-db", db, "--format", "json"});
  REQUIRE(json.exit_code == 0);
  Json trend = Json::parse(json.out);
  CHECK(trend["schema"] == "stepup-trend/1");
  REQUIRE(trend["rows"].size() == 2);
  CHECK(trend["rows"][1]["commit"] == r.head());
  CHECK(trend["rows"][0]["summary"]["max_score"] == rows[0].max_score);
  CHECK(trend["rows"][0]["summary"]["production_coverage"].is_null());
  ProcessResult table = test::run_stepup({"trend", "--history-db", db});
  REQUIRE(table.exit_code == 0);
  CHECK_THAT(table.out, Contains(r.head().substr(0, 12) + "  2026-01-14"));
}

TEST_CASE("scan --history-db: an unusable file is exit 3 and stays intact", "[history-db]") {
  Repo r;
  test::TempDir out;
  std::string db = out.path() + "/history.sqlite";
  REQUIRE(scan(r, db, out.path() + "/report").exit_code == 0);
  std::string out_dir = out.path() + "/refused";  // where the failing scans would write

  SECTION("corrupt") {
    std::string bytes = test::read_text(db);
    REQUIRE(bytes.size() > 2 * 4096);
    std::fill(bytes.begin() + 4096, bytes.begin() + 2 * 4096, '\x5A');
    std::ofstream(db, std::ios::binary | std::ios::trunc) << bytes;
    ProcessResult p = scan(r, db, out_dir);
    CHECK(p.exit_code == 3);
    CHECK_THAT(p.err, Contains(db) && Contains("corrupt") && Contains("left as it was"));
    CHECK(test::read_text(db) == bytes);
    CHECK_FALSE(std::filesystem::exists(out_dir));  // refused before the scan
    ProcessResult t = test::run_stepup({"trend", "--history-db", db});
    CHECK(t.exit_code == 3);
    CHECK(test::read_text(db) == bytes);
  }
  SECTION("locked") {
    std::string bytes = test::read_text(db);
    sqlite3* holder = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &holder) == SQLITE_OK);
    REQUIRE(sqlite3_exec(holder, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    ProcessResult p = scan(r, db, out_dir);
    sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(holder);
    CHECK(p.exit_code == 3);
    CHECK_THAT(p.err, Contains("locked by another process"));
    CHECK(test::read_text(db) == bytes);
  }
  SECTION("from a newer stepup") {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
    REQUIRE(sqlite3_exec(h, "PRAGMA user_version = 9", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(h);
    std::string bytes = test::read_text(db);
    ProcessResult p = scan(r, db, out_dir);
    CHECK(p.exit_code == 3);
    CHECK_THAT(p.err, Contains("schema v9, made by a newer stepup"));
    CHECK(test::read_text(db) == bytes);
  }
}

TEST_CASE("scan --history-db: usage and input errors", "[history-db]") {
  test::TempDir dir;
  dir.write("a.cpp", "int f() { return 1; }\n");
  std::string db = dir.path() + "/h.sqlite";
  ProcessResult no_git = test::run_stepup(
      {"scan", dir.path(), "-o", dir.path() + "/out", "--history-db", db, "-j", "1"});
  CHECK(no_git.exit_code == 3);
  CHECK_THAT(no_git.err, Contains("not a git checkout with a commit"));
  CHECK_FALSE(std::filesystem::exists(db));
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/out"));  // refused before the parse
  CHECK(test::run_stepup({"scan", dir.path(), "--backfill", "3"}).exit_code == 2);
  CHECK(test::run_stepup({"scan", dir.path(), "--history-db", db, "--backfill", "0"}).exit_code ==
        2);
  CHECK(test::run_stepup({"trend"}).exit_code == 2);
  CHECK(test::run_stepup({"trend", "--history-db", db, "--format", "xml"}).exit_code == 2);
  ProcessResult missing = test::run_stepup({"trend", "--history-db", db});
  CHECK(missing.exit_code == 3);
  CHECK_THAT(missing.err, Contains("no such history database"));
}
