// The image's entry point (scripts/docker-entrypoint.sh) outside any
// container: it runs stepup with git trusting the mounted workspace, as the
// image runs it. The image itself is built and run by tests/container/run.sh
// where a container engine is there.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/temp_repo.h"

using Catch::Matchers::Contains;
using stepup::test::git_commit_all;
using stepup::test::read_text;
using stepup::test::run_stepup;
using stepup::test::TempDir;
using stepup::test::two_commits_owned_by_another_user;
using Json = nlohmann::json;

namespace {

const std::string kEntrypoint = std::string(STEPUP_SOURCE_DIR) + "/scripts/docker-entrypoint.sh";

/// The entry point with `stepup` = STEPUP, in cwd, with only PATH, HOME and
/// `env` (NAME=VALUE) in its environment, as a container starts it.
stepup::ProcessResult entrypoint(const std::string& stepup, const std::vector<std::string>& args,
                                 const std::string& cwd, const std::vector<std::string>& env = {}) {
  std::vector<std::string> argv = {"env", "-i", "PATH=" + std::string(std::getenv("PATH")),
                                   "HOME=/nonexistent", "STEPUP=" + stepup};
  argv.insert(argv.end(), env.begin(), env.end());
  argv.push_back(kEntrypoint);
  argv.insert(argv.end(), args.begin(), args.end());
  return stepup::SystemProcessRunner().run(argv, cwd);
}

}  // namespace

TEST_CASE("entry point: git trusts the working folder, its repository and CI's workspaces",
          "[container]") {
  TempDir t;
  const std::string repo = t.path() + "/repo";
  t.write("repo/src/a.cpp", "int a() { return 1; }\n");
  git_commit_all(repo, "one");
  // `env` in stepup's place prints what stepup would be given.
  stepup::ProcessResult r =
      entrypoint("env", {}, repo + "/src",
                 {"GIT_CONFIG_COUNT=1", "GIT_CONFIG_KEY_0=core.quotePath",
                  "GIT_CONFIG_VALUE_0=false", "GITHUB_WORKSPACE=/github/workspace",
                  "CI_PROJECT_DIR=/builds/team/app", "STEPUP_SAFE_DIRECTORIES=/x/*:/y"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string real = std::filesystem::canonical(repo).string();
  // The caller's entry stays first; then the working folder, the repository
  // above it, the two CI workspaces and the extra folders, unglobbed.
  const std::vector<std::pair<std::string, std::string>> want = {
      {"core.quotePath", "false"},
      {"safe.directory", real + "/src"},
      {"safe.directory", real},
      {"safe.directory", "/github/workspace"},
      {"safe.directory", "/builds/team/app"},
      {"safe.directory", "/x/*"},
      {"safe.directory", "/y"}};
  CHECK_THAT(r.out, Contains("GIT_CONFIG_COUNT=" + std::to_string(want.size()) + "\n"));
  for (size_t i = 0; i < want.size(); ++i) {
    CHECK_THAT(r.out, Contains("GIT_CONFIG_KEY_" + std::to_string(i) + "=" + want[i].first + "\n"));
    CHECK_THAT(r.out,
               Contains("GIT_CONFIG_VALUE_" + std::to_string(i) + "=" + want[i].second + "\n"));
  }
  // Only folders that hold .git are trusted above the working folder.
  CHECK(r.out.find("=" + std::filesystem::canonical(t.path()).string() + "\n") ==
        std::string::npos);
}

TEST_CASE("entry point: a workspace another user owns keeps its history and patch mode",
          "[container]") {
  if (geteuid() != 0) {
    WARN("skipped: only root can give the workspace to another user");
    return;
  }
  // The image run on a mounted checkout: its owner is not the container's user.
  TempDir ws;
  two_commits_owned_by_another_user(ws);
  TempDir out;
  const std::vector<std::string> args = {"scan",   ".",  "--quick",  "--no-cache", "--diff-base",
                                         "HEAD~1", "-o", out.path(), "--format",   "json"};
  stepup::ProcessResult plain = run_stepup(args, ws.path());
  CHECK(plain.exit_code == 3);  // git refuses it: the case the entry point is for
  CHECK_THAT(plain.err, Contains("is not a git checkout"));

  stepup::ProcessResult r = entrypoint(STEPUP_BINARY, args, ws.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Json report = Json::parse(read_text(out.path() + "/report.json"));
  CHECK(report["patch"]["files_changed"] == 1);
  CHECK(report["history"]["window"]["commits"] == 2);
}
