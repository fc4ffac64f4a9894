// Reading .stepup.json into a Config, validated against what exists.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/config.h"

namespace stepup {

/// The built-in defaults, with every rule option at its registry default.
Config default_config();

/// Overlays the JSON text of a config file on the defaults. Throws
/// InputError naming path and the key (or line:column for bad JSON) for an
/// unknown key, a wrong type, or a value out of range.
Config parse_config(const std::string& path, std::string_view text);

/// Reads REPO/.stepup.json or the given file; the defaults when option is
/// empty and the repo has none.
Config load_config(const std::string& repo_root, const std::string& option,
                   std::string* used_path);

/// The effective configuration, in the same shape the file takes.
nlohmann::ordered_json config_to_json(const Config& config);

}  // namespace stepup
