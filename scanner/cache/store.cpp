#include "scanner/cache/store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "scanner/cache/tu_codec.h"

namespace fs = std::filesystem;

namespace stepup {
namespace {

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS entries(key TEXT PRIMARY KEY, size INTEGER NOT NULL, "
    "atime INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS costs(tu TEXT PRIMARY KEY, seconds REAL NOT NULL);";

int64_t now_micros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A name no other writer (thread or process) uses for its temporary file.
std::string temp_suffix() {
  static std::atomic<uint64_t> counter{0};
  std::ostringstream s;
  s << ".tmp." << getpid() << "." << std::hash<std::thread::id>()(std::this_thread::get_id()) << "."
    << counter++;
  return s.str();
}

}  // namespace

std::string default_cache_dir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg == '/') return std::string(xdg) + "/stepup";
  const char* home = std::getenv("HOME");
  if (home && *home == '/') return std::string(home) + "/.cache/stepup";
  return "";
}

std::optional<uint64_t> parse_size(const std::string& text) {
  if (text.empty()) return std::nullopt;
  uint64_t unit = 1;
  std::string digits = text;
  switch (text.back()) {
    case 'k':
    case 'K':
      unit = 1ull << 10;
      break;
    case 'm':
    case 'M':
      unit = 1ull << 20;
      break;
    case 'g':
    case 'G':
      unit = 1ull << 30;
      break;
    default:
      break;
  }
  if (unit != 1) digits.pop_back();
  if (digits.empty() || digits.size() > 12 ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoull(digits) * unit;
}

FactsStore::FactsStore(const CacheOptions& options) : options_(options) {
  if (options_.dir.empty()) return;
  std::error_code ec;
  fs::create_directories(options_.dir + "/entries", ec);
  if (ec || !fs::is_directory(options_.dir, ec)) {
    note("cache disabled: cannot create " + options_.dir + "/entries (" + ec.message() + ")");
    return;
  }
  std::string index = options_.dir + "/index.sqlite";
  if (sqlite3_open_v2(index.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
          SQLITE_OK ||
      sqlite3_busy_timeout(db_, 30000) != SQLITE_OK ||
      !exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;") || !exec(kSchema)) {
    note("cache disabled: cannot open its index " + index + " (" +
         (db_ ? sqlite3_errmsg(db_) : "out of memory") + ")");
    sqlite3_close(db_);
    db_ = nullptr;
    return;
  }
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT tu, seconds FROM costs", -1, &st, nullptr) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      costs_[reinterpret_cast<const char*>(sqlite3_column_text(st, 0))] =
          sqlite3_column_double(st, 1);
    }
  }
  sqlite3_finalize(st);
}

FactsStore::~FactsStore() { sqlite3_close(db_); }

bool FactsStore::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) == SQLITE_OK) return true;
  std::string why = err ? err : "unknown error";
  sqlite3_free(err);
  note(std::string("cache index: ") + why);
  return false;
}

void FactsStore::note(const std::string& text) {
  std::lock_guard<std::mutex> lock(mu_);
  if (notes_.size() < 20) notes_.push_back(text);
}

std::string FactsStore::entry_path(const std::string& key) const {
  return options_.dir + "/entries/" + key.substr(0, 2) + "/" + key;
}

std::optional<TuFacts> FactsStore::load(const std::string& key) {
  if (!db_) return std::nullopt;
  std::string path = entry_path(key);
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  std::string bytes = text.str(), why;
  std::optional<TuFacts> facts;
  if (auto payload = unframe(bytes, &why)) {
    try {
      if (payload->at(0).get<std::string>() != key) throw std::out_of_range("another key");
      facts = tu_facts_from_json(payload->at(1));
    } catch (const std::exception& e) {
      why = std::string("malformed entry: ") + e.what();
    }
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (!facts) {
    ++stats_.corrupt;
    if (notes_.size() < 20)
      notes_.push_back("cache entry " + path + " unreadable (" + why + "): parsed again");
    return std::nullopt;
  }
  touched_[key] = bytes.size();
  return facts;
}

void FactsStore::save(const std::string& key, const TuFacts& facts) {
  if (!db_) return;
  std::string bytes = frame(nlohmann::json::array({key, tu_facts_to_json(facts)}));
  std::string path = entry_path(key), temp = path + temp_suffix();
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  bool ok = !ec;
  if (ok) {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    ok = static_cast<bool>(out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())));
    out.close();
    ok = ok && !out.fail();
  }
  if (ok) {
    fs::rename(temp, path, ec);
    ok = !ec;
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (!ok) {
    fs::remove(temp, ec);
    if (stats_.write_failures++ == 0 && notes_.size() < 20) {
      notes_.push_back("cannot write cache entries under " + options_.dir +
                       "/entries (the scan goes on without storing them)");
    }
    return;
  }
  ++stats_.written;
  touched_[key] = bytes.size();
}

std::optional<double> FactsStore::cost(const std::string& tu) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = costs_.find(tu);
  if (it == costs_.end()) return std::nullopt;
  return it->second;
}

void FactsStore::set_cost(const std::string& tu, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  new_costs_[tu] = seconds;
}

void FactsStore::flush() {
  if (!db_) return;
  std::map<std::string, uint64_t> touched;
  std::map<std::string, double> new_costs;
  {
    std::lock_guard<std::mutex> lock(mu_);
    touched.swap(touched_);
    new_costs.swap(new_costs_);
  }
  if (!exec("BEGIN IMMEDIATE")) return;
  sqlite3_stmt* put = nullptr;
  sqlite3_stmt* cost = nullptr;
  sqlite3_prepare_v2(db_, "INSERT OR REPLACE INTO entries(key, size, atime) VALUES(?, ?, ?)", -1,
                     &put, nullptr);
  sqlite3_prepare_v2(db_, "INSERT OR REPLACE INTO costs(tu, seconds) VALUES(?, ?)", -1, &cost,
                     nullptr);
  int64_t now = now_micros();
  for (const auto& [key, size] : touched) {
    sqlite3_bind_text(put, 1, key.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(put, 2, static_cast<int64_t>(size));
    sqlite3_bind_int64(put, 3, now);
    sqlite3_step(put);
    sqlite3_reset(put);
  }
  for (const auto& [tu, seconds] : new_costs) {
    sqlite3_bind_text(cost, 1, tu.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(cost, 2, seconds);
    sqlite3_step(cost);
    sqlite3_reset(cost);
  }
  sqlite3_finalize(put);
  sqlite3_finalize(cost);
  int evicted = evict();
  if (!exec("COMMIT")) {
    exec("ROLLBACK");
    return;
  }
  std::lock_guard<std::mutex> lock(mu_);
  stats_.evicted += evicted;
}

// Inside flush's transaction: the oldest entries go until the rest fit.
int FactsStore::evict() {
  sqlite3_stmt* st = nullptr;
  int64_t total = 0;
  if (sqlite3_prepare_v2(db_, "SELECT COALESCE(SUM(size), 0) FROM entries", -1, &st, nullptr) ==
          SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    total = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  if (total <= static_cast<int64_t>(options_.max_size)) return 0;
  std::vector<std::string> gone;
  sqlite3_prepare_v2(db_, "SELECT key, size FROM entries ORDER BY atime, key", -1, &st, nullptr);
  while (total > static_cast<int64_t>(options_.max_size) && sqlite3_step(st) == SQLITE_ROW) {
    gone.push_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    total -= sqlite3_column_int64(st, 1);
  }
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db_, "DELETE FROM entries WHERE key = ?", -1, &st, nullptr);
  for (const auto& key : gone) {
    std::error_code ec;
    fs::remove(entry_path(key), ec);
    sqlite3_bind_text(st, 1, key.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  return static_cast<int>(gone.size());
}

CacheStats FactsStore::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

std::vector<std::string> FactsStore::notes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return notes_;
}

}  // namespace stepup
