#include "app/history_db.h"

#include <cstdio>
#include <ctime>

#include "app/config_loader.h"
#include "model/errors.h"
#include "scanner/cache/hash.h"
#include "scanner/common/git_command.h"
#include "scanner/trend/schema.h"
#include "scanner/trend/store.h"

namespace stepup {

std::string commit_date_utc(const std::string& root, const std::string& commit,
                            ProcessRunner& runner) {
  ProcessResult r = runner.run(git_command(root, {"show", "-s", "--format=%ct", commit}), root);
  long long seconds = 0;
  if (!r.started || r.exit_code != 0 || std::sscanf(r.out.c_str(), "%lld", &seconds) != 1) {
    throw InputError(root + ": git cannot say the date of commit " + commit + " (" + r.err + ")");
  }
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

TrendRow scan_row(const ScanResult& result, ProcessRunner& runner) {
  const Report& report = result.report;
  if (!report.commit) {
    throw InputError(report.repo_root +
                     ": --history-db files each row under a commit, and this is not a git "
                     "checkout with a commit");
  }
  // The pipeline read the date already; git runs again only if it could not say.
  std::string date = report.commit_date ? *report.commit_date
                                        : commit_date_utc(report.repo_root, *report.commit, runner);
  std::string config = sha256_hex(config_to_json(result.config).dump());
  return make_trend_row(report, *report.commit, date, config, STEPUP_VERSION);
}

void record_scan(const std::string& db, const ScanResult& result, ProcessRunner& runner) {
  TrendRow row = scan_row(result, runner);
  int before = append_trend_row(db, row);
  const std::string& root = result.report.repo_root;
  ProcessResult dirty = runner.run(
      git_command(root, {"status", "--porcelain", "--untracked-files=no", "--ignore-submodules"}),
      root);
  std::fprintf(stderr, "stepup: history: row for %.12s (%s) written to %s%s\n", row.commit.c_str(),
               row.commit_date.c_str(), db.c_str(),
               before == 0 ? " (a new file)"
               : before < kTrendSchemaVersion
                   ? (" (migrated from schema v" + std::to_string(before) + ")").c_str()
                   : "");
  if (dirty.started && dirty.exit_code == 0 && !dirty.out.empty()) {
    std::fprintf(stderr,
                 "stepup: warning: history: the work tree differs from %.12s; its row "
                 "describes the uncommitted changes too\n",
                 row.commit.c_str());
  }
}

}  // namespace stepup
