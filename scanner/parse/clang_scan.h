// The semantic pass: parses translation units with libclang, in parallel,
// and measures every function defined in a repository file.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/config.h"
#include "model/report.h"
#include "model/tu_facts.h"
#include "scanner/cache/store.h"
#include "scanner/common/discover.h"
#include "scanner/parse/compile_db.h"

namespace stepup {

/// What the semantic pass needs.
struct ClangScanInput {
  std::string root;  ///< absolute repo root
  const std::vector<SourceFile>* files = nullptr;
  std::vector<bool> skip;               ///< per file: do not parse (binary...)
  const CompileDatabase* db = nullptr;  ///< null: guessed flags
  int jobs = 1;
  std::string resource_dir;  ///< clang's, for <stddef.h> and co.
  /// What the AST pass looks for; null: default_signal_config().
  const SignalConfig* signals = nullptr;
  /// Parse the files a database does not build (scan.unbuilt: "parse");
  /// false: only the public headers under include/ among them.
  bool parse_unbuilt = false;
  /// false: no log calls or findings (the benchmark's baseline for their cost).
  bool risk_signals = true;
  /// Called from worker threads after each TU: (done, total).
  std::function<void(int, int)> progress;
  /// The facts cache (docs/cache.md); null: every TU is parsed.
  FactsStore* cache = nullptr;
  /// The configuration that changes facts (the signals), as text: part of
  /// every cache key.
  std::string facts_config;
  /// stepup merge: the shards' facts by key, used before the cache.
  const std::map<std::string, TuFacts>* preloaded = nullptr;
  /// --shard K/N (1-based K; shards 0: no sharding): parse only this
  /// share of the database's TUs, and no file on its own; the facts go to
  /// ClangScanOutput::shard_facts instead of the per-file output.
  int shard = 0, shards = 0;
};

/// What it found, per file (indexed like input.files).
struct ClangScanOutput {
  std::vector<std::vector<FunctionFacts>> functions;
  std::vector<bool> analysed;  ///< the file was seen by some TU
  /// The TU that analysed the file reported an error in it, or one outside
  /// every file it analysed (a system or outside header, the command line)
  /// when the file is that TU's main file (docs/signals.md).
  std::vector<bool> parse_errors;
  /// With a database: a command compiles the file or a compiled TU
  /// includes it. Without one: null.
  std::vector<std::optional<bool>> built;
  std::vector<std::vector<IncludeRef>> includes;  ///< its #include directives, by line
  std::vector<std::vector<int>> syntax;           ///< its tokens' classes (FileFacts::syntax)
  std::vector<Diagnostic> diagnostics;
  int tus = 0;  ///< translation units parsed
  /// Repo function and macro declarations met, by USR (with risk signals).
  std::map<std::string, DeclFacts> declarations;
  int reused = 0;                              ///< TUs whose facts came from the cache or a shard
  int not_in_shards = 0;                       ///< stepup merge: TUs no shard had, parsed here
  double busy_seconds = 0;                     ///< summed over workers: time spent on TUs
  double parse_seconds = 0;                    ///< the parses' wall time times the workers they had
  std::map<std::string, TuFacts> shard_facts;  ///< --shard: by cache key
};

ClangScanOutput clang_scan(const ClangScanInput& input);

/// The flags used for files when there is no compile database.
std::vector<std::string> guessed_args(const std::string& root, const std::vector<SourceFile>& files,
                                      bool is_c);

/// The resource directory stepup was built against (may be overridden by
/// the STEPUP_CLANG_RESOURCE_DIR environment variable).
std::string default_resource_dir();

}  // namespace stepup
