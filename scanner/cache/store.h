// The facts cache on disk (docs/cache.md): one file per entry, written to a
// temporary name and renamed into place, and a SQLite index of the entries'
// sizes, last access and parse cost, shared safely by scans that run at
// once. A problem with the cache is never a problem with the scan: an entry
// that cannot be read is a miss, one that cannot be written is skipped, and
// each is said once on the console (notes()).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "model/tu_facts.h"

struct sqlite3;

namespace stepup {

/// Where the cache lives and how big it may grow.
struct CacheOptions {
  std::string dir;                    ///< "" = no cache
  uint64_t max_size = 1024ull << 20;  ///< bytes of entries; LRU beyond
};

/// $XDG_CACHE_HOME/stepup, else $HOME/.cache/stepup ("" when neither is set).
std::string default_cache_dir();

/// "500M", "2G", "65536": bytes; nullopt when not a size.
std::optional<uint64_t> parse_size(const std::string& text);

/// What a scan did with the cache, for the console.
struct CacheStats {
  int corrupt = 0, written = 0, write_failures = 0, evicted = 0;
};

/// One scan's handle on the cache directory (thread-safe).
class FactsStore {
 public:
  explicit FactsStore(const CacheOptions& options);
  ~FactsStore();
  FactsStore(const FactsStore&) = delete;
  FactsStore& operator=(const FactsStore&) = delete;

  bool enabled() const { return db_ != nullptr; }
  /// The entry stored under key, or nullopt: absent, or unreadable (a note).
  std::optional<TuFacts> load(const std::string& key);
  void save(const std::string& key, const TuFacts& facts);
  /// The parse time last measured for a TU (by its identity, not its key).
  std::optional<double> cost(const std::string& tu) const;
  void set_cost(const std::string& tu, double seconds);
  /// Records accesses, new entries and costs in the index, then evicts the
  /// least recently used entries beyond max_size.
  void flush();

  CacheStats stats() const;
  std::vector<std::string> notes() const;

 private:
  std::string entry_path(const std::string& key) const;
  void note(const std::string& text);
  bool exec(const char* sql);
  int evict();  ///< entries removed

  CacheOptions options_;
  sqlite3* db_ = nullptr;
  mutable std::mutex mu_;
  std::map<std::string, uint64_t> touched_;  ///< key -> size (read or written)
  std::map<std::string, double> costs_, new_costs_;
  CacheStats stats_;
  std::vector<std::string> notes_;
};

}  // namespace stepup
