// The bytes of a TuFacts, as the facts cache and a shard's facts file keep
// them: a framed, versioned MessagePack record whose frame carries the
// payload's length and SHA-256, so a cut-off or altered record is found.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/tu_facts.h"

namespace stepup {

/// Bumped whenever TuFacts or the frame changes shape: older records miss.
constexpr int kTuFactsFormat = 3;  // 2: token classes (TuFileFacts::syntax); 3: loop lines, I/O calls, overrides

nlohmann::json tu_facts_to_json(const TuFacts& facts);
/// Throws nlohmann::json::exception (or std::out_of_range) on a wrong shape.
TuFacts tu_facts_from_json(const nlohmann::json& j);

/// magic "STEPUPF", the format, the payload's length and SHA-256, then
/// the MessagePack payload.
std::string frame(const nlohmann::json& payload);

/// The payload, or nullopt with *why set: not a frame, another format,
/// cut off, or a checksum or MessagePack that does not match.
std::optional<nlohmann::json> unframe(std::string_view bytes, std::string* why);

}  // namespace stepup
