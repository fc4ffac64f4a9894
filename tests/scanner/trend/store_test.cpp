// trend/store.cpp: rows written and read back from real SQLite files, a
// re-scan replacing its commit's row, the v1 -> v2 migration of a file made
// with v1's own DDL, and each kind of unusable file refused (InputError)
// with its bytes unchanged.
#include "scanner/trend/store.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <functional>

#include "model/errors.h"
#include "tests/support/temp_repo.h"
#include "scanner/trend/schema.h"

using namespace stepup;
using Catch::Contains;

namespace {

TrendRow sample_row(const std::string& commit, const std::string& date, int max_score) {
  TrendRow r;
  r.commit = commit;
  r.commit_date = date;
  r.config_hash = "c0ffee";
  r.stepup_version = "0.1.0";
  r.production_coverage = 0.75;
  r.all_code_coverage = std::nullopt;
  r.code_lines = 120;
  r.candidates = 2;
  r.max_score = max_score;
  r.kinds = {{"add-tests", 1}, {"refactor", 1}};
  r.modules = {{"src/a", 0.5, max_score, 100, 3}, {"src/b", std::nullopt, 10, 20, 0}};
  r.candidate_list = {{"id-1", max_score, "refactor"}, {"id-2", 10, "add-tests"}};
  return r;
}

// Runs SQL on a file through the C API (the sqlite3 CLI may be absent).
void exec_sql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  INFO((err ? err : ""));
  sqlite3_free(err);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

// Schema v1 exactly as this feature's first design wrote it: no code_lines
// and no stepup_version in scans.
const char* kV1 =
    "CREATE TABLE scans(id INTEGER PRIMARY KEY, commit_sha TEXT NOT NULL UNIQUE,"
    " commit_date TEXT NOT NULL, config_hash TEXT NOT NULL, production_coverage REAL,"
    " all_code_coverage REAL, candidates INTEGER NOT NULL, max_score INTEGER NOT NULL);"
    "CREATE TABLE kinds(scan_id INTEGER NOT NULL, kind TEXT NOT NULL,"
    " candidates INTEGER NOT NULL, PRIMARY KEY(scan_id, kind));"
    "CREATE TABLE modules(scan_id INTEGER NOT NULL, name TEXT NOT NULL, coverage REAL,"
    " score INTEGER NOT NULL, code_lines INTEGER NOT NULL, log_calls INTEGER NOT NULL,"
    " PRIMARY KEY(scan_id, name));"
    "CREATE TABLE candidates(scan_id INTEGER NOT NULL, id TEXT NOT NULL,"
    " score INTEGER NOT NULL, kind TEXT NOT NULL);"
    "CREATE INDEX candidates_scan ON candidates(scan_id);"
    "PRAGMA application_id = 1398035792; PRAGMA user_version = 1;";

// Expects an InputError whose message holds `what`, and the file's bytes
// unchanged by the attempt.
template <typename Call>
void refused_intact(const std::string& path, Call call, const std::string& what) {
  std::string before = test::read_text(path);
  REQUIRE_FALSE(before.empty());
  try {
    call();
    FAIL("no InputError");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Contains(what));
    CHECK_THAT(e.what(), Contains(path));
  }
  CHECK(test::read_text(path) == before);
}

}  // namespace

TEST_CASE("history store: rows are appended and read back oldest first", "[trend]") {
  test::TempDir dir;
  std::string db = dir.path() + "/history.sqlite";
  CHECK_NOTHROW(check_history_db(db));  // absent: fine, made on the first write
  CHECK(append_trend_row(db, sample_row("bbb", "2026-01-12T10:00:00Z", 40)) == 0);
  CHECK(append_trend_row(db, sample_row("aaa", "2026-01-11T10:00:00Z", 30)) == 2);
  std::vector<TrendRow> rows = read_trend(db);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == sample_row("aaa", "2026-01-11T10:00:00Z", 30));
  CHECK(rows[1] == sample_row("bbb", "2026-01-12T10:00:00Z", 40));
  CHECK_NOTHROW(check_history_db(db));
}

TEST_CASE("history store: re-scanning a commit replaces its row", "[trend]") {
  test::TempDir dir;
  std::string db = dir.path() + "/history.sqlite";
  append_trend_row(db, sample_row("aaa", "2026-01-11T10:00:00Z", 30));
  append_trend_row(db, sample_row("bbb", "2026-01-12T10:00:00Z", 40));
  TrendRow again = sample_row("aaa", "2026-01-11T10:00:00Z", 55);
  again.modules.pop_back();
  again.candidate_list = {{"id-9", 55, "refactor"}};
  again.candidates = 1;
  again.kinds = {{"refactor", 1}};
  append_trend_row(db, again);
  std::vector<TrendRow> rows = read_trend(db);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == again);
  CHECK(rows[1].commit == "bbb");
  // No orphan of the replaced row is left behind.
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(h,
                             "SELECT (SELECT COUNT(*) FROM candidates), (SELECT COUNT(*) FROM "
                             "modules), (SELECT COUNT(*) FROM kinds)",
                             -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(sqlite3_column_int(st, 0) == 3);  // 1 for aaa, 2 for bbb
  CHECK(sqlite3_column_int(st, 1) == 3);  // 1 + 2
  CHECK(sqlite3_column_int(st, 2) == 3);  // 1 + 2
  sqlite3_finalize(st);
  sqlite3_close(h);
}

TEST_CASE("history store: a v1 file is migrated in place to v2", "[trend]") {
  test::TempDir dir;
  std::string db = dir.path() + "/v1.sqlite";
  exec_sql(db, kV1);
  // One v1 row: two modules of 100 and 23 code lines, one candidate.
  exec_sql(db,
           "INSERT INTO scans VALUES(7, 'old', '2026-01-01T09:00:00Z', 'cafe', 0.25, 0.5, 1, 61);"
           "INSERT INTO kinds VALUES(7, 'refactor', 1);"
           "INSERT INTO modules VALUES(7, 'src/a', 0.25, 61, 100, 2);"
           "INSERT INTO modules VALUES(7, 'src/b', NULL, 0, 23, 0);"
           "INSERT INTO candidates VALUES(7, 'id-old', 61, 'refactor');");
  CHECK_NOTHROW(check_history_db(db));  // readable as it is; nothing written
  CHECK(append_trend_row(db, sample_row("new", "2026-01-12T10:00:00Z", 40)) == 1);
  std::vector<TrendRow> rows = read_trend(db);
  REQUIRE(rows.size() == 2);
  TrendRow old;
  old.commit = "old";
  old.commit_date = "2026-01-01T09:00:00Z";
  old.config_hash = "cafe";
  old.stepup_version = "";  // unknown for a v1 row
  old.production_coverage = 0.25;
  old.all_code_coverage = 0.5;
  old.code_lines = 123;  // 100 + 23: the modules' sum
  old.candidates = 1;
  old.max_score = 61;
  old.kinds = {{"refactor", 1}};
  old.modules = {{"src/a", 0.25, 61, 100, 2}, {"src/b", std::nullopt, 0, 23, 0}};
  old.candidate_list = {{"id-old", 61, "refactor"}};
  CHECK(rows[0] == old);
  CHECK(rows[1] == sample_row("new", "2026-01-12T10:00:00Z", 40));
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(sqlite3_column_int(st, 0) == 2);
  sqlite3_finalize(st);
  sqlite3_close(h);
}

TEST_CASE("history store: reading a v1 file migrates it too", "[trend]") {
  test::TempDir dir;
  std::string db = dir.path() + "/v1.sqlite";
  exec_sql(db, kV1);
  exec_sql(db, "INSERT INTO scans VALUES(1, 'x', '2026-01-01T09:00:00Z', 'h', NULL, NULL, 0, 0);");
  std::vector<TrendRow> rows = read_trend(db);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].code_lines == 0);  // no module: no production code
  CHECK(rows[0].candidates == 0);
}

TEST_CASE("history store: unusable files are refused and left intact", "[trend]") {
  test::TempDir dir;
  std::string db = dir.path() + "/history.sqlite";
  append_trend_row(db, sample_row("aaa", "2026-01-11T10:00:00Z", 30));
  append_trend_row(db, sample_row("bbb", "2026-01-12T10:00:00Z", 40));
  auto write_row = [&] { append_trend_row(db, sample_row("ccc", "2026-01-13T10:00:00Z", 50)); };
  auto check = [&] { check_history_db(db); };
  auto read = [&] { read_trend(db); };

  SECTION("a newer schema") {
    exec_sql(db, "PRAGMA user_version = 3");
    for (auto call : {std::function<void()>(write_row), std::function<void()>(check),
                      std::function<void()>(read)}) {
      refused_intact(db, call, "schema v3, made by a newer stepup; this one reads up to v2");
    }
  }
  SECTION("a damaged page") {
    // The page size is 4096 (SQLite's default); page 2 is the root of the
    // first table created. Garbage there is what quick_check finds.
    std::string bytes = test::read_text(db);
    REQUIRE(bytes.size() >= 3 * 4096);
    std::fill(bytes.begin() + 4096, bytes.begin() + 2 * 4096, '\xA5');
    std::ofstream(db, std::ios::binary | std::ios::trunc) << bytes;
    for (auto call : {std::function<void()>(write_row), std::function<void()>(check),
                      std::function<void()>(read)}) {
      refused_intact(db, call, "corrupt");
    }
  }
  SECTION("not a database at all") {
    std::ofstream(db, std::ios::binary | std::ios::trunc) << std::string(8192, 'x');
    refused_intact(db, write_row, "not a SQLite database");
    refused_intact(db, check, "not a SQLite database");
  }
  SECTION("another program's SQLite file") {
    std::string other = dir.path() + "/other.sqlite";
    exec_sql(other, "CREATE TABLE t(x); INSERT INTO t VALUES(1);");
    refused_intact(
        other, [&] { append_trend_row(other, sample_row("c", "d", 1)); },
        "not a stepup history database");
  }
  SECTION("locked by another writer") {
    sqlite3* holder = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &holder) == SQLITE_OK);
    REQUIRE(sqlite3_exec(holder, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    refused_intact(db, write_row, "locked by another process");
    refused_intact(db, check, "locked by another process");
    sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(holder);
    CHECK(read_trend(db).size() == 2);  // usable again once released
  }
}

TEST_CASE("history store: missing files and folders", "[trend]") {
  test::TempDir dir;
  CHECK_THROWS_WITH(read_trend(dir.path() + "/none.sqlite"), Contains("no such history database"));
  CHECK_THROWS_WITH(check_history_db(dir.path() + "/no/such/folder/h.sqlite"),
                    Contains("does not exist"));
  CHECK_THROWS_WITH(check_history_db(dir.path()), Contains("a folder"));
}
