#include "scanner/trend/schema.h"

namespace stepup {

// Version 2. Each table's units are in docs/trend.md.
const char* const kTrendSchema =
    "CREATE TABLE scans("
    " id INTEGER PRIMARY KEY,"
    " commit_sha TEXT NOT NULL UNIQUE,"
    " commit_date TEXT NOT NULL,"
    " config_hash TEXT NOT NULL,"
    " production_coverage REAL,"
    " all_code_coverage REAL,"
    " candidates INTEGER NOT NULL,"
    " max_score INTEGER NOT NULL,"
    " code_lines INTEGER,"
    " stepup_version TEXT);"
    "CREATE TABLE kinds("
    " scan_id INTEGER NOT NULL,"
    " kind TEXT NOT NULL,"
    " candidates INTEGER NOT NULL,"
    " PRIMARY KEY(scan_id, kind));"
    "CREATE TABLE modules("
    " scan_id INTEGER NOT NULL,"
    " name TEXT NOT NULL,"
    " coverage REAL,"
    " score INTEGER NOT NULL,"
    " code_lines INTEGER NOT NULL,"
    " log_calls INTEGER NOT NULL,"
    " PRIMARY KEY(scan_id, name));"
    "CREATE TABLE candidates("
    " scan_id INTEGER NOT NULL,"
    " id TEXT NOT NULL,"
    " score INTEGER NOT NULL,"
    " kind TEXT NOT NULL);"
    "CREATE INDEX candidates_scan ON candidates(scan_id);";

// v1 -> v2: the production code lines and the stepup that scanned. A v1
// row's code lines are its modules' sum (both count production files
// only); which stepup wrote it is not known, so it stays NULL.
const TrendMigration kTrendMigrations[] = {
    {1,
     "ALTER TABLE scans ADD COLUMN code_lines INTEGER;"
     "ALTER TABLE scans ADD COLUMN stepup_version TEXT;"
     "UPDATE scans SET code_lines = (SELECT COALESCE(SUM(m.code_lines), 0) FROM modules m"
     " WHERE m.scan_id = scans.id);"},
};
const int kTrendMigrationCount = sizeof(kTrendMigrations) / sizeof(kTrendMigrations[0]);

}  // namespace stepup
