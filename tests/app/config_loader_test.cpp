#include "app/config_loader.h"

#include <catch2/catch.hpp>

#include "model/errors.h"

using namespace stepup;
using Catch::Contains;

TEST_CASE("config_loader: signals extend the built-in patterns; ci sets the worsened margin") {
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
  auto error = [](const char* text) {
    try {
      parse_config("c.json", text);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK_THAT(error(R"({"signals": {"log_macros": "LOG"}})"),
             Contains("signals.log_macros: must be an array of strings"));
  CHECK_THAT(error(R"({"signals": {"log_macros": [""]}})"), Contains("an empty pattern"));
  CHECK_THAT(error(R"({"signals": {"logs": []}})"), Contains("signals.logs: unknown key"));
  CHECK_THAT(error(R"({"signals": {"stderr_is_logging": 1}})"), Contains("true or false"));
  CHECK_THAT(error(R"({"ci": {"worsened_margin": 0}})"), Contains("ci.worsened_margin"));
  CHECK_THAT(error(R"({"ci": {"worsened_margin": 2.5}})"), Contains("whole number from 1 to 100"));
  CHECK_THAT(error(R"({"ci": {"margin": 5}})"), Contains("ci.margin: unknown key"));
}
