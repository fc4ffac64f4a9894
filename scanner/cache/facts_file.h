// A shard's facts file (stepup scan --shard K/N --facts-out FILE): the
// facts of the TUs the shard parsed, by cache key, with what made them
// (stepup's version, the facts format and the configuration that changes
// facts), so stepup merge can refuse shards that do not belong together.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "model/tu_facts.h"

namespace stepup {

/// One shard's facts.
struct ShardFacts {
  std::string version;  ///< stepup's
  std::string config;   ///< the configuration that changes facts, as text
  int shard = 0, shards = 0;
  std::map<std::string, TuFacts> tus;  ///< by cache key
};

std::string facts_file_bytes(const ShardFacts& facts);

/// Throws InputError naming `name` when the bytes are not a facts file, are
/// cut off or altered, or have a wrong shape.
ShardFacts read_facts_file(std::string_view bytes, const std::string& name);

}  // namespace stepup
