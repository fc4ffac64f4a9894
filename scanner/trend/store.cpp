#include "scanner/trend/store.h"

#include <sqlite3.h>

#include <filesystem>
#include <map>

#include "model/errors.h"
#include "scanner/trend/schema.h"

namespace fs = std::filesystem;

namespace stepup {
namespace {

// Why a call failed, in words a user can act on.
std::string reason(sqlite3* db, int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "locked by another process (waited " + std::to_string(kTrendLockWaitMs / 1000) +
             " s); run the scans that share it one after another";
    case SQLITE_NOTADB:
      return "not a SQLite database";
    case SQLITE_CORRUPT:
      return std::string("corrupt (") + (db ? sqlite3_errmsg(db) : "malformed") + ")";
    default:
      return db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  }
}

/// One open connection; closes itself. Every failure throws InputError.
class Db {
 public:
  Db(const std::string& path, bool write) : path_(path) {
    int flags = write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) fail(rc, "cannot open it");
    sqlite3_busy_timeout(db_, kTrendLockWaitMs);
    sqlite3_extended_result_codes(db_, 0);
  }
  ~Db() { sqlite3_close(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  [[noreturn]] void fail(int rc, const std::string& doing) const {
    throw InputError(path_ + ": history database " + doing + ": " + reason(db_, rc) +
                     "; the file is left as it was");
  }
  [[noreturn]] void fail_text(const std::string& why) const {
    throw InputError(path_ + ": " + why + "; the file is left as it was");
  }

  void exec(const std::string& sql, const char* doing) {
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(rc, doing);
  }

  /// The first column of the first row, as an integer (0 without a row).
  int64_t value(const std::string& sql, const char* doing) {
    sqlite3_stmt* st = prepare(sql, doing);
    int rc = sqlite3_step(st);
    int64_t v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(rc, doing);
    return v;
  }

  sqlite3_stmt* prepare(const std::string& sql, const char* doing) {
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr);
    if (rc != SQLITE_OK) fail(rc, doing);
    return st;
  }

  void step_done(sqlite3_stmt* st, const char* doing) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE) fail(rc, doing);
  }

  sqlite3* get() const { return db_; }

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

/// Finalizes a statement at scope exit.
struct Stmt {
  sqlite3_stmt* st;
  ~Stmt() { sqlite3_finalize(st); }
};

// The file's schema version after checking it is ours and whole (0: an
// empty database). Reads only.
int checked_version(Db& db) {
  int64_t version = db.value("PRAGMA user_version", "unreadable");
  int64_t app = db.value("PRAGMA application_id", "unreadable");
  int64_t tables = db.value("SELECT COUNT(*) FROM sqlite_master", "unreadable");
  if (app == 0 && version == 0 && tables == 0) return 0;
  if (app != kTrendApplicationId) {
    db.fail_text("not a stepup history database (another program's SQLite file: application_id " +
                 std::to_string(app) + ")");
  }
  if (version > kTrendSchemaVersion) {
    db.fail_text("history database of schema v" + std::to_string(version) +
                 ", made by a newer stepup; this one reads up to v" +
                 std::to_string(kTrendSchemaVersion));
  }
  if (version < 1) db.fail_text("history database without a schema version (corrupt)");
  sqlite3_stmt* st = db.prepare("PRAGMA quick_check", "unreadable");
  Stmt guard{st};
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) db.fail(rc, "unreadable");
  std::string first = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  if (first != "ok") db.fail_text("history database corrupt (quick_check: " + first + ")");
  return static_cast<int>(version);
}

// Inside the writer's transaction: creates or migrates to the current schema.
void bring_up_to_date(Db& db, int version) {
  if (version == 0) {
    db.exec(kTrendSchema, "cannot create its tables");
  } else {
    for (int i = version - 1; i < kTrendMigrationCount; ++i) {
      db.exec(kTrendMigrations[i].sql, "cannot migrate it");
    }
  }
  if (version != kTrendSchemaVersion) {
    db.exec("PRAGMA application_id = " + std::to_string(kTrendApplicationId) +
                "; PRAGMA user_version = " + std::to_string(kTrendSchemaVersion),
            "cannot set its schema version");
  }
}

void bind_text(sqlite3_stmt* st, int i, const std::string& s) {
  sqlite3_bind_text(st, i, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}

void bind_fraction(sqlite3_stmt* st, int i, const std::optional<double>& v) {
  if (v) {
    sqlite3_bind_double(st, i, *v);
  } else {
    sqlite3_bind_null(st, i);
  }
}

void insert_row(Db& db, const TrendRow& row) {
  const char* doing = "cannot write the row";
  sqlite3_stmt* del = db.prepare("SELECT id FROM scans WHERE commit_sha = ?", doing);
  Stmt g0{del};
  bind_text(del, 1, row.commit);
  if (sqlite3_step(del) == SQLITE_ROW) {
    std::string id = std::to_string(sqlite3_column_int64(del, 0));
    for (const char* table : {"kinds", "modules", "candidates"}) {
      db.exec(std::string("DELETE FROM ") + table + " WHERE scan_id = " + id, doing);
    }
    db.exec("DELETE FROM scans WHERE id = " + id, doing);
  }
  sqlite3_stmt* scan = db.prepare(
      "INSERT INTO scans(commit_sha, commit_date, config_hash, production_coverage, "
      "all_code_coverage, candidates, max_score, code_lines, stepup_version) "
      "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
      doing);
  Stmt g1{scan};
  bind_text(scan, 1, row.commit);
  bind_text(scan, 2, row.commit_date);
  bind_text(scan, 3, row.config_hash);
  bind_fraction(scan, 4, row.production_coverage);
  bind_fraction(scan, 5, row.all_code_coverage);
  sqlite3_bind_int(scan, 6, row.candidates);
  sqlite3_bind_int(scan, 7, row.max_score);
  if (row.code_lines) sqlite3_bind_int(scan, 8, *row.code_lines);
  bind_text(scan, 9, row.stepup_version);
  db.step_done(scan, doing);
  int64_t id = sqlite3_last_insert_rowid(db.get());

  sqlite3_stmt* kind = db.prepare("INSERT INTO kinds VALUES(?, ?, ?)", doing);
  Stmt g2{kind};
  for (const auto& [name, n] : row.kinds) {
    sqlite3_bind_int64(kind, 1, id);
    bind_text(kind, 2, name);
    sqlite3_bind_int(kind, 3, n);
    db.step_done(kind, doing);
  }
  sqlite3_stmt* mod = db.prepare("INSERT INTO modules VALUES(?, ?, ?, ?, ?, ?)", doing);
  Stmt g3{mod};
  for (const TrendModule& m : row.modules) {
    sqlite3_bind_int64(mod, 1, id);
    bind_text(mod, 2, m.name);
    bind_fraction(mod, 3, m.coverage);
    sqlite3_bind_int(mod, 4, m.score);
    sqlite3_bind_int(mod, 5, m.code_lines);
    sqlite3_bind_int(mod, 6, m.log_calls);
    db.step_done(mod, doing);
  }
  sqlite3_stmt* cand = db.prepare("INSERT INTO candidates VALUES(?, ?, ?, ?)", doing);
  Stmt g4{cand};
  for (const TrendCandidate& c : row.candidate_list) {
    sqlite3_bind_int64(cand, 1, id);
    bind_text(cand, 2, c.id);
    sqlite3_bind_int(cand, 3, c.score);
    bind_text(cand, 4, c.kind);
    db.step_done(cand, doing);
  }
}

std::string text_at(sqlite3_stmt* st, int i) {
  const unsigned char* t = sqlite3_column_text(st, i);
  return t ? reinterpret_cast<const char*>(t) : "";
}

std::optional<double> fraction_at(sqlite3_stmt* st, int i) {
  if (sqlite3_column_type(st, i) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_double(st, i);
}

// Runs body in one write transaction: BEGIN IMMEDIATE takes the write lock
// before anything is read, so the checks and the write see the same file.
template <typename Body>
auto in_transaction(Db& db, Body body) {
  db.exec("BEGIN IMMEDIATE", "cannot be locked for writing");
  try {
    auto out = body();
    db.exec("COMMIT", "cannot commit the transaction");
    return out;
  } catch (...) {
    sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::vector<TrendRow> read_rows(Db& db) {
  const char* doing = "unreadable";
  std::vector<TrendRow> rows;
  std::map<int64_t, size_t> index;
  sqlite3_stmt* st = db.prepare(
      "SELECT id, commit_sha, commit_date, config_hash, production_coverage, "
      "all_code_coverage, candidates, max_score, code_lines, stepup_version FROM scans "
      "ORDER BY commit_date, id",
      doing);
  Stmt g0{st};
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    TrendRow r;
    r.commit = text_at(st, 1);
    r.commit_date = text_at(st, 2);
    r.config_hash = text_at(st, 3);
    r.production_coverage = fraction_at(st, 4);
    r.all_code_coverage = fraction_at(st, 5);
    r.candidates = sqlite3_column_int(st, 6);
    r.max_score = sqlite3_column_int(st, 7);
    if (sqlite3_column_type(st, 8) != SQLITE_NULL) r.code_lines = sqlite3_column_int(st, 8);
    r.stepup_version = text_at(st, 9);
    index[sqlite3_column_int64(st, 0)] = rows.size();
    rows.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) db.fail(rc, doing);
  sqlite3_stmt* k = db.prepare("SELECT scan_id, kind, candidates FROM kinds", doing);
  Stmt g1{k};
  while ((rc = sqlite3_step(k)) == SQLITE_ROW) {
    auto it = index.find(sqlite3_column_int64(k, 0));
    if (it != index.end()) rows[it->second].kinds[text_at(k, 1)] = sqlite3_column_int(k, 2);
  }
  if (rc != SQLITE_DONE) db.fail(rc, doing);
  sqlite3_stmt* m = db.prepare(
      "SELECT scan_id, name, coverage, score, code_lines, log_calls FROM modules ORDER BY name",
      doing);
  Stmt g2{m};
  while ((rc = sqlite3_step(m)) == SQLITE_ROW) {
    auto it = index.find(sqlite3_column_int64(m, 0));
    if (it == index.end()) continue;
    rows[it->second].modules.push_back({text_at(m, 1), fraction_at(m, 2), sqlite3_column_int(m, 3),
                                        sqlite3_column_int(m, 4), sqlite3_column_int(m, 5)});
  }
  if (rc != SQLITE_DONE) db.fail(rc, doing);
  sqlite3_stmt* c =
      db.prepare("SELECT scan_id, id, score, kind FROM candidates ORDER BY id", doing);
  Stmt g3{c};
  while ((rc = sqlite3_step(c)) == SQLITE_ROW) {
    auto it = index.find(sqlite3_column_int64(c, 0));
    if (it == index.end()) continue;
    rows[it->second].candidate_list.push_back(
        {text_at(c, 1), sqlite3_column_int(c, 2), text_at(c, 3)});
  }
  if (rc != SQLITE_DONE) db.fail(rc, doing);
  return rows;
}

void require_folder(const std::string& path) {
  fs::path parent = fs::absolute(path).parent_path();
  std::error_code ec;
  if (!fs::is_directory(parent, ec)) {
    throw InputError(path + ": the history database's folder " + parent.string() +
                     " does not exist");
  }
}

}  // namespace

void check_history_db(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    require_folder(path);
    return;
  }
  if (fs::is_directory(path, ec)) throw InputError(path + ": a folder, not a history database");
  if (fs::file_size(path, ec) == 0) return;
  Db db(path, false);
  db.exec("BEGIN", "unreadable");
  checked_version(db);
  db.exec("COMMIT", "unreadable");
}

int append_trend_row(const std::string& path, const TrendRow& row) {
  require_folder(path);
  Db db(path, true);
  return in_transaction(db, [&] {
    int version = checked_version(db);
    bring_up_to_date(db, version);
    insert_row(db, row);
    return version;
  });
}

std::vector<TrendRow> read_trend(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    throw InputError(path + ": no such history database (stepup scan --history-db writes one)");
  }
  Db db(path, true);
  return in_transaction(db, [&] {
    int version = checked_version(db);
    if (version == 0) return std::vector<TrendRow>{};
    if (version < kTrendSchemaVersion) bring_up_to_date(db, version);
    return read_rows(db);
  });
}

}  // namespace stepup
