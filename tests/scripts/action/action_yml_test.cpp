// action.yml, the GitHub Action's metadata: valid against SchemaStore's
// github-action schema (tests/fixtures/action), every input described and
// used, every script a step runs present.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "scanner/common/process.h"
#include "tests/support/json_schema.h"
#include "tests/support/temp_repo.h"

using Json = nlohmann::json;
using namespace stepup::test;

namespace {

const std::string kSource = STEPUP_SOURCE_DIR;

// action.yml as JSON, by Debian's python3-yaml.
Json action_yml() {
  stepup::SystemProcessRunner runner;
  stepup::ProcessResult r =
      runner.run({"/usr/bin/python3", "-c",
                  "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
                  kSource + "/action.yml"},
                 ".");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return Json::parse(r.out);
}

}  // namespace

TEST_CASE("action.yml validates against the Actions metadata schema, which catches a bad step") {
  Json action = action_yml();
  CHECK(schema_errors("action/github-action.schema.json", action.dump()) == "");
  CHECK(action["runs"]["using"] == "composite");
  Json broken = action;
  broken["runs"]["steps"][0].erase("shell");  // a run step needs its shell
  CHECK(schema_errors("action/github-action.schema.json", broken.dump()) != "");
  broken = action;
  broken["inputs"]["args"].erase("description");
  CHECK(schema_errors("action/github-action.schema.json", broken.dump()) != "");
}

TEST_CASE("action.yml: every input is described and used, every script it runs exists") {
  Json action = action_yml();
  std::string text = read_text(kSource + "/action.yml");
  for (const auto& item : action["inputs"].items()) {
    const std::string& name = item.key();
    INFO(name);
    CHECK(!item.value()["description"].get<std::string>().empty());
    // "inputs.NAME" in an expression, not the start of a longer name.
    std::regex used("inputs\\." + name + "[^A-Za-z0-9_-]");
    CHECK(std::regex_search(text, used));
  }
  std::regex script(R"(\$GITHUB_ACTION_PATH/([A-Za-z0-9_./-]+))");
  int scripts = 0;
  for (const auto& step : action["runs"]["steps"]) {
    if (!step.contains("run")) {
      CHECK(step.contains("uses"));
      continue;
    }
    std::string run = step["run"];
    for (std::sregex_iterator m(run.begin(), run.end(), script), end; m != end; ++m) {
      INFO((*m)[1].str());
      CHECK(std::filesystem::is_regular_file(kSource + "/" + (*m)[1].str()));
      ++scripts;
    }
  }
  CHECK(scripts == 2);  // the scan and the comment
  // The outputs the workflow reads come from the steps that write them.
  for (const auto& item : action["outputs"].items()) {
    INFO(item.key());
    std::string value = item.value()["value"];
    CHECK(value.find("steps.") != std::string::npos);
  }
}
