#include "scanner/cache/facts_file.h"

#include "model/errors.h"
#include "scanner/cache/tu_codec.h"

namespace stepup {

namespace {
constexpr const char* kKind = "stepup-shard-facts";
}

std::string facts_file_bytes(const ShardFacts& facts) {
  nlohmann::json tus = nlohmann::json::array();
  for (const auto& [key, tu] : facts.tus) tus.push_back({key, tu_facts_to_json(tu)});
  return frame({kKind, facts.version, facts.config, facts.shard, facts.shards, tus});
}

ShardFacts read_facts_file(std::string_view bytes, const std::string& name) {
  std::string why;
  std::optional<nlohmann::json> j = unframe(bytes, &why);
  if (!j) throw InputError(name + ": not a usable stepup facts file: " + why);
  ShardFacts out;
  try {
    if (j->at(0).get<std::string>() != kKind) throw std::out_of_range("not shard facts");
    out.version = j->at(1).get<std::string>();
    out.config = j->at(2).get<std::string>();
    out.shard = j->at(3).get<int>();
    out.shards = j->at(4).get<int>();
    for (const auto& tu : j->at(5)) {
      out.tus[tu.at(0).get<std::string>()] = tu_facts_from_json(tu.at(1));
    }
  } catch (const std::exception& e) {
    throw InputError(name + ": malformed stepup facts file: " + e.what());
  }
  if (out.shards < 1 || out.shard < 1 || out.shard > out.shards) {
    throw InputError(name + ": malformed stepup facts file: shard " + std::to_string(out.shard) +
                     "/" + std::to_string(out.shards));
  }
  return out;
}

}  // namespace stepup
