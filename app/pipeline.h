// The scan pipeline: discover -> parse -> join -> rules, as one call.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "model/config.h"
#include "model/report.h"
#include "model/tu_facts.h"
#include "scanner/cache/facts_file.h"
#include "scanner/cache/store.h"
#include "scanner/common/process.h"

namespace stepup {

/// How sources are parsed: libclang over the compile database (or guessed
/// flags), tree-sitter with no build (docs/quick.md), or quick only when no
/// compile database is found (the command line's default).
enum class ParseMode { kSemantic, kQuick, kAuto };

/// The inputs of one scan, as the command line gives them.
struct ScanOptions {
  std::string repo = ".";
  /// --path: folders (repeatable) the scan is limited to; a REPO below the
  /// repository's top level limits it the same way.
  std::vector<std::string> paths;
  std::string compile_commands;       ///< -p: file or folder; "" = look in REPO
  std::string config;                 ///< --config; "" = REPO/.stepup.json if any
  std::vector<std::string> coverage;  ///< -c: coverage reports, any format
  std::string coverage_build;         ///< --coverage-build: run gcovr here
  std::string gcov_executable;        ///< --gcov-executable; "" = $GCOV, else gcov
  std::vector<std::string> profiles;  ///< --profile: collapsed stacks
  std::vector<std::string> errors;    ///< --errors: error and crash reports
  std::vector<std::string> findings;  ///< --findings: SARIF, cppcheck XML, clang-tidy text
  int jobs = 1;
  int since_days = 365;  ///< --since: the history window
  std::string team;      ///< --team: keep only what this CODEOWNERS owner owns
  int top = 10;
  std::string baseline;      ///< --baseline: an earlier report.json
  std::string diff_base;     ///< --diff-base: patch mode against this revision
  bool risk_signals = true;  ///< --no-risk-signals: skip log calls and AST findings
  /// --quick / --no-quick; `stepup scan` defaults to kAuto.
  ParseMode parse = ParseMode::kSemantic;
  /// Called from worker threads after each translation unit: (done, total).
  std::function<void(int, int)> progress;
  /// The facts cache (docs/cache.md): its folder ("" = none) and size bound.
  std::string cache_dir;
  uint64_t cache_max_size = 1024ull << 20;
  /// --shard K/N (shards 0: no sharding): parse this share of the TUs and
  /// stop; the facts are in ScanResult::shard.
  int shard = 0, shards = 0;
  /// stepup merge: the shards' facts by cache key, the configuration they
  /// were made with and the file that says so (a mismatch is InputError).
  const std::map<std::string, TuFacts>* preloaded = nullptr;
  std::string shards_config, shards_origin;
};

/// What the parse did, for the console (never in report.json, whose bytes
/// do not depend on the cache).
struct ParseStats {
  int reused = 0;            ///< TUs whose facts were kept (cache or shard)
  int not_in_shards = 0;     ///< stepup merge: TUs parsed because no shard had them
  double busy_seconds = 0;   ///< workers' time on TUs
  double parse_seconds = 0;  ///< the parses' wall time times the workers they had
  CacheStats cache;
  bool cache_enabled = false;
  std::vector<std::string> cache_notes;
};

/// Everything a scan produced, plus how much work it was.
struct ScanResult {
  Report report;
  Config config;
  int translation_units = 0;
  ParseStats parse;
  /// --shard: this shard's facts, and the configuration that changes facts.
  ShardFacts shard;
};

/// The configuration that changes facts (the signals), as text: part of
/// every cache key, and what stepup merge compares across shards.
std::string facts_config(const Config& config);

/// Runs the whole pipeline. Throws InputError for unusable input (missing
/// REPO, malformed compile database or config); every partial problem
/// becomes a diagnostic in the report.
ScanResult run_scan(const ScanOptions& options, ProcessRunner& runner);

}  // namespace stepup
