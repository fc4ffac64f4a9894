// libFuzzer target: any bytes as a shard's facts file (or a cache entry,
// which has the same frame): an InputError or facts, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/errors.h"
#include "scanner/cache/facts_file.h"
#include "scanner/cache/tu_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    stepup::ShardFacts f = stepup::read_facts_file(bytes, "fuzz.facts");
    if (f.shard < 1 || f.shard > f.shards) __builtin_trap();
  } catch (const stepup::InputError&) {
  }
  // The payload alone, as if its frame were right: the shape checks.
  try {
    auto j = nlohmann::json::from_msgpack(bytes.begin(), bytes.end());
    (void)stepup::tu_facts_from_json(j);
  } catch (const std::exception&) {
  }
  return 0;
}
