#include "rules/change_coupling.h"

#include <catch2/catch.hpp>

#include "tests/rules/signals.h"

using namespace stepup;
using namespace stepup::test;

namespace {

const RuleOptions kOpts = default_options(change_coupling_info());

/// Two files, each listing the other (history's coupling is symmetric).
Report pair(const std::string& a_module, const std::string& b_module, int64_t shared, double degree,
            bool b_is_test = false) {
  FileFacts a = file(a_module + "/a.cc", a_module);
  FileFacts b = file(b_module + "/b.cc", b_module);
  a.history = file_history(10, 1);
  b.history = file_history(8, 0);
  a.history->coupled = {{b.path, shared, degree}};
  b.history->coupled = {{a.path, shared, degree}};
  b.is_test = b_is_test;
  b.role = b_is_test ? "test" : "production";
  return report({a, b});
}

int score(int64_t shared, double degree) {
  auto c = change_coupling(pair("src/api", "src/db", shared, degree), kOpts);
  return c.empty() ? 0 : c[0].score;
}

}  // namespace

TEST_CASE("change-coupling fires once per pair of files in different modules") {
  auto c = change_coupling(pair("src/api", "src/db", 7, 0.8), kOpts);
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == "refactor");
  CHECK(c[0].target.file == "src/api/a.cc");
  CHECK(c[0].target.module == "src/api");
  CHECK(c[0].title == "Untangle src/api/a.cc and src/db/b.cc, which keep changing together");
  CHECK(
      c[0].why[0] ==
      "7 commits changed both src/api/a.cc (10 commits) and src/db/b.cc (8): coupling degree 80%");
  CHECK(c[0].why[1] == "they sit in different modules: src/api and src/db");
  // 30 + 70 * (1 - exp(-0.8 * (7 - 5 + 1) / 8)) = 48.2 -> 48.
  CHECK(c[0].score == 48);
}

TEST_CASE(
    "change-coupling ignores pairs in one module, with tests, a header and its source, or too "
    "weak") {
  CHECK(change_coupling(pair("src/api", "src/api", 9, 0.9), kOpts).empty());
  CHECK(change_coupling(pair("src/api", "tests", 9, 0.9, true), kOpts).empty());
  CHECK(change_coupling(pair("src/api", "src/db", 4, 0.9), kOpts).empty());
  CHECK(change_coupling(pair("src/api", "src/db", 9, 0.4), kOpts).empty());
  // A public header and its source: include/c.h with db/c.cc.
  FileFacts h = file("include/lib/c.h", "include/lib");
  FileFacts cc = file("db/c.cc", "db");
  h.history = file_history(10, 1);
  cc.history = file_history(12, 1);
  h.history->coupled = {{cc.path, 9, 0.9}};
  cc.history->coupled = {{h.path, 9, 0.9}};
  CHECK(change_coupling(report({h, cc}), kOpts).empty());
}

TEST_CASE("change-coupling's score rises with shared commits and degree") {
  CHECK(score(9, 0.8) > score(7, 0.8));
  CHECK(score(7, 1.0) > score(7, 0.8));
  CHECK(score(5, 0.5) >= 30);
}

TEST_CASE("change-coupling lists all of a file's partners in one candidate") {
  FileFacts a = file("src/api/a.cc", "src/api");
  FileFacts b = file("src/db/b.cc", "src/db");
  FileFacts d = file("src/ui/d.cc", "src/ui");
  a.history = file_history(10, 1);
  b.history = file_history(8, 0);
  d.history = file_history(9, 0);
  a.history->coupled = {{b.path, 6, 0.7}, {d.path, 8, 0.9}};
  b.history->coupled = {{a.path, 6, 0.7}};
  d.history->coupled = {{a.path, 8, 0.9}};
  auto c = change_coupling(report({a, b, d}), kOpts);
  REQUIRE(c.size() == 1);
  CHECK(c[0].title ==
        "Untangle src/api/a.cc and src/ui/d.cc, which keep changing together (and 1 more file)");
  CHECK(c[0].why.size() == 3);
}
