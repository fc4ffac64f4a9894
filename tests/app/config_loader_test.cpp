#include "app/config_loader.h"

#include <catch2/catch.hpp>

#include "model/errors.h"

using namespace stepup;
using Catch::Contains;

namespace {

/// The message parse_config throws for this text, or "no error".
std::string error(const char* text) {
  try {
    parse_config("c.json", text);
  } catch (const InputError& e) {
    return std::string(e.what());
  }
  return std::string("no error");
}

}  // namespace

TEST_CASE("config_loader: signals extend the built-in patterns, ci sets the worsened margin") {
  Config c = parse_config("c.json", R"({"signals": {"log_macros": ["MY_LOG"],
    "io_functions": ["Db::run*"], "error_values": ["Status::kFailed"],
    "stderr_is_logging": true, "infer_log_apis": false}, "ci": {"worsened_margin": 12}})");
  Config d = default_config();
  CHECK(c.signals.log_macros.size() == d.signals.log_macros.size() + 1);
  CHECK(c.signals.log_macros.back() == "MY_LOG");
  CHECK(c.signals.io_functions.back() == "Db::run*");
  CHECK(c.signals.error_values == std::vector<std::string>{"Status::kFailed"});
  CHECK(c.signals.stderr_is_logging);
  CHECK_FALSE(c.signals.infer_log_apis);
  CHECK(d.signals.infer_log_apis);
  CHECK(c.ci.worsened_margin == 12);
  CHECK(d.ci.worsened_margin == 5);
  nlohmann::ordered_json dump = config_to_json(c);
  CHECK(dump["ci"]["worsened_margin"] == 12);
  CHECK(dump["signals"]["log_macros"].back() == "MY_LOG");
  CHECK(dump["signals"]["infer_log_apis"] == false);
}

TEST_CASE("config_loader: bad signals and ci values name the key") {
  CHECK_THAT(error(R"({"signals": {"log_macros": "LOG"}})"),
             Contains("signals.log_macros: must be an array of strings"));
  CHECK_THAT(error(R"({"signals": {"log_macros": [""]}})"), Contains("an empty pattern"));
  CHECK_THAT(error(R"({"signals": {"logs": []}})"), Contains("signals.logs: unknown key"));
  CHECK_THAT(error(R"({"signals": {"stderr_is_logging": 1}})"), Contains("true or false"));
  CHECK_THAT(error(R"({"ci": {"worsened_margin": 0}})"), Contains("ci.worsened_margin"));
  CHECK_THAT(error(R"({"ci": {"worsened_margin": 2.5}})"), Contains("whole number from 1 to 100"));
  CHECK_THAT(error(R"({"ci": {"margin": 5}})"), Contains("ci.margin: unknown key"));
}

TEST_CASE("config_loader: history hygiene keys, their defaults and the dump") {
  Config d = default_config();
  CHECK(d.history.max_changeset_files == 50);
  CHECK(d.history.max_changeset_share == 0.5);
  CHECK(d.history.min_commits == 50);
  CHECK_FALSE(d.history.non_defect_pattern.empty());
  Config c = parse_config("c.json", R"({"history": {"fix_pattern": "^defect",
    "non_defect_pattern": "^chore", "max_changeset_files": 10, "max_changeset_share": 0.25,
    "min_commits": 0}})");
  CHECK(c.history.fix_pattern == "^defect");
  CHECK(c.history.non_defect_pattern == "^chore");
  CHECK(c.history.max_changeset_files == 10);
  CHECK(c.history.max_changeset_share == 0.25);
  CHECK(c.history.min_commits == 0);
  nlohmann::ordered_json dump = config_to_json(c);
  CHECK(dump["history"]["non_defect_pattern"] == "^chore");
  CHECK(dump["history"]["max_changeset_files"] == 10);
  CHECK(dump["history"]["max_changeset_share"] == 0.25);
  CHECK(dump["history"]["min_commits"] == 0);
  // The dump reads back as the same config.
  Config again = parse_config("dump.json", config_to_json(d).dump());
  CHECK(again.history.non_defect_pattern == d.history.non_defect_pattern);
  CHECK(again.history.fix_pattern == d.history.fix_pattern);
}

TEST_CASE("config_loader: bad history values name the key") {
  CHECK_THAT(error(R"({"history": {"non_defect_pattern": 3}})"),
             Contains("history.non_defect_pattern: must be a string"));
  CHECK_THAT(error(R"({"history": {"non_defect_pattern": "(unclosed"}})"),
             Contains("history.non_defect_pattern: not a valid regular expression"));
  CHECK_THAT(error(R"({"history": {"max_changeset_files": 0}})"),
             Contains("history.max_changeset_files: must be a whole number from 1"));
  CHECK_THAT(error(R"({"history": {"max_changeset_files": "50"}})"),
             Contains("history.max_changeset_files"));
  CHECK_THAT(error(R"({"history": {"max_changeset_share": 1.5}})"),
             Contains("history.max_changeset_share: must be a number from 0 to 1"));
  CHECK_THAT(error(R"({"history": {"min_commits": -1}})"),
             Contains("history.min_commits: must be a whole number from 0"));
  CHECK_THAT(error(R"({"history": {"min_commit": 5}})"),
             Contains("history.min_commit: unknown key"));
}

TEST_CASE("config_loader: ranking spreads the top of the list, 0 turns the limit off") {
  Config d = default_config();
  CHECK(d.ranking.spread_top == 25);
  CHECK(d.ranking.per_target == 2);
  Config c = parse_config("c.json", R"({"ranking": {"spread_top": 10, "per_target": 0}})");
  CHECK(c.ranking.spread_top == 10);
  CHECK(c.ranking.per_target == 0);
  nlohmann::ordered_json dump = config_to_json(c);
  CHECK(dump["ranking"]["spread_top"] == 10);
  CHECK(dump["ranking"]["per_target"] == 0);
  Config again = parse_config("dump.json", dump.dump());
  CHECK(again.ranking.spread_top == 10);
  CHECK(again.ranking.per_target == 0);
  CHECK_THAT(error(R"({"ranking": {"per_target": -1}})"),
             Contains("ranking.per_target: must be a whole number from 0"));
  CHECK_THAT(error(R"({"ranking": {"spread_top": "25"}})"), Contains("ranking.spread_top"));
  CHECK_THAT(error(R"({"ranking": {"top": 5}})"), Contains("ranking.top: unknown key"));
  CHECK_THAT(error(R"({"ranking": 3})"), Contains("ranking: must be an object"));
}

TEST_CASE("config_loader: roles, role_patterns and rules.roles") {
  Config c = parse_config("c.json", R"({
    "roles": [{"path": "src/legacy/", "role": "vendored"}, {"path": "*_tool.cc", "role": "example"}],
    "role_patterns": {"benchmark": ["perf/"], "generated": []},
    "rules": {"roles": ["production", "test-support"]}})");
  REQUIRE(c.roles.overrides.size() == 2);
  CHECK(c.roles.overrides[0].path == "src/legacy/");
  CHECK(c.roles.overrides[1].role == "example");
  CHECK(c.roles.patterns["benchmark"] == std::vector<std::string>{"perf/"});
  CHECK(c.roles.patterns["generated"].empty());
  // Roles the config does not name keep their defaults.
  CHECK(c.roles.patterns["example"] == default_config().roles.patterns["example"]);
  CHECK(c.roles.target_roles == std::vector<std::string>{"production", "test-support"});
  CHECK(default_config().roles.target_roles == std::vector<std::string>{"production"});
  nlohmann::ordered_json dump = config_to_json(c);
  CHECK(dump["roles"][0]["path"] == "src/legacy/");
  CHECK(dump["role_patterns"]["benchmark"] == nlohmann::ordered_json::array({"perf/"}));
  CHECK(dump["rules"]["roles"] == nlohmann::ordered_json::array({"production", "test-support"}));
  // The dump reads back to the same config.
  Config again = parse_config("dump.json", dump.dump());
  CHECK(again.roles.overrides.size() == 2);
  CHECK(again.roles.patterns == c.roles.patterns);
  CHECK(again.roles.target_roles == c.roles.target_roles);
}

TEST_CASE("config_loader: an unknown role or a malformed roles entry names the key") {
  CHECK_THAT(error(R"({"roles": [{"path": "a/", "role": "library"}]})"),
             Contains("c.json: roles[0].role: unknown role 'library' (known: production, test, "
                      "test-support, benchmark, example, generated, vendored)"));
  CHECK_THAT(error(R"({"roles": [{"path": "", "role": "test"}]})"),
             Contains("roles[0]: each entry"));
  CHECK_THAT(error(R"({"roles": [{"path": "a", "role": "test", "x": 1}]})"),
             Contains("roles[0]: each entry"));
  CHECK_THAT(error(R"({"roles": {"path": "a"}})"), Contains("roles: must be an array"));
  CHECK_THAT(error(R"({"role_patterns": {"tests": ["t/"]}})"),
             Contains("role_patterns.tests: unknown role 'tests'"));
  CHECK_THAT(error(R"({"role_patterns": {"test": ["t/"]}})"),
             Contains("role_patterns.test: production is what no pattern matches"));
  CHECK_THAT(error(R"({"role_patterns": {"example": "ex/"}})"),
             Contains("role_patterns.example: must be an array of strings"));
  CHECK_THAT(error(R"({"rules": {"roles": ["prod"]}})"),
             Contains("rules.roles[0]: unknown role 'prod'"));
  CHECK_THAT(error(R"({"rules": {"roles": []}})"), Contains("rules.roles: must be a non-empty"));
}

TEST_CASE("config_loader: scan.unbuilt is skip by default, parse on request") {
  CHECK_FALSE(default_config().parse_unbuilt);
  Config c = parse_config("c.json", R"({"scan": {"unbuilt": "parse"}})");
  CHECK(c.parse_unbuilt);
  CHECK(config_to_json(c)["scan"]["unbuilt"] == "parse");
  CHECK(config_to_json(default_config())["scan"]["unbuilt"] == "skip");
  auto error = [](const char* text) {
    try {
      parse_config("c.json", text);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK_THAT(error(R"({"scan": {"unbuilt": "maybe"}})"),
             Contains("scan.unbuilt: must be \"skip\" or \"parse\""));
  CHECK_THAT(error(R"({"scan": {"built": "skip"}})"), Contains("scan.built: unknown key"));
}

TEST_CASE("config_loader: report.links names the remote, the host and templates", "[links]") {
  Config c = parse_config("c.json", R"({"report": {"links": {"remote": "upstream",
      "host": "gitlab", "file_url": "https://h.example/{path}?at={sha}#L{line}",
      "commit_url": "https://h.example/c/{sha}"}}})");
  CHECK(c.links.remote == "upstream");
  CHECK(c.links.host == "gitlab");
  CHECK(c.links.file_url == "https://h.example/{path}?at={sha}#L{line}");
  CHECK(c.links.commit_url == "https://h.example/c/{sha}");
  CHECK(config_to_json(c)["report"]["links"]["host"] == "gitlab");
  CHECK(default_config().links.remote == "origin");
  // The dump, with its empty (unset) host and templates, reads back.
  Config again = parse_config("dump.json", config_to_json(default_config()).dump());
  CHECK(again.links.host.empty());
  CHECK(again.links.file_url.empty());
}

TEST_CASE("config_loader: hostile or malformed report.links values name the key", "[links]") {
  CHECK_THAT(error(R"({"report": {"links": {"host": "sourcehut"}}})"),
             Contains("report.links.host: must be github, gitlab, gitea or bitbucket"));
  CHECK_THAT(error(R"x({"report": {"links": {"file_url": "javascript:alert('{path}')"}}})x"),
             Contains("report.links.file_url: is refused"));
  CHECK_THAT(error(R"({"report": {"links": {"file_url": "https://h/{path}\"><b>"}}})"),
             Contains("report.links.file_url: is refused"));
  CHECK_THAT(error(R"({"report": {"links": {"file_url": "https://h/x"}}})"),
             Contains("must contain {path}"));
  CHECK_THAT(error(R"({"report": {"links": {"commit_url": "https://h/{path}"}}})"),
             Contains("must contain {sha}"));
  CHECK_THAT(error(R"({"report": {"links": {"remote": "a b"}}})"), Contains("remote's name"));
  CHECK_THAT(error(R"({"report": {"links": {"url": "x"}}})"), Contains("unknown key"));
  CHECK_THAT(error(R"({"report": {"link": {}}})"), Contains("report.link: unknown key"));
  CHECK_THAT(error(R"({"report": {"links": {"host": 1}}})"), Contains("must be a string"));
}

TEST_CASE("config_loader: the call graph's settings, checked and dumped") {
  Config c = parse_config("c.json",
                          R"({"signals": {"io_depth": 2, "io_virtual": true, "call_graph": false}})");
  CHECK(c.signals.io_depth == 2);
  CHECK(c.signals.io_virtual);
  CHECK_FALSE(c.signals.call_graph);
  Config d = parse_config("d.json", "{}");
  CHECK(d.signals.io_depth == 4);
  CHECK_FALSE(d.signals.io_virtual);
  CHECK(d.signals.call_graph);
  CHECK(config_to_json(c)["signals"]["io_depth"] == 2);
  CHECK_THAT(error(R"({"signals": {"io_depth": 0}})"),
             Contains("signals.io_depth: must be a whole number from 1 to 16"));
  CHECK_THAT(error(R"({"signals": {"io_depth": 17}})"), Contains("signals.io_depth"));
  CHECK_THAT(error(R"({"signals": {"io_virtual": "yes"}})"),
             Contains("signals.io_virtual: must be true or false"));
  CHECK_THAT(error(R"({"signals": {"io_dept": 3}})"), Contains("io_depth, io_virtual"));
}
