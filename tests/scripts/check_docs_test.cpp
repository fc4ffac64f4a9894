// scripts/check_docs.py: the README and docs/ link only inside the
// repository, to files that exist and headings they have; each kind of bad
// link is named by file and line.
#include <catch2/catch.hpp>

#include "scanner/common/process.h"
#include "tests/support/temp_repo.h"

namespace stepup::test {
namespace {

ProcessResult check_docs(const std::string& root) {
  SystemProcessRunner runner;
  return runner.run({"python3", std::string(STEPUP_SOURCE_DIR) + "/scripts/check_docs.py", root},
                    ".");
}

}  // namespace

TEST_CASE("the README and docs link only inside the repository", "[docs]") {
  ProcessResult r = check_docs(STEPUP_SOURCE_DIR);
  INFO(r.out << r.err);
  REQUIRE(r.started);
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
}

TEST_CASE("the docs check names each kind of bad link", "[docs]") {
  TempDir dir;
  dir.write("docs/img/report.png", "png");
  dir.write("docs/guide.md",
            "# Guide\n\n## Install it: the `.deb`\n\n## Install it: the `.deb`\n\n"
            "See [the readme](../README.md#getting-started).\n");
  dir.write("README.md",
            "# Tool\n\n## Getting started\n\n"
            "![shot](docs/img/report.png) [guide](docs/guide.md#install-it-the-deb)\n"
            "[again](docs/guide.md#install-it-the-deb-1) [here](#getting-started)\n"
            "`[not a link](https://example.com)`\n```\n[nor this](https://example.com)\n```\n");
  SECTION("all good") {
    ProcessResult r = check_docs(dir.path());
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
  }
  SECTION("each bad link is named") {
    dir.write("docs/bad.md",
              "# Bad\n"
              "[site](https://example.com/x)\n"
              "[contract](../../shared/CONTRACT.md)\n"
              "[gone](missing.md) [abs](/etc/passwd)\n"
              "[anchor](guide.md#no-such-heading) ![img](img/none.png)\n");
    ProcessResult r = check_docs(dir.path());
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("docs/bad.md:2: link outside the repository: https://example.com/x") !=
          std::string::npos);
    CHECK(r.out.find("docs/bad.md:3: link leaves the repository: ../../shared/CONTRACT.md") !=
          std::string::npos);
    CHECK(r.out.find("docs/bad.md:4: no such file: missing.md") != std::string::npos);
    CHECK(r.out.find("docs/bad.md:4: absolute path: /etc/passwd") != std::string::npos);
    CHECK(r.out.find("docs/bad.md:5: no heading #no-such-heading in docs/guide.md") !=
          std::string::npos);
    CHECK(r.out.find("docs/bad.md:5: no such file: img/none.png") != std::string::npos);
    CHECK(r.out.find("README.md") == std::string::npos);
  }
}

}  // namespace stepup::test
