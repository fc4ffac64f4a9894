// The bash completion the build writes (stepup.bash), driven by bash itself
// through COMP_WORDS/COMP_CWORD as readline would.
#include "app/completion.h"

#include <catch2/catch.hpp>
#include <regex>

#include "tests/support/temp_repo.h"

using stepup::test::run;
using stepup::test::run_stepup;

namespace {

/// COMPREPLY, space-joined, for the words typed so far (the last one is
/// the word being completed).
std::string complete(const std::string& words) {
  const std::string script = "source '" + std::string(STEPUP_COMPLETION) + "'\nCOMP_WORDS=(" +
                             words +
                             ")\nCOMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                             "_stepup\necho \"${COMPREPLY[*]}\"\n";
  std::string out = run({"bash", "--norc", "--noprofile", "-c", script}, ".");
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace

TEST_CASE("the built stepup.bash is what stepup --completion bash writes", "[completion]") {
  auto r = run_stepup({"--completion", "bash"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == stepup::test::read_text(STEPUP_COMPLETION));
  CHECK(run_stepup({"--completion", "zsh"}).exit_code == 2);
}

TEST_CASE("sourcing stepup.bash registers _stepup for stepup", "[completion]") {
  const std::string out =
      run({"bash", "--norc", "--noprofile", "-c",
           "source '" + std::string(STEPUP_COMPLETION) + "' && complete -p stepup"},
          ".");
  CHECK(out == "complete -o default -F _stepup stepup\n");
}

TEST_CASE("bash completes commands, and each command's options", "[completion]") {
  CHECK(complete("stepup sc") == "scan");
  CHECK(complete("stepup co") == "config coverage");
  CHECK(complete("stepup --v") == "--version");
  CHECK(complete("stepup scan --ca") == "--cache --cache-max-size");
  CHECK(complete("stepup scan --compile") == "--compile-commands");
  CHECK(complete("stepup next --new") == "--newcomer");
  CHECK(complete("stepup history --no") == "--no-functions");
  CHECK(complete("stepup trend --hi") == "--history-db");
  CHECK(complete("stepup scan --back") == "--backfill");
  CHECK(complete("stepup help ne") == "next");
  // Not an option: nothing, so readline offers file names (-o default).
  CHECK(complete("stepup scan sr") == "");
  CHECK(complete("stepup history --newc") == "");  // next's option, not history's
}

TEST_CASE("every long option scan --help lists completes after stepup scan", "[completion]") {
  const std::string help = run_stepup({"scan", "--help"}).out;
  const std::string all = " " + complete("stepup scan --") + " ";
  // The option column: "  --name arg" or "  -p [ --name ] arg".
  static const std::regex option(R"((?:^|\n)\s+(?:-\w \[ )?(--[a-z][a-z0-9-]*))");
  size_t n = 0;
  for (std::sregex_iterator it(help.begin(), help.end(), option), end; it != end; ++it) {
    INFO((*it)[1]);
    CHECK(all.find(" " + (*it)[1].str() + " ") != std::string::npos);
    ++n;
  }
  CHECK(n >= 30);
  CHECK(all.find(" --compile-commands ") != std::string::npos);
}
