// --history-db: the row a finished scan adds to the history store
// (docs/trend.md), with the commit's date from git and the hash of the
// effective configuration.
#pragma once

#include <string>

#include "app/pipeline.h"
#include "scanner/trend/row.h"

namespace stepup {

/// The committer date of `commit` in `root` as UTC ISO 8601
/// ("2026-01-15T10:00:00Z", so the text sorts by time). InputError when git
/// cannot say.
std::string commit_date_utc(const std::string& root, const std::string& commit,
                            ProcessRunner& runner);

/// The row for a finished scan. InputError when the report names no commit
/// (REPO is not a git checkout, or has no commit yet).
TrendRow scan_row(const ScanResult& result, ProcessRunner& runner);

/// Writes the scan's row to the store at `db` and says so on stderr, also
/// when the file was migrated or the work tree differs from the commit the
/// row is filed under. InputError as append_trend_row.
void record_scan(const std::string& db, const ScanResult& result, ProcessRunner& runner);

}  // namespace stepup
