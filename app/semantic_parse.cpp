#include "app/semantic_parse.h"

#include <algorithm>
#include <filesystem>

#include "scanner/cache/store.h"
#include "scanner/parse/db_remap.h"

namespace stepup {

ClangScanOutput semantic_parse(const Discovery& discovery, const std::vector<bool>& skip,
                               const ScanOptions& options, const Config& config,
                               std::optional<CompileDatabase>& db, std::vector<Diagnostic>& diags,
                               ParseStats& stats) {
  if (auto path = find_compile_database(discovery.root, options.compile_commands)) {
    db = load_compile_database(*path);
    diags.insert(diags.end(), db->diagnostics.begin(), db->diagnostics.end());
    if (!remap_compile_database(*db, discovery.root, discovery.files, config.path_map, diags)) {
      db.reset();  // written elsewhere and not placeable: guessed flags do better
    } else {
      std::vector<Diagnostic> notes = configuration_notes(*db, discovery.root);
      diags.insert(diags.end(), notes.begin(), notes.end());
    }
  } else {
    diags.push_back({Diagnostic::Level::kWarning, "compile-db",
                     "no compile_commands.json found (give one with -p); each "
                     "file was parsed on its own with guessed flags (-std=c++17, "
                     "-I for include/, src/ and lib/ folders), so unresolved "
                     "includes may lower accuracy",
                     std::nullopt});
  }
  ClangScanInput in;
  in.root = discovery.root;
  in.files = &discovery.files;
  in.db = db ? &*db : nullptr;
  in.jobs = std::max(1, options.jobs);
  in.resource_dir = default_resource_dir();
  in.progress = options.progress;
  in.signals = &config.signals;
  in.risk_signals = options.risk_signals;
  in.parse_unbuilt = config.parse_unbuilt;
  in.skip = skip;
  std::error_code ec;
  if (!std::filesystem::exists(in.resource_dir + "/include/stddef.h", ec)) {
    diags.push_back({Diagnostic::Level::kWarning, "parse",
                     "clang resource directory " + in.resource_dir +
                         " lacks include/stddef.h; set STEPUP_CLANG_RESOURCE_DIR",
                     std::nullopt});
  }
  in.facts_config = facts_config(config);
  in.preloaded = options.preloaded;
  in.shard = options.shard;
  in.shards = options.shards;
  std::optional<FactsStore> cache;
  if (!options.cache_dir.empty()) {
    cache.emplace(CacheOptions{options.cache_dir, options.cache_max_size});
    if (cache->enabled()) in.cache = &*cache;
  }
  ClangScanOutput scanned = clang_scan(in);
  if (cache) {
    cache->flush();
    stats.cache = cache->stats();
    stats.cache_enabled = cache->enabled();
    stats.cache_notes = cache->notes();
  }
  stats.reused = scanned.reused;
  stats.not_in_shards = scanned.not_in_shards;
  stats.busy_seconds = scanned.busy_seconds;
  stats.parse_seconds = scanned.parse_seconds;
  diags.insert(diags.end(), scanned.diagnostics.begin(), scanned.diagnostics.end());
  return scanned;
}

}  // namespace stepup
