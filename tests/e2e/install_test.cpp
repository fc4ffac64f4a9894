// cmake --install into a fresh prefix: the binary, the man page and the bash
// completion land where man and bash-completion look, and the installed
// binary (its libclang found through its install RPATH) scans the example.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "model/report.h"
#include "tests/support/temp_repo.h"

namespace fs = std::filesystem;
using stepup::test::read_text;
using stepup::test::run;
using Json = nlohmann::json;

namespace {

/// The example's C++ sources, relative to its root, walked here.
std::set<std::string> example_sources(const std::string& root) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".cpp" || ext == ".h")) {
      out.insert(fs::relative(e.path(), root).generic_string());
    }
  }
  return out;
}

}  // namespace

TEST_CASE("cmake --install puts stepup, stepup.1 and its completion in a prefix", "[install]") {
  stepup::test::TempDir prefix;
  run({"cmake", "--install", STEPUP_BUILD_DIR, "--prefix", prefix.path()}, ".");
  const std::string bin = prefix.path() + "/bin/stepup";
  const std::string man = prefix.path() + "/share/man/man1/stepup.1";
  const std::string completion = prefix.path() + "/share/bash-completion/completions/stepup";
  REQUIRE(fs::exists(bin));
  CHECK((fs::status(bin).permissions() & fs::perms::owner_exec) != fs::perms::none);
  REQUIRE(fs::exists(man));
  REQUIRE(fs::exists(completion));
  CHECK(read_text(man) == read_text(STEPUP_MAN_PAGE));
  CHECK(read_text(completion) == read_text(STEPUP_COMPLETION));
  // man finds the page by name under the prefix's share/man.
  CHECK_THAT(run({"man", "-M", prefix.path() + "/share/man", "-P", "cat", "stepup"}, "."),
             Catch::Contains("compile"));

  const std::string version = run({bin, "--version"}, ".");
  CHECK(version.substr(0, version.find('\n')) == std::string("stepup ") + STEPUP_VERSION_FOR_TESTS);
  CHECK_THAT(version, Catch::Contains("\nlibclang: "));

  // The example, copied out of the source tree, configured (which is all a
  // compile database needs) and scanned with libclang by the installed binary.
  stepup::test::TempDir work;
  const std::string repo = work.path() + "/shop";
  fs::copy(std::string(STEPUP_SOURCE_DIR) + "/examples/shop", repo, fs::copy_options::recursive);
  const auto sources = example_sources(repo);
  run({"cmake", "-S", repo, "-B", repo + "/build"}, repo);
  const Json db = Json::parse(read_text(repo + "/build/compile_commands.json"));
  auto scan =
      stepup::SystemProcessRunner().run({bin, "scan", repo, "-p", repo + "/build", "--no-cache",
                                         "-o", work.path() + "/out", "-j", "2"},
                                        repo);
  INFO(scan.err);
  REQUIRE(scan.exit_code == 0);
  CHECK_THAT(scan.err, Catch::Contains(std::to_string(db.size()) + " TU(s) parsed"));
  const Json report = Json::parse(read_text(work.path() + "/out/report.json"));
  CHECK(report["schema"] == stepup::kReportSchema);
  CHECK(report["tool"]["version"] == STEPUP_VERSION_FOR_TESTS);
  std::set<std::string> reported;
  for (const auto& f : report["files"]) {
    reported.insert(f["path"].get<std::string>());
    CHECK_FALSE(f["parse_errors"].get<bool>());
  }
  CHECK(reported == sources);
  CHECK(!report["candidates"].empty());
}
