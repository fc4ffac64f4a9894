#include "app/shards.h"

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "model/errors.h"

namespace stepup {
namespace {

int whole(const std::string& text) {
  int v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  return ec == std::errc() && ptr == text.data() + text.size() ? v : -1;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read the facts file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

void parse_shard(const std::string& shard, const std::string& facts_out, ScanOptions& opt) {
  if (shard.empty() != facts_out.empty()) {
    throw UsageError("--shard K/N and --facts-out FILE go together");
  }
  if (shard.empty()) return;
  size_t slash = shard.find('/');
  int k = slash == std::string::npos ? -1 : whole(shard.substr(0, slash));
  int n = slash == std::string::npos ? -1 : whole(shard.substr(slash + 1));
  if (k < 1 || n < 1 || k > n || n > 10000) {
    throw UsageError("--shard takes K/N with 1 <= K <= N (e.g. 2/3), not '" + shard + "'");
  }
  opt.shard = k;
  opt.shards = n;
}

std::map<std::string, TuFacts> load_shards(const std::vector<std::string>& files,
                                           ScanOptions& opt) {
  std::map<std::string, TuFacts> all;
  std::map<int, std::string> seen;  // K -> file
  int n = 0;
  std::string first;
  for (const std::string& path : files) {
    ShardFacts f = read_facts_file(read_file(path), path);
    if (f.version != STEPUP_VERSION) {
      throw InputError(path + ": written by stepup " + f.version + "; this is stepup " +
                       STEPUP_VERSION + " (run every shard and the merge with one stepup)");
    }
    if (first.empty()) {
      first = path;
      n = f.shards;
      opt.shards_config = f.config;
      opt.shards_origin = path;
    } else if (f.config != opt.shards_config) {
      throw InputError(path + ": made with another configuration than " + first +
                       " (the signals settings differ)");
    } else if (f.shards != n) {
      throw InputError(path + ": shard " + std::to_string(f.shard) + "/" +
                       std::to_string(f.shards) + ", but " + first + " is one of " +
                       std::to_string(n));
    }
    auto [it, fresh] = seen.emplace(f.shard, path);
    if (!fresh) {
      throw InputError(path + ": shard " + std::to_string(f.shard) + "/" + std::to_string(n) +
                       " is also " + it->second);
    }
    for (auto& [key, tu] : f.tus) all.emplace(key, std::move(tu));
  }
  for (int k = 1; k <= n; ++k) {
    if (!seen.count(k)) {
      throw InputError("shard " + std::to_string(k) + "/" + std::to_string(n) +
                       " is missing (given: " + std::to_string(seen.size()) + " file(s))");
    }
  }
  return all;
}

int write_shard(const ScanResult& result, const std::string& path, double seconds) {
  std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    std::string bytes = facts_file_bytes(result.shard);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw InputError(path + ": cannot write the facts file");
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) throw InputError(path + ": cannot write the facts file (" + ec.message() + ")");
  std::fprintf(stderr, "stepup: shard %d/%d: %d TUs in %.1fs; facts in %s\n", result.shard.shard,
               result.shard.shards, result.translation_units, seconds, path.c_str());
  return kExitOk;
}

void say_parse_stats(const ScanResult& result, const ScanOptions& opt) {
  const ParseStats& p = result.parse;
  if (result.report.signals.parse == "quick") return;  // no TUs: the summary line counts files
  for (const auto& note : p.cache_notes) std::fprintf(stderr, "stepup: cache: %s\n", note.c_str());
  if (p.not_in_shards > 0) {
    std::fprintf(stderr,
                 "stepup: merge: %d TU(s) were in no shard's facts (or their files changed): "
                 "parsed here\n",
                 p.not_in_shards);
  }
  int parsed = result.translation_units - p.reused;
  std::string cache = p.cache_enabled ? " (cache " + opt.cache_dir + ")" : "";
  if (p.parse_seconds > 0) {
    std::fprintf(stderr, "stepup: %d TU(s) parsed, %d reused%s; workers busy %.0f%% of the parse\n",
                 parsed, p.reused, cache.c_str(), 100 * p.busy_seconds / p.parse_seconds);
  } else {
    std::fprintf(stderr, "stepup: %d TU(s) parsed, %d reused%s\n", parsed, p.reused, cache.c_str());
  }
}

}  // namespace stepup
