// The man page the build writes (stepup.1) lists every option each
// command's --help lists, and renders with groff.
#include "app/man_page.h"

#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "tests/support/temp_repo.h"

using stepup::test::run;
using stepup::test::run_stepup;

namespace {

const char* const kCommandNames[] = {"scan",   "merge",    "next",    "rules",
                                     "config", "coverage", "history", "trend"};

/// Every --long-option a --help text names in its option column.
std::set<std::string> help_options(const std::string& help) {
  std::set<std::string> out;
  static const std::regex option(R"((?:^|\n)\s+(?:-\w \[ )?(--[a-z][a-z0-9-]*))");
  for (std::sregex_iterator it(help.begin(), help.end(), option), end; it != end; ++it) {
    out.insert((*it)[1]);
  }
  return out;
}

/// stepup.1 as man shows it: groff's plain-text rendering.
std::string rendered_man_page() {
  return run({"groff", "-man", "-Tascii", "-P-cbou", STEPUP_MAN_PAGE}, ".");
}

}  // namespace

TEST_CASE("the built stepup.1 is what stepup --man writes", "[man]") {
  auto r = run_stepup({"--man"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == stepup::test::read_text(STEPUP_MAN_PAGE));
  CHECK_THAT(r.out, Catch::StartsWith(".\\\""));
  CHECK_THAT(r.out, Catch::Contains(".TH STEPUP 1"));
}

TEST_CASE("every option of every command's --help is in the man page", "[man]") {
  const std::string page = rendered_man_page();
  for (const char* cmd : kCommandNames) {
    const std::string help = run_stepup({cmd, "--help"}).out;
    const auto options = help_options(help);
    INFO(cmd << "\n" << help);
    if (std::string(cmd) != "rules") CHECK(options.size() >= 2);  // --help and one more
    for (const auto& o : options) {
      INFO(o);
      CHECK(page.find(o) != std::string::npos);
    }
    CHECK(page.find("stepup " + std::string(cmd)) != std::string::npos);
  }
  // The scan options a user reaches for first, and one that does not exist.
  const auto scan = help_options(run_stepup({"scan", "--help"}).out);
  CHECK(scan.count("--compile-commands") == 1);
  CHECK(scan.count("--cache-max-size") == 1);
  CHECK(page.find("-p, --compile-commands arg") != std::string::npos);
  CHECK(page.find("--no-such-option") == std::string::npos);
  // Nothing of the build machine's: -j's default is "cores", not a count.
  CHECK(page.find("-j, --jobs arg (=cores)") != std::string::npos);
}

TEST_CASE("roff escaping: hyphens, backslashes and leading dots", "[man]") {
  CHECK(stepup::roff_escape("--top") == "\\-\\-top");
  CHECK(stepup::roff_escape("a\\b") == "a\\eb");
  CHECK(stepup::roff_escape(".gcda files\n'quoted") == "\\&.gcda files\n\\&'quoted");
  CHECK(stepup::roff_escape("x.y") == "x.y");
}
