// Sharding a scan over CI jobs (docs/cache.md): --shard K/N on `scan`,
// the shards' facts files read back for `stepup merge`, and what the
// console says about the parse (cache hits, shards, the cores' use).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/pipeline.h"

namespace stepup {

/// Reads --shard K/N and --facts-out into opt; UsageError when malformed
/// or when one comes without the other.
void parse_shard(const std::string& shard, const std::string& facts_out, ScanOptions& opt);

/// Reads the shards' facts files: all from this stepup, of one N, each K
/// once and none missing, else InputError (exit 3) naming the file and the
/// mismatch. Sets opt.shards_config to the configuration they were made
/// with (run_scan compares it with its own).
std::map<std::string, TuFacts> load_shards(const std::vector<std::string>& files, ScanOptions& opt);

/// Writes the shard's facts atomically; returns the exit code.
int write_shard(const ScanResult& result, const std::string& path, double seconds);

/// One console line on the parse: TUs reused and parsed, cache notes, and
/// how busy the workers were while TUs were parsed (their time on TUs over
/// the parses' wall time times the workers).
void say_parse_stats(const ScanResult& result, const ScanOptions& opt);

}  // namespace stepup
