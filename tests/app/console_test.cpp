#include "app/console.h"

#include <catch2/catch.hpp>

using namespace stepup;
using Catch::Contains;

namespace {

Diagnostic warning(const std::string& source, const std::string& message,
                   const std::string& path = "") {
  return {Diagnostic::Level::kWarning, source, message,
          path.empty() ? std::nullopt : std::optional<std::string>(path)};
}

}  // namespace

TEST_CASE("console: every error, and the warnings grouped by kind with a count") {
  std::vector<Diagnostic> d;
  for (int i = 0; i < 41; ++i) {
    d.push_back(warning("parse",
                        std::to_string(i + 1) + " error(s) while parsing; metrics may "
                                                "be incomplete. First: x",
                        "src/f" + std::to_string(i) + ".cc"));
  }
  d.push_back(
      warning("coverage", "stale coverage: the source changed after it was compiled", "a.cc"));
  d.push_back({Diagnostic::Level::kError, "compile-db", "db.json: 9 of its 9 entries ...", {}});
  d.push_back({Diagnostic::Level::kInfo, "discover", "not a git checkout", {}});
  std::string out = console_diagnostics(d, Verbosity::kNormal);
  CHECK(out ==
        "  error: compile-db: db.json: 9 of its 9 entries ...\n"
        "  warning: parse: src/f0.cc: 1 error(s) while parsing; metrics may be incomplete. "
        "First: x (and 40 more like it)\n"
        "  warning: coverage: a.cc: stale coverage: the source changed after it was compiled\n");
  // -q: the errors only; -v: everything, infos too.
  CHECK(console_diagnostics(d, Verbosity::kQuiet) ==
        "  error: compile-db: db.json: 9 of its 9 entries ...\n");
  std::string all = console_diagnostics(d, Verbosity::kVerbose);
  CHECK(std::count(all.begin(), all.end(), '\n') == 44);
  CHECK_THAT(all, Contains("  info: discover: not a git checkout\n"));
}

TEST_CASE("console: past the first groups, a count of what is left and how to see it") {
  std::vector<Diagnostic> d;
  for (int k = 0; k < 10; ++k) {
    d.push_back(warning("s" + std::to_string(k), "kind " + std::string(1, 'a' + k)));
  }
  std::string out = console_diagnostics(d, Verbosity::kNormal);
  CHECK(std::count(out.begin(), out.end(), '\n') == kWarningGroups + 1);
  CHECK_THAT(out, Contains("  ... 2 more warning(s) of 2 other kind(s) (-v shows all)\n"));
  CHECK(console_diagnostics({}, Verbosity::kNormal).empty());
}
