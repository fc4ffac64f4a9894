// stepup --version: the version, the commit it was built from, libclang's
// version and the report schema, each checked against its source of truth.
#include "app/version.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "model/report.h"
#include "tests/support/temp_repo.h"

using stepup::test::run;
using stepup::test::run_stepup;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

/// What app/build_info.cmake writes for the source tree src.
std::string build_info_for(const std::string& src, const std::string& dir) {
  const std::string out = dir + "/build_info_gen.h";
  run({"cmake", "-DSRC=" + src, "-DOUT=" + out, "-P",
       std::string(STEPUP_SOURCE_DIR) + "/app/build_info.cmake"},
      dir);
  return stepup::test::read_text(out);
}

}  // namespace

TEST_CASE("stepup --version names the version, the commit, libclang and the schema", "[version]") {
  auto r = run_stepup({"--version"});
  REQUIRE(r.exit_code == 0);
  auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == std::string("stepup ") + STEPUP_VERSION_FOR_TESTS);
  // The commit: a full hash of this source tree's history that HEAD
  // contains (HEAD itself unless commits were made since the build; the
  // test below checks the build writes HEAD exactly), or "unknown" when
  // the source tree is not a git checkout.
  stepup::SystemProcessRunner git;
  auto head = git.run({"git", "-C", STEPUP_SOURCE_DIR, "rev-parse", "HEAD"}, ".");
  REQUIRE(lines[1].rfind("commit: ", 0) == 0);
  std::string commit = lines[1].substr(8);
  if (head.exit_code != 0) {
    CHECK(commit == "unknown");
  } else {
    if (commit.size() > 6 && commit.compare(commit.size() - 6, 6, "-dirty") == 0) {
      commit.resize(commit.size() - 6);
    }
    CHECK(commit.size() == 40);
    CHECK(commit.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(git.run({"git", "-C", STEPUP_SOURCE_DIR, "merge-base", "--is-ancestor", commit, "HEAD"},
                  ".")
              .exit_code == 0);
  }
  // libclang: the LLVM whose library CMake linked (/usr/lib/llvm-N).
  const std::string root = STEPUP_LLVM_ROOT;
  const std::string major = root.substr(root.rfind('-') + 1);
  CHECK_THAT(lines[2],
             Catch::StartsWith("libclang: ") && Catch::Contains("clang version " + major + "."));
  CHECK(lines[3] == std::string("report schema: ") + stepup::kReportSchema);
  CHECK(stepup::version_text() == r.out);
}

TEST_CASE("the schema stepup --version names is the one a scan writes", "[version]") {
  stepup::test::TempDir repo;
  repo.write("src/a.cpp", "int a(int x) { return x > 0 ? 1 : 0; }\n");
  auto scan = run_stepup({"scan", repo.path(), "--quick", "--no-cache", "-o", repo.path() + "/out",
                          "--format", "json", "-j", "1"});
  INFO(scan.err);
  REQUIRE(scan.exit_code == 0);
  auto report = nlohmann::json::parse(stepup::test::read_text(repo.path() + "/out/report.json"));
  CHECK_THAT(run_stepup({"--version"}).out,
             Catch::Contains("report schema: " + report["schema"].get<std::string>() + "\n"));
}

TEST_CASE("the build's commit: git's HEAD in a checkout, unknown outside one", "[version]") {
  stepup::test::TempDir dir;
  stepup::test::TempDir plain;  // no .git anywhere up to $TMPDIR's root
  CHECK_THAT(build_info_for(plain.path(), dir.path()),
             Catch::Contains("#define STEPUP_GIT_COMMIT \"unknown\""));

  stepup::test::TempDir repo;
  repo.write("a.txt", "one\n");
  stepup::test::git_commit_all(repo.path(), "first");
  const std::string head = trimmed(run({"git", "rev-parse", "HEAD"}, repo.path()));
  REQUIRE(head.size() == 40);
  CHECK_THAT(build_info_for(repo.path(), dir.path()),
             Catch::Contains("#define STEPUP_GIT_COMMIT \"" + head + "\""));
  repo.write("a.txt", "two\n");  // a local change to a tracked file
  CHECK_THAT(build_info_for(repo.path(), dir.path()),
             Catch::Contains("#define STEPUP_GIT_COMMIT \"" + head + "-dirty\""));
}
