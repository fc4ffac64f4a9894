// The effective configuration: built-in defaults, overlaid by .stepup.json.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace stepup {

/// A path-prefix to module-name mapping from the config's "modules.map".
struct ModuleMapping {
  std::string prefix;
  std::string name;
};

/// A coverage path rewrite from the config's "path_map": a path that
/// starts with `from` continues as `to` (relative `to`: under the repo).
struct PathMapping {
  std::string from;
  std::string to;
};

/// Everything .stepup.json can set, with its default.
struct Config {
  /// gitignore-like patterns: "dir/" matches a directory anywhere, a pattern
  /// with another '/' is anchored at the repo root, anything else matches a
  /// file's base name. '*' stays inside one component, '**' crosses them.
  std::vector<std::string> exclude = {"third_party/", "vendor/", "external/",
                                      "build*/", ".git/"};
  std::vector<std::string> tests = {"test/", "tests/", "*_test.*",
                                    "*_unittest.*", "test_*.*", "*Test.*"};
  /// 0: a file's module is its parent directory; N: its first N directories.
  int module_depth = 0;
  std::vector<ModuleMapping> module_map;  ///< longest matching prefix wins
  std::vector<PathMapping> path_map;      ///< tried in order, first match wins
  /// Options of each rule, by rule id; filled from the rule registry's
  /// defaults and overridden by "rules" in the config.
  std::map<std::string, std::map<std::string, double>> rule_options;
};

}  // namespace stepup
