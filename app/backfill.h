// --backfill N: the history store's rows for the commits before HEAD,
// scanned in a scratch worktree so the user's checkout (its files, index
// and HEAD) is never touched (docs/trend.md).
#pragma once

#include <string>

#include "app/pipeline.h"

namespace stepup {

/// What a backfill did, for the console and the tests.
struct BackfillStats {
  int scanned = 0;  ///< rows written
  int failed = 0;   ///< commits whose scan stopped on unusable input (said on stderr)
  int missing = 0;  ///< of the N asked for, commits the history does not have
  int kept = 0;     ///< commits that already had a row, left as stored (not scanned)
};

/// Scans the n - 1 first-parent ancestors of HEAD nearest to it (HEAD's
/// own row is the scan of the checkout), oldest first, each in one scratch
/// worktree (`git worktree add --detach` under $TMPDIR, removed at the
/// end) with the options of the checkout's scan less those that describe
/// one build or one run: coverage, evidence, -p, --baseline, --diff-base.
/// A commit that already has a row in `db` keeps it and is not scanned
/// (a stored row may hold coverage a backfill cannot give). The facts
/// cache is shared, so a TU unchanged between two commits is parsed once. Each row is written as soon as its scan ends. Throws
/// InputError when the store cannot be written (the rows already written
/// stay) or git cannot make the worktree.
BackfillStats backfill_history(const ScanOptions& options, const std::string& root,
                               const std::string& db, int n, ProcessRunner& runner);

}  // namespace stepup
