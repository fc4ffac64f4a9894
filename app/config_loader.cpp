#include "app/config_loader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "model/errors.h"
#include "model/report.h"
#include "rules/registry.h"
#include "scanner/common/input_text.h"
#include "scanner/history/remote_url.h"

namespace stepup {
namespace {

using Json = nlohmann::json;

std::vector<std::string> string_list(const Json& v, const std::string& where) {
  if (!v.is_array()) throw InputError(where + ": must be an array of strings");
  std::vector<std::string> out;
  for (const auto& s : v) {
    if (!s.is_string()) throw InputError(where + ": must be an array of strings");
    out.push_back(s.get<std::string>());
  }
  return out;
}

void read_modules(const Json& v, const std::string& where, Config& config) {
  if (!v.is_object()) throw InputError(where + ": must be an object");
  for (const auto& [key, value] : v.items()) {
    std::string at = where + "." + key;
    if (key == "depth") {
      if (!value.is_number_integer() || value.get<int64_t>() < 0 || value.get<int64_t>() > 64) {
        throw InputError(at + ": must be a whole number from 0 to 64");
      }
      config.module_depth = value.get<int>();
    } else if (key == "map") {
      if (!value.is_array()) throw InputError(at + ": must be an array");
      config.module_map.clear();
      for (const auto& m : value) {
        if (!m.is_object() || !m.contains("prefix") || !m.contains("name") ||
            !m["prefix"].is_string() || !m["name"].is_string() || m.size() != 2) {
          throw InputError(at + ": each entry is {\"prefix\": \"...\", \"name\": \"...\"}");
        }
        config.module_map.push_back({m["prefix"], m["name"]});
      }
    } else {
      throw InputError(at + ": unknown key (known: depth, map)");
    }
  }
}

void read_path_map(const Json& v, const std::string& where, Config& config) {
  if (!v.is_array()) throw InputError(where + ": must be an array");
  for (size_t i = 0; i < v.size(); ++i) {
    const Json& m = v[i];
    if (!m.is_object() || m.size() != 2 || !m.contains("from") || !m.contains("to") ||
        !m["from"].is_string() || !m["to"].is_string() || m["from"].get<std::string>().empty()) {
      throw InputError(where + "[" + std::to_string(i) +
                       "]: each rule is {\"from\": \"non-empty prefix\", \"to\": \"...\"}");
    }
    config.path_map.push_back({m["from"], m["to"]});
  }
}

int whole(const std::string& at, const Json& value, int lo, int hi) {
  if (!value.is_number_integer() || value.get<int64_t>() < lo || value.get<int64_t>() > hi) {
    throw InputError(at + ": must be a whole number from " + std::to_string(lo) + " to " +
                     std::to_string(hi));
  }
  return value.get<int>();
}

void read_history(const Json& v, const std::string& where, Config& config) {
  if (!v.is_object()) throw InputError(where + ": must be an object");
  HistoryConfig& h = config.history;
  auto share = [](const std::string& at, const Json& value) {
    if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0 ||
        value.get<double>() > 1) {
      throw InputError(at + ": must be a number from 0 to 1");
    }
    return value.get<double>();
  };
  auto pattern = [](const std::string& at, const Json& value) {
    if (!value.is_string()) throw InputError(at + ": must be a string (a regex)");
    try {
      std::regex(value.get<std::string>(), std::regex::ECMAScript | std::regex::icase);
    } catch (const std::regex_error& e) {
      throw InputError(at + ": not a valid regular expression: " + e.what());
    }
    return value.get<std::string>();
  };
  for (const auto& [key, value] : v.items()) {
    std::string at = where + "." + key;
    if (key == "fix_pattern") {
      h.fix_pattern = pattern(at, value);
    } else if (key == "non_defect_pattern") {
      h.non_defect_pattern = pattern(at, value);
    } else if (key == "max_changeset_files") {
      h.max_changeset_files = whole(at, value, 1, 1000000);
    } else if (key == "max_changeset_share") {
      h.max_changeset_share = share(at, value);
    } else if (key == "min_commits") {
      h.min_commits = whole(at, value, 0, 1000000);
    } else if (key == "functions") {
      if (!value.is_boolean()) throw InputError(at + ": must be true or false");
      h.functions = value.get<bool>();
    } else if (key == "coupling_max_changeset") {
      h.coupling_max_changeset = whole(at, value, 2, 100000);
    } else if (key == "coupling_min_revs") {
      h.coupling_min_revs = whole(at, value, 1, 100000);
    } else if (key == "coupling_min_shared") {
      h.coupling_min_shared = whole(at, value, 1, 100000);
    } else if (key == "coupling_min_degree") {
      h.coupling_min_degree = share(at, value);
    } else {
      throw InputError(at +
                       ": unknown key (known: fix_pattern, non_defect_pattern, functions, "
                       "max_changeset_files, max_changeset_share, min_commits, "
                       "coupling_max_changeset, coupling_min_revs, coupling_min_shared, "
                       "coupling_min_degree)");
    }
  }
}

// Each list extends the built-in patterns; an empty pattern is an error.
void read_signals(const Json& v, const std::string& where, Config& config) {
  if (!v.is_object()) throw InputError(where + ": must be an object");
  SignalConfig& s = config.signals;
  auto extend = [&](std::vector<std::string>& into, const std::string& at, const Json& value) {
    for (std::string& p : string_list(value, at)) {
      if (p.empty() || p == "::") throw InputError(at + ": an empty pattern matches nothing");
      into.push_back(std::move(p));
    }
  };
  for (const auto& [key, value] : v.items()) {
    std::string at = where + "." + key;
    if (key == "log_macros") {
      extend(s.log_macros, at, value);
    } else if (key == "log_functions") {
      extend(s.log_functions, at, value);
    } else if (key == "io_functions") {
      extend(s.io_functions, at, value);
    } else if (key == "error_values") {
      extend(s.error_values, at, value);
    } else if (key == "stderr_is_logging") {
      if (!value.is_boolean()) throw InputError(at + ": must be true or false");
      s.stderr_is_logging = value.get<bool>();
    } else if (key == "infer_log_apis") {
      if (!value.is_boolean()) throw InputError(at + ": must be true or false");
      s.infer_log_apis = value.get<bool>();
    } else if (key == "call_graph" || key == "io_virtual") {
      if (!value.is_boolean()) throw InputError(at + ": must be true or false");
      (key == "call_graph" ? s.call_graph : s.io_virtual) = value.get<bool>();
    } else if (key == "io_depth") {
      s.io_depth = whole(at, value, 1, 16);
    } else {
      throw InputError(at +
                       ": unknown key (known: log_macros, log_functions, stderr_is_logging, "
                       "io_functions, error_values, infer_log_apis, call_graph, io_depth, "
                       "io_virtual)");
    }
  }
}

// A role name; anything else exits 3 naming the key.
std::string role_name(const Json& v, const std::string& at) {
  std::string known;
  for (const char* r : kRoles) known += std::string(known.empty() ? "" : ", ") + r;
  if (!v.is_string()) throw InputError(at + ": must be a role name (" + known + ")");
  for (const char* r : kRoles) {
    if (v.get<std::string>() == r) return r;
  }
  throw InputError(at + ": unknown role '" + v.get<std::string>() + "' (known: " + known + ")");
}

// "roles": [{"path": glob, "role": role}, ...], first match wins.
void read_roles(const Json& v, const std::string& where, Config& config) {
  if (!v.is_array()) throw InputError(where + ": must be an array of {\"path\", \"role\"}");
  config.roles.overrides.clear();
  for (size_t i = 0; i < v.size(); ++i) {
    std::string at = where + "[" + std::to_string(i) + "]";
    const Json& e = v[i];
    if (!e.is_object() || e.size() != 2 || !e.contains("path") || !e.contains("role") ||
        !e["path"].is_string() || e["path"].get<std::string>().empty()) {
      throw InputError(at + ": each entry is {\"path\": \"non-empty glob\", \"role\": \"...\"}");
    }
    config.roles.overrides.push_back({e["path"], role_name(e["role"], at + ".role")});
  }
}

// "role_patterns": {"benchmark": [...], ...}: each list replaces the role's defaults.
void read_role_patterns(const Json& v, const std::string& where, Config& config) {
  if (!v.is_object()) throw InputError(where + ": must be an object of role -> patterns");
  for (const auto& [role, patterns] : v.items()) {
    std::string at = where + "." + role;
    role_name(Json(role), at);
    if (role == "production" || role == "test") {
      throw InputError(at +
                       ": production is what no pattern matches, and test files come "
                       "from \"tests\"");
    }
    config.roles.patterns[role] = string_list(patterns, at);
  }
}

void read_rules(const Json& v, const std::string& where, Config& config) {
  if (!v.is_object()) throw InputError(where + ": must be an object");
  for (const auto& [rule_id, opts] : v.items()) {
    std::string at = where + "." + rule_id;
    if (rule_id == "roles") {  // which roles rules may target
      if (!opts.is_array() || opts.empty()) {
        throw InputError(at + ": must be a non-empty array of role names");
      }
      config.roles.target_roles.clear();
      for (size_t i = 0; i < opts.size(); ++i) {
        config.roles.target_roles.push_back(role_name(opts[i], at + "[" + std::to_string(i) + "]"));
      }
      continue;
    }
    const RuleInfo* rule = nullptr;
    for (const auto& r : rule_registry()) {
      if (r.id == rule_id) rule = &r;
    }
    if (!rule) throw InputError(at + ": unknown rule (see `stepup rules`)");
    if (!opts.is_object()) throw InputError(at + ": must be an object");
    for (const auto& [name, value] : opts.items()) {
      std::string key = at + "." + name;
      const RuleOption* opt = nullptr;
      for (const auto& o : rule->options) {
        if (o.name == name) opt = &o;
      }
      if (!opt) throw InputError(key + ": unknown option of rule " + rule_id);
      if (!value.is_number()) throw InputError(key + ": must be a number");
      double d = value.get<double>();
      if (!std::isfinite(d) || d < opt->min || d > opt->max) {
        std::ostringstream msg;
        msg << key << ": " << d << " is out of range [" << opt->min << ", " << opt->max << "]";
        throw InputError(msg.str());
      }
      config.rule_options[rule_id][name] = d;
    }
  }
}

// "report": {"links": {"remote", "host", "file_url", "commit_url"}}. The
// repository may hold this file, so templates are held to the page's rules.
void read_report(const Json& v, const std::string& where, Config& config) {
  if (!v.is_object()) throw InputError(where + ": must be an object");
  for (const auto& [key, links] : v.items()) {
    if (key != "links") throw InputError(where + "." + key + ": unknown key (known: links)");
    if (!links.is_object()) throw InputError(where + ".links: must be an object");
    for (const auto& [k, value] : links.items()) {
      std::string at = where + ".links." + k;
      if (!value.is_string()) throw InputError(at + ": must be a string");
      std::string text = value.get<std::string>();
      std::string problem;
      if (k == "remote") {
        bool ok = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
        });
        if (!ok) problem = "must be a remote's name (letters, digits, '-', '_', '.')";
        config.links.remote = text;
      } else if (k == "host") {  // "" (as the dump writes it): from the remote's host
        if (!text.empty() && !is_host_kind(text)) {
          problem = "must be github, gitlab, gitea or bitbucket";
        }
        config.links.host = text;
      } else if (k == "file_url") {  // "": the host's
        if (!text.empty()) problem = check_link_template(text, "{path}");
        config.links.file_url = text;
      } else if (k == "commit_url") {
        if (!text.empty()) problem = check_link_template(text, "{sha}");
        config.links.commit_url = text;
      } else {
        problem = "unknown key (known: remote, host, file_url, commit_url)";
      }
      if (!problem.empty()) throw InputError(at + ": " + problem);
    }
  }
}

}  // namespace

Config default_config() {
  Config config;
  for (const auto& rule : rule_registry()) {
    for (const auto& o : rule.options) config.rule_options[rule.id][o.name] = o.default_value;
  }
  return config;
}

Config parse_config(const std::string& path, std::string_view text) {
  Json doc = parse_json_input(text, path, "JSON");
  if (!doc.is_object()) throw InputError(path + ": the config is a JSON object");
  Config config = default_config();
  for (const auto& [key, value] : doc.items()) {
    std::string where = path + ": " + key;
    if (key == "exclude") {
      config.exclude = string_list(value, where);
    } else if (key == "tests") {
      config.tests = string_list(value, where);
    } else if (key == "modules") {
      read_modules(value, where, config);
    } else if (key == "rules") {
      read_rules(value, where, config);
    } else if (key == "path_map") {
      read_path_map(value, where, config);
    } else if (key == "roles") {
      read_roles(value, where, config);
    } else if (key == "role_patterns") {
      read_role_patterns(value, where, config);
    } else if (key == "history") {
      read_history(value, where, config);
    } else if (key == "signals") {
      read_signals(value, where, config);
    } else if (key == "ci") {
      if (!value.is_object()) throw InputError(where + ": must be an object");
      for (const auto& [k, v] : value.items()) {
        if (k != "worsened_margin")
          throw InputError(where + "." + k + ": unknown key (known: worsened_margin)");
        if (!v.is_number_integer() || v.get<int64_t>() < 1 || v.get<int64_t>() > 100) {
          throw InputError(where + "." + k + ": must be a whole number from 1 to 100");
        }
        config.ci.worsened_margin = v.get<int>();
      }
    } else if (key == "ranking") {
      if (!value.is_object()) throw InputError(where + ": must be an object");
      for (const auto& [k, v] : value.items()) {
        int* field = k == "spread_top"   ? &config.ranking.spread_top
                     : k == "per_target" ? &config.ranking.per_target
                                         : nullptr;
        if (!field)
          throw InputError(where + "." + k + ": unknown key (known: spread_top, per_target)");
        if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > 100000) {
          throw InputError(where + "." + k + ": must be a whole number from 0 to 100000");
        }
        *field = v.get<int>();
      }
    } else if (key == "scan") {
      if (!value.is_object()) throw InputError(where + ": must be an object");
      for (const auto& [k, v] : value.items()) {
        if (k != "unbuilt") throw InputError(where + "." + k + ": unknown key (known: unbuilt)");
        if (v != "skip" && v != "parse") {
          throw InputError(where + "." + k + ": must be \"skip\" or \"parse\"");
        }
        config.parse_unbuilt = v == "parse";
      }
    } else if (key == "report") {
      read_report(value, where, config);
    } else if (key == "$schema" || key == "//") {
      // comments and editor hints are welcome
    } else {
      throw InputError(where +
                       ": unknown key (known: exclude, tests, modules, path_map, roles, "
                       "role_patterns, history, signals, ci, ranking, scan, report, rules)");
    }
  }
  return config;
}

Config load_config(const std::string& repo_root, const std::string& option,
                   std::string* used_path) {
  std::string path = option;
  std::error_code ec;
  if (path.empty()) {
    std::string candidate = repo_root + "/.stepup.json";
    if (!std::filesystem::exists(candidate, ec)) return default_config();
    path = candidate;
  }
  if (std::filesystem::is_directory(path, ec)) throw InputError(path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read config");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (used_path) *used_path = path;
  return parse_config(path, ss.str());
}

nlohmann::ordered_json config_to_json(const Config& config) {
  nlohmann::ordered_json j;
  j["exclude"] = config.exclude;
  j["tests"] = config.tests;
  nlohmann::ordered_json map = nlohmann::ordered_json::array();
  for (const auto& m : config.module_map) map.push_back({{"prefix", m.prefix}, {"name", m.name}});
  j["modules"] = {{"depth", config.module_depth}, {"map", map}};
  nlohmann::ordered_json path_map = nlohmann::ordered_json::array();
  for (const auto& m : config.path_map) path_map.push_back({{"from", m.from}, {"to", m.to}});
  j["path_map"] = path_map;
  nlohmann::ordered_json roles = nlohmann::ordered_json::array();
  for (const auto& o : config.roles.overrides)
    roles.push_back({{"path", o.path}, {"role", o.role}});
  j["roles"] = roles;
  nlohmann::ordered_json patterns = nlohmann::ordered_json::object();
  for (const char* role : kRoles) {
    auto it = config.roles.patterns.find(role);
    if (it != config.roles.patterns.end()) patterns[role] = it->second;
  }
  j["role_patterns"] = patterns;
  const HistoryConfig& h = config.history;
  j["history"] = {{"fix_pattern", h.fix_pattern},
                  {"non_defect_pattern", h.non_defect_pattern},
                  {"functions", h.functions},
                  {"max_changeset_files", h.max_changeset_files},
                  {"max_changeset_share", h.max_changeset_share},
                  {"min_commits", h.min_commits},
                  {"coupling_max_changeset", h.coupling_max_changeset},
                  {"coupling_min_revs", h.coupling_min_revs},
                  {"coupling_min_shared", h.coupling_min_shared},
                  {"coupling_min_degree", h.coupling_min_degree}};
  const SignalConfig& s = config.signals;
  j["signals"] = {{"log_macros", s.log_macros},
                  {"log_functions", s.log_functions},
                  {"stderr_is_logging", s.stderr_is_logging},
                  {"io_functions", s.io_functions},
                  {"error_values", s.error_values},
                  {"infer_log_apis", s.infer_log_apis},
                  {"call_graph", s.call_graph},
                  {"io_depth", s.io_depth},
                  {"io_virtual", s.io_virtual}};
  j["ci"] = {{"worsened_margin", config.ci.worsened_margin}};
  j["ranking"] = {{"spread_top", config.ranking.spread_top},
                  {"per_target", config.ranking.per_target}};
  j["scan"] = {{"unbuilt", config.parse_unbuilt ? "parse" : "skip"}};
  const LinksConfig& l = config.links;
  j["report"] = {{"links",
                  {{"remote", l.remote},
                   {"host", l.host},
                   {"file_url", l.file_url},
                   {"commit_url", l.commit_url}}}};
  nlohmann::ordered_json rules = nlohmann::ordered_json::object();
  rules["roles"] = config.roles.target_roles;
  for (const auto& [id, opts] : config.rule_options) {
    for (const auto& [name, value] : opts) rules[id][name] = value;
  }
  j["rules"] = rules;
  return j;
}

}  // namespace stepup
