// The history store (docs/trend.md): one SQLite file, one row per scanned
// commit, written by `stepup scan --history-db FILE` and read by `stepup
// trend`. Every failure is an InputError (exit 3) naming the file and the
// reason, and leaves the file as it was: a corrupt file, another program's
// database, a schema newer than this stepup's, a file locked longer than
// kTrendLockWaitMs.
#pragma once

#include <string>
#include <vector>

#include "scanner/trend/row.h"

namespace stepup {

/// How long a writer or reader waits for another process's lock, in ms.
constexpr int kTrendLockWaitMs = 5000;

/// Checks, without writing anything, that `path` can take a row: absent or
/// empty (created on the first write), or a stepup history database that is
/// not corrupt (`PRAGMA quick_check`), not locked and not newer than this
/// stepup. Throws InputError otherwise; a scan calls it before its parse.
void check_history_db(const std::string& path);

/// Writes row in one transaction, first deleting the row of the same commit
/// (a re-scan replaces it) and migrating an older schema in place. Returns
/// the schema version the file had before (0: new). Throws InputError; on
/// any failure the transaction is rolled back and the file is unchanged.
int append_trend_row(const std::string& path, const TrendRow& row);

/// Every row, oldest commit date first (ties in the order written). An
/// older schema is migrated in place first (one transaction). Throws
/// InputError, also when the file does not exist.
std::vector<TrendRow> read_trend(const std::string& path);

}  // namespace stepup
