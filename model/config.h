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

/// How history is read: what a bug-fix commit looks like, and code-maat's
/// coupling thresholds.
struct HistoryConfig {
  /// ECMAScript regex, case-insensitive, searched in the whole message.
  std::string fix_pattern =
      R"((^|[^A-Za-z0-9_])(fix(e[sd]|ing)?|bugs?|bugfix(es)?|hotfix(es)?|crash(es|ed)?|regressions?)([^A-Za-z0-9_]|$)|^fix(\([^)]*\))?!?:)";
  bool functions = true;         ///< per-function history (reads patches)
  int coupling_max_changeset = 30;  ///< larger commits are ignored for coupling
  int coupling_min_revs = 5;
  int coupling_min_shared = 5;
  double coupling_min_degree = 0.3;
};

/// What the AST pass looks for ("signals" in .stepup.json). Patterns are
/// globs ('*' matches anything, '::' included). A pattern holding "::" is
/// matched against a callee's qualified name (template arguments and inline
/// namespaces dropped; a leading "::" means the global namespace), any other
/// against its plain name. The config's lists extend the defaults.
struct SignalConfig {
  std::vector<std::string> log_macros;     ///< macro names: "LOG", "SPDLOG_*"
  std::vector<std::string> log_functions;  ///< callees: "spdlog::*", "::syslog"
  bool stderr_is_logging = false;          ///< std::cerr / std::clog writes count
  std::vector<std::string> io_functions;   ///< callees and constructed classes
  /// Enumerators whose return is an error: "Status::*", "ErrorCode::kFailed".
  std::vector<std::string> error_values;
  /// Infer the project's own log functions and macros (docs/signals.md).
  bool infer_log_apis = true;
};

/// The built-in patterns (logging, metrics and tracing APIs; DB, network,
/// file and sleep calls).
SignalConfig default_signal_config();

/// CI mode ("ci" in .stepup.json).
struct CiConfig {
  /// With --baseline, a candidate whose score rose by at least this much is
  /// "worsened".
  int worsened_margin = 5;
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
  HistoryConfig history;
  SignalConfig signals = default_signal_config();
  CiConfig ci;
  /// Options of each rule, by rule id; filled from the rule registry's
  /// defaults and overridden by "rules" in the config.
  std::map<std::string, std::map<std::string, double>> rule_options;
};

}  // namespace stepup
