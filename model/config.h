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

/// How history is read (docs/history.md): what a defect fix looks like,
/// which commits are mass changes, how small a window may be, and
/// code-maat's coupling thresholds.
struct HistoryConfig {
  /// ECMAScript regex, case-insensitive, searched line by line in the
  /// subject and the issue trailers ("Fixes: #12", "Bug: 1234").
  std::string fix_pattern =
      R"((^|[^A-Za-z0-9_])(fix(e[sd]|ing)?|bugs?|bugfix(es)?|hotfix(es)?|crash(es|ed|ing)?|regressions?)([^A-Za-z0-9_]|$)|^fix(\([^)]*\))?!?:)";
  /// ECMAScript regex, case-insensitive, searched line by line in the
  /// subject and git revert's "This reverts commit" lines: a commit it
  /// matches is no defect fix (build, warnings, typos, style, formatting,
  /// lint, CI, docs, reverts, merge summaries), whatever fix_pattern says,
  /// unless the subject names a failure (crash, leak, regression...).
  std::string non_defect_pattern =
      R"(^revert\b|^this reverts commit\b|^merge\b)"
      // A subject naming a real failure (crash, leak, regression...) stays a fix.
      R"(|^(?!.*\b(regressions?|crash(es|ed|ing)?|leak(s|ed|ing)?|hangs?|deadlocks?|races?)"
      R"(|corrupt\w*|overflows?|segfaults?|use-after-free|data loss)\b))"
      R"(((docs?|style|ci|chore)(\([^)]*\))?!?:)"
      R"(|.*\b(typos?|spelling|misspell\w*|codespell|whitespace|reformat\w*|formatting|clang-format)"
      R"(|indent\w*|iwyu|doxygen)"
      R"(|style|lint\w*|cpplint|clang-tidy|warnings?|docs?|documentation|readme|ci|travis|appveyor)\b)"
      R"(|.*\bfix(e[sd]|ing)?\s+((?!(in|of|for|when|with|during|after|on)\b)\S+\s+){0,2})"
      R"((\S*-)?(build|building|compil(e|es|ed|ing|ation|er))\b(?!\.\w))"
      R"(|.*(^|\s)-W[a-z][\w-]*)"
      R"(|.*\b(build|compile|compiler|compilation|link|linker|linking|comments?)\s+)"
      R"((errors?|failures?|fix(es)?|breaks?|breakage|issues?|problems?)\b)"
      R"(|.*\bfix(e[sd]|ing)?\s+((?!(in|of|for|when|with|during|after|on)\b)\S+\s+){0,2})"
      R"((comments?|links?|manual)\b(?!\.\w)))";
  bool functions = true;          ///< per-function history (reads patches)
  /// code-maat's max changeset: a commit changing more files than this is a
  /// mass change (reformat, header sweep, rename sweep) and counts nowhere.
  int max_changeset_files = 50;
  /// ... or more than this share of the files tracked at HEAD, in a
  /// repository of at least 20 files.
  double max_changeset_share = 0.5;
  /// A --since window with fewer counted commits widens to the newest this many.
  int min_commits = 50;
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
  /// Build the call graph (docs/callgraph.md): callers and callees, io-in-loop
  /// through calls, hot paths through callers, fan-in in effort.
  bool call_graph = true;
  /// io-in-loop through calls: the most repo-function calls a chain follows
  /// before the I/O API (`balance -> read_entries -> PQexec` follows 2), 1..16.
  int io_depth = 4;
  /// Whether a virtual call carries I/O up a chain; off, as the override
  /// that runs is not known.
  bool io_virtual = false;
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

/// One "roles" entry of .stepup.json: files matching the glob get the role.
struct RoleOverride {
  std::string path;  ///< a pattern, as in "exclude"
  std::string role;  ///< one of kRoles (model/report.h)
};

/// How files get their roles (docs/roles.md): the overrides, first match
/// wins over everything; the path patterns of each non-production role
/// (the config's "role_patterns" replaces a role's list; tests come from
/// Config::tests); and which roles rules may target ("rules.roles").
struct RolesConfig {
  std::vector<RoleOverride> overrides;
  std::map<std::string, std::vector<std::string>> patterns = {
      {"generated", {"*.pb.*", "moc_*", "qrc_*", "ui_*.h", "*.tab.*", "lex.yy.*"}},
      {"vendored", {"third_party/", "vendor/", "external/"}},
      {"test-support",
       {"testutil*", "*test_helper*", "*_mock*", "mock_*", "fake_*", "testing/", "testdata/"}},
      {"benchmark",
       {"bench/", "benchmark/", "benchmarks/", "*_bench*", "*benchmark*", "*_perftest.*"}},
      {"example",
       {"examples/", "example/", "samples/", "sample/", "demo/", "demos/", "*_example.*"}},
  };
  std::vector<std::string> target_roles = {"production"};
};

/// How the ranked list is spread ("ranking" in .stepup.json): the same file
/// (or module) fills at most per_target of the first spread_top places.
struct RankingConfig {
  int spread_top = 25;
  int per_target = 2;  ///< 0: no limit
};

/// Links to the code ("report.links" in .stepup.json): which remote names
/// the host, the host's kind when its name does not tell, and templates
/// that replace the host's ({path}, {line}, {sha}).
struct LinksConfig {
  std::string remote = "origin";
  std::string host;  ///< "" (from the remote's host name), github, gitlab, gitea, bitbucket
  std::string file_url, commit_url;
};

/// Everything .stepup.json can set, with its default.
struct Config {
  /// gitignore-like patterns: "dir/" matches a directory anywhere, a pattern
  /// with another '/' is anchored at the repo root, anything else matches a
  /// file's base name. '*' stays inside one component, '**' crosses them.
  std::vector<std::string> exclude = {"third_party/", "vendor/", "external/",
                                      "build*/", ".git/"};
  std::vector<std::string> tests = {"test/",    "tests/",  "*_test.*", "*_unittest.*",
                                    "test_*.*", "*Test.*", "test.*",   "tests.*",
                                    "fuzz/",    "fuzzing/", "*_fuzzer.*"};
  /// 0: a file's module is its parent directory; N: its first N directories.
  int module_depth = 0;
  std::vector<ModuleMapping> module_map;  ///< longest matching prefix wins
  std::vector<PathMapping> path_map;      ///< tried in order, first match wins
  HistoryConfig history;
  SignalConfig signals = default_signal_config();
  CiConfig ci;
  RankingConfig ranking;
  RolesConfig roles;
  /// "scan.unbuilt": "parse" parses the files the compile database does not
  /// build; "skip" (the default) only reports them (built: false).
  bool parse_unbuilt = false;
  LinksConfig links;  ///< "report.links"
  /// Options of each rule, by rule id; filled from the rule registry's
  /// defaults and overridden by "rules" in the config.
  std::map<std::string, std::map<std::string, double>> rule_options;
};

}  // namespace stepup
