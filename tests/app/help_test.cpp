// stepup help COMMAND is stepup COMMAND --help, for every command.
#include <catch2/catch.hpp>

#include "tests/support/temp_repo.h"

using stepup::test::run_stepup;

TEST_CASE("stepup help COMMAND prints what COMMAND --help prints", "[help]") {
  for (const char* cmd :
       {"scan", "merge", "next", "rules", "config", "coverage", "history", "trend"}) {
    INFO(cmd);
    auto help = run_stepup({"help", cmd});
    auto direct = run_stepup({cmd, "--help"});
    CHECK(help.exit_code == 0);
    CHECK(direct.exit_code == 0);
    CHECK(help.out == direct.out);
    CHECK(!help.out.empty());
  }
  CHECK_THAT(run_stepup({"help", "scan"}).out, Catch::Contains("--compile-commands"));
  CHECK(run_stepup({"help"}).out == run_stepup({"--help"}).out);
  CHECK_THAT(run_stepup({"--help"}).out, Catch::Contains("help <command>"));
  auto unknown = run_stepup({"help", "frobnicate"});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("unknown command 'frobnicate'"));
  CHECK(run_stepup({"help", "scan", "next"}).exit_code == 2);
}
