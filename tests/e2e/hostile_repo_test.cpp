// The repository under scan is untrusted input (docs/security.md): a
// committed gcovr.cfg, a hostile .git/config and programs planted where a
// relative PATH entry would find them must never run.
#include <stdlib.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "scanner/common/git_command.h"
#include "scanner/common/process.h"
#include "tests/support/temp_repo.h"

using namespace stepup;
using Catch::Contains;

namespace {

// A repository whose config, gcovr.cfg and folders name `evil` scripts;
// each appends its name to `marker` when it runs.
struct HostileRepo {
  test::TempDir tmp;
  std::string repo = tmp.path() + "/repo";
  std::string marker = tmp.path() + "/ran";

  std::string evil(const std::string& path, const std::string& name) {
    std::string p = tmp.write(path, "#!/bin/sh\necho " + name + " >> " + marker + "\ncat\n");
    chmod(p.c_str(), 0755);
    return p;
  }

  HostileRepo() {
    tmp.write("repo/src/a.cc",
              "int pick(int x) {\n  return x > 0 ? 1 : 0;\n}\n"
              "int main() { return pick(1) == 1 ? 0 : 1; }\n");
    tmp.write("repo/.gitattributes", "*.cc filter=evil diff=evil\n");
    test::git_commit_all(repo, "base");
    std::string tool = evil("tools/evil", "evil");
    // gcovr reads gcovr.cfg from its --root: a gcov of the repository's choosing.
    tmp.write("repo/gcovr.cfg", "gcov-executable = " + evil("tools/evil-gcov", "gcovr.cfg") + "\n");
    // Hooks, fsmonitor, pager, filters, diff drivers, signatures.
    evil("repo/.git/hooks/post-index-change", "hook");
    evil("tools/hooks/post-index-change", "hooksPath");
    for (const char* setting : {"core.fsmonitor", "core.pager", "filter.evil.clean",
                                "filter.evil.smudge", "filter.evil.process", "diff.evil.textconv",
                                "diff.evil.command", "diff.external", "gpg.program"}) {
      test::run({"git", "-C", repo, "config", setting, tool}, repo);
    }
    test::run({"git", "-C", repo, "config", "core.hooksPath", tmp.path() + "/tools/hooks"}, repo);
    test::run({"git", "-C", repo, "config", "log.showSignature", "true"}, repo);
    // A changed file, so a diff against HEAD reads the work tree.
    tmp.write("repo/src/a.cc",
              "int pick(int x) {\n  return x > 1 ? 1 : 0;\n}\n"
              "int main() { return pick(2) == 1 ? 0 : 1; }\n");
    // Programs where an empty PATH entry (the child's working folder) finds them.
    std::string build = repo + "/build";
    std::filesystem::create_directories(build);
    test::run({"g++", "--coverage", "-O0", "-o", build + "/prog", repo + "/src/a.cc"}, build);
    test::run({build + "/prog"}, build);
    for (const char* name : {"gcovr", "gcov", "git"}) evil("repo/build/" + std::string(name), name);
    for (const char* name : {"gcovr", "gcov", "git"}) evil("repo/" + std::string(name), name);
  }
  bool ran() const { return std::filesystem::exists(marker); }
};

}  // namespace

TEST_CASE("hostile repo: nothing its gcovr.cfg, git config or folders name runs") {
  HostileRepo h;
  const char* path = getenv("PATH");
  ProcessResult r = SystemProcessRunner().run(
      {"env", std::string("PATH=:.:") + path, STEPUP_BINARY, "scan", h.repo, "--coverage-build",
       h.repo + "/build", "--diff-base", "HEAD", "-o", h.tmp.path() + "/out", "-j", "1"},
      h.repo);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_FALSE(h.ran());
  CHECK(std::filesystem::exists(h.tmp.path() + "/out/report.json"));

  // The same repository does run them when asked plainly: the test is live.
  SystemProcessRunner plain;
  plain.run({"git", "-C", h.repo, "diff", "HEAD"}, h.repo);
  plain.run({"gcovr", "--root", h.repo, h.repo + "/build", "--json"}, h.repo + "/build");
  REQUIRE(h.ran());
  std::string said = test::read_text(h.marker);
  CHECK_THAT(said, Contains("evil"));       // git's filter or diff driver
  CHECK_THAT(said, Contains("gcovr.cfg"));  // gcovr's gcov from the repository
}

TEST_CASE("git_command: the settings that make git start programs are off") {
  std::vector<std::string> argv = git_command("/nonexistent-repo", {"log", "-1"});
  auto has = [&](const std::string& a) {
    return std::find(argv.begin(), argv.end(), a) != argv.end();
  };
  CHECK(argv[0] == "git");
  CHECK(has("--no-pager"));
  CHECK(has("--no-optional-locks"));
  CHECK(has("core.hooksPath=/dev/null"));
  CHECK(has("core.fsmonitor=false"));
  CHECK(has("log.showSignature=false"));
  CHECK(argv[argv.size() - 2] == "log");
  // Filter drivers are named by the repository, so they are emptied by name.
  std::string config("filter.lfs.clean\ngit-lfs clean -- %f\0filter.a.b.process\nx\0", 58);
  CHECK(filter_overrides(config) ==
        std::vector<std::string>{"-c", "filter.a.b.clean=", "-c", "filter.a.b.smudge=", "-c",
                                 "filter.a.b.process=", "-c", "filter.a.b.required=false", "-c",
                                 "filter.lfs.clean=", "-c", "filter.lfs.smudge=", "-c",
                                 "filter.lfs.process=", "-c", "filter.lfs.required=false"});
}
