// scripts/action/stepup-action.sh, the GitHub Action's scan step, run
// locally on the example repository (the shop fixture, built once per run
// with coverage) with GitHub's environment faked: the step summary, the
// outputs, the SARIF and the PR comment's body (a golden file).
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "scanner/common/process.h"
#include "tests/support/coverage_fixture.h"
#include "tests/support/temp_repo.h"

using Json = nlohmann::json;
using namespace stepup::test;
using Catch::Contains;

namespace {

const std::string kSource = STEPUP_SOURCE_DIR;

const BuiltRepo& shop() { return built_fixture("shop", "SHOP_COVERAGE"); }

struct ActionRun {
  stepup::ProcessResult result;
  std::map<std::string, std::string> outputs;  ///< $GITHUB_OUTPUT, parsed
  std::string summary;                         ///< $GITHUB_STEP_SUMMARY
};

// $GITHUB_OUTPUT in its two forms: name=value and name<<DELIM ... DELIM.
std::map<std::string, std::string> parse_outputs(const std::string& text) {
  std::map<std::string, std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    size_t heredoc = line.find("<<");
    if (heredoc == std::string::npos) {
      size_t eq = line.find('=');
      REQUIRE(eq != std::string::npos);
      out[line.substr(0, eq)] = line.substr(eq + 1);
      continue;
    }
    std::string delim = line.substr(heredoc + 2), value, next;
    while (std::getline(in, next) && next != delim) value += (value.empty() ? "" : "\n") + next;
    out[line.substr(0, heredoc)] = value;
  }
  return out;
}

// The script with only the environment GitHub would give it (env -i).
// STEPUP names the binary unless `path` is given: then PATH is path plus
// the tests' PATH, where no stepup is.
ActionRun run_action(const TempDir& tmp, const std::vector<std::string>& inputs,
                     const std::string& path = "") {
  std::string tests_path = std::getenv("PATH");
  std::vector<std::string> argv = {
      "env",
      "-i",
      "PATH=" + tests_path,
      path.empty() ? "STEPUP=" STEPUP_BINARY : "PATH=" + path + ":" + tests_path,
      "HOME=" + tmp.path(),
      "XDG_CACHE_HOME=" STEPUP_TEST_CACHE,
      "GITHUB_ACTIONS=true",
      "GITHUB_WORKSPACE=" + shop().repo,
      "GITHUB_OUTPUT=" + tmp.path() + "/outputs",
      "GITHUB_STEP_SUMMARY=" + tmp.path() + "/summary.md",
      "GITHUB_SERVER_URL=https://github.test",
      "GITHUB_REPOSITORY=owner/shop",
      "GITHUB_RUN_ID=4242",
      "INPUT_PATH=" + shop().repo,
      "INPUT_OUTPUT=" + tmp.path() + "/stepup-report"};
  argv.insert(argv.end(), inputs.begin(), inputs.end());
  argv.insert(argv.end(), {"bash", kSource + "/scripts/action/stepup-action.sh"});
  stepup::SystemProcessRunner runner;
  ActionRun r{runner.run(argv, tmp.path()), {}, ""};
  if (std::filesystem::exists(tmp.path() + "/outputs")) {
    r.outputs = parse_outputs(read_text(tmp.path() + "/outputs"));
  }
  if (std::filesystem::exists(tmp.path() + "/summary.md")) {
    r.summary = read_text(tmp.path() + "/summary.md");
  }
  return r;
}

// The lines `git diff -U0 base` adds to each file ("+++ b/path", then
// "@@ -a,b +c,d @@": lines c to c+d-1; d omitted is 1).
std::map<std::string, std::set<int>> added_lines(const std::string& repo, const std::string& base) {
  std::map<std::string, std::set<int>> out;
  std::istringstream diff(run({"git", "-C", repo, "diff", "-U0", "--no-ext-diff", base}, repo));
  std::string file;
  for (std::string line; std::getline(diff, line);) {
    if (line.rfind("+++ b/", 0) == 0) file = line.substr(6);
    if (line.rfind("@@ ", 0) != 0) continue;
    size_t plus = line.find(" +") + 2;
    size_t comma = line.find(',', plus), space = line.find(' ', plus);
    int start = std::stoi(line.substr(plus));
    int count = comma < space ? std::stoi(line.substr(comma + 1)) : 1;
    for (int i = 0; i < count; ++i) out[file].insert(start + i);
  }
  return out;
}

}  // namespace

TEST_CASE(
    "action script: patch mode on the example writes the summary, outputs, SARIF and comment") {
  TempDir tmp;
  // Commits 34-37 of the example: net (never tested) and store changed.
  ActionRun r = run_action(
      tmp, {"INPUT_COMPILE_COMMANDS=" + shop().build, "INPUT_COVERAGE=" + shop().coverage,
            "INPUT_DIFF_BASE=HEAD~4", "INPUT_FAIL_ON=patch-coverage<0.8,\n  max-score>=90\n",
            "INPUT_ARGS=--top 5\n-j 2"});
  INFO(r.result.out << r.result.err);
  CHECK(r.result.exit_code == 0);  // the gate's code is the action's last step's
  const std::string out = tmp.path() + "/stepup-report";
  Json report = Json::parse(read_text(out + "/report.json"));
  // The inputs became stepup's arguments: both gates, the base, --top 5.
  REQUIRE(report["gate"].size() == 2);
  CHECK(report["gate"][0]["expression"] == "patch-coverage<0.8");
  CHECK(report["gate"][1]["expression"] == "max-score>=90");
  CHECK(report["patch"]["base"] == "HEAD~4");
  bool failed = report["gate"][0]["failed"].get<bool>() || report["gate"][1]["failed"].get<bool>();
  CHECK(r.outputs["exit-code"] == (failed ? "1" : "0"));
  CHECK(r.outputs["gate"] == (failed ? "failed" : "passed"));
  CHECK(r.outputs["report-dir"] == out);
  CHECK(r.outputs["sarif"] == out + "/report.sarif");
  CHECK(r.outputs["html"] == out + "/index.html");
  CHECK(r.outputs["comment"] == out + "/comment.md");
  CHECK(Json::parse(read_text(out + "/report.sarif"))["version"] == "2.1.0");
  CHECK(r.summary == read_text(out + "/summary.md"));
  CHECK_THAT(r.summary, Contains(failed ? "**Quality gate: failed**" : "**Quality gate: passed**"));
  // The scan's console is fenced off from workflow commands, then resumed.
  size_t stop = r.result.out.find("::stop-commands::");
  REQUIRE(stop != std::string::npos);
  std::string token = r.result.out.substr(stop + 17, 32);
  CHECK_THAT(r.result.out, Contains("\n::" + token + "::\n"));

  // Every changed file the comment names is one git says the patch changed.
  std::string changed =
      run({"git", "-C", shop().repo, "diff", "--name-only", "HEAD~4"}, tmp.path());
  std::string comment = read_text(out + "/comment.md");
  for (const auto& f : report["patch"]["files_without_coverage"]) {
    CHECK_THAT(changed, Contains(f.get<std::string>()));
    CHECK_THAT(comment, Contains("`" + f.get<std::string>() + "`"));
  }

  // Each changed file's row, against git's changed lines and gcovr's counts.
  std::map<std::string, std::set<int>> added = added_lines(shop().repo, "HEAD~4");
  Json gcovr = Json::parse(read_text(shop().coverage));
  int rows = 0;
  for (const auto& f : gcovr["files"]) {
    const std::set<int>& lines = added[f["file"].get<std::string>()];
    int executable = 0, covered = 0;
    for (const auto& l : f["lines"]) {
      if (lines.count(l["line_number"].get<int>()) && !l.value("gcovr/noncode", false)) {
        ++executable;
        covered += l["count"].get<long>() > 0;
      }
    }
    if (executable == covered) continue;  // only files with lines not run get a row
    ++rows;
    CHECK_THAT(comment,
               Contains("| `" + f["file"].get<std::string>() + "` | " + std::to_string(covered) +
                        " of " + std::to_string(executable) + " | "));
  }
  CHECK(rows == 2);

  // The body against its golden file; nothing in it varies between runs.
  const std::string golden = kSource + "/tests/fixtures/comment/shop.md";
  if (std::getenv("STEPUP_UPDATE_GOLDEN")) std::ofstream(golden, std::ios::binary) << comment;
  CHECK(comment == read_text(golden));
}

TEST_CASE("action script: a push without a base, no gate, and args it refuses") {
  TempDir tmp;
  ActionRun push = run_action(tmp, {"INPUT_DIFF_BASE=0000000000000000000000000000000000000000",
                                    "INPUT_FAIL_ON=none", "INPUT_ARGS=--top 3 --quick"});
  INFO(push.result.out << push.result.err);
  CHECK(push.result.exit_code == 0);
  CHECK_THAT(push.result.out, Contains("no diff-base"));
  CHECK(push.outputs["exit-code"] == "0");
  CHECK(push.outputs["gate"] == "none");
  Json report = Json::parse(read_text(tmp.path() + "/stepup-report/report.json"));
  CHECK(report["gate"].empty());
  CHECK(report["patch"].is_null());
  std::string comment = read_text(tmp.path() + "/stepup-report/comment.md");
  CHECK_THAT(comment, Contains("## stepup\n\n### Top tasks\n"));

  TempDir bad;
  ActionRun quoted = run_action(bad, {"INPUT_ARGS=--config \"my file.json\""});
  CHECK(quoted.result.exit_code == 3);
  CHECK_THAT(quoted.result.out, Contains("::error title=stepup::args: quotes are not interpreted"));
  CHECK_FALSE(std::filesystem::exists(bad.path() + "/stepup-report"));
}

TEST_CASE("action script: without stepup on PATH it builds the image and runs it as the caller") {
  TempDir tmp;
  // A docker that logs its arguments and, for `run`, runs the built stepup
  // with what follows the image, as the container's entry point would.
  tmp.write("bin/docker",
            "#!/usr/bin/env bash\n"
            "printf '%s\\n' \"$@\" > " +
                tmp.path() +
                "/docker-$1.args\n"
                "[ \"$1\" = run ] || exit 0\n"
                "shift\n"
                "while [ $# -gt 0 ]; do case $1 in\n"
                "  --rm) shift ;; --user|--workdir|--env|--volume) shift 2 ;; *) break ;;\n"
                "esac; done\n"
                "shift\n"
                "exec " STEPUP_BINARY " \"$@\"\n");
  std::filesystem::permissions(tmp.path() + "/bin/docker", std::filesystem::perms::owner_all);
  std::filesystem::create_directories(tmp.path() + "/runner-temp");
  ActionRun r = run_action(
      tmp,
      {"INPUT_FAIL_ON=none", "INPUT_ARGS=--quick", "RUNNER_TEMP=" + tmp.path() + "/runner-temp"},
      tmp.path() + "/bin");
  INFO(r.result.out << r.result.err);
  CHECK(r.outputs["gate"] == "none");
  CHECK(std::filesystem::exists(tmp.path() + "/stepup-report/comment.md"));
  CHECK(read_text(tmp.path() + "/docker-build.args") ==
        "build\n-t\nstepup-action:local\n" + kSource + "\n");
  std::string id = run({"id", "-u"}, tmp.path()), group = run({"id", "-g"}, tmp.path());
  std::string ws = shop().repo, temp = tmp.path() + "/runner-temp";
  std::string args = read_text(tmp.path() + "/docker-run.args");
  CHECK_THAT(args,
             Contains("run\n--rm\n--user\n" + id.substr(0, id.size() - 1) + ":" +
                      group.substr(0, group.size() - 1) + "\n--workdir\n" + tmp.path() + "\n"));
  CHECK_THAT(args,
             Contains("\n--volume\n" + ws + ":" + ws + "\n--volume\n" + temp + ":" + temp + "\n"));
  // The workspace is trusted inside too: git's variables go along.
  CHECK_THAT(args, Contains("\n--env\nGIT_CONFIG_COUNT\n--env\nGIT_CONFIG_KEY_0\n--env\n"
                            "GIT_CONFIG_VALUE_0\n"));
  CHECK_THAT(args, Contains("\nstepup-action:local\nscan\n" + ws + "\n"));

  // A published image is run as it is: nothing is built.
  std::filesystem::remove(tmp.path() + "/docker-build.args");
  TempDir again;
  ActionRun given = run_action(
      again, {"INPUT_FAIL_ON=none", "INPUT_ARGS=--quick", "INPUT_IMAGE=registry.test/stepup:1"},
      tmp.path() + "/bin");
  CHECK(given.outputs["gate"] == "none");
  CHECK_FALSE(std::filesystem::exists(tmp.path() + "/docker-build.args"));
  CHECK_THAT(read_text(tmp.path() + "/docker-run.args"),
             Contains("\nregistry.test/stepup:1\nscan\n"));
}

TEST_CASE("action script: a workspace another user owns still gets patch mode and history") {
  if (geteuid() != 0) {
    WARN("skipped: only root can give the workspace to another user");
    return;
  }
  // A job container runs as root on the runner user's checkout: git's
  // "dubious ownership" case, which made patch mode exit 3.
  TempDir ws;
  two_commits_owned_by_another_user(ws);
  TempDir tmp;
  stepup::ProcessResult plain = run_stepup(
      {"scan", ws.path(), "--quick", "--diff-base", "HEAD~1", "-o", tmp.path() + "/plain"});
  CHECK(plain.exit_code == 3);                               // the bug, without the action
  CHECK_THAT(plain.err, Contains("is not a git checkout"));  // git refused to read it

  std::vector<std::string> argv = {"env",
                                   "-i",
                                   "PATH=" + std::string(std::getenv("PATH")),
                                   "HOME=" + tmp.path(),
                                   "XDG_CACHE_HOME=" STEPUP_TEST_CACHE,
                                   "STEPUP=" STEPUP_BINARY,
                                   "GITHUB_WORKSPACE=" + ws.path(),
                                   "GITHUB_OUTPUT=" + tmp.path() + "/outputs",
                                   "INPUT_DIFF_BASE=HEAD~1",
                                   "INPUT_FAIL_ON=max-score>=101",
                                   "INPUT_ARGS=--quick",
                                   "bash",
                                   kSource + "/scripts/action/stepup-action.sh"};
  stepup::SystemProcessRunner runner;
  stepup::ProcessResult r = runner.run(argv, ws.path());
  INFO(r.out << r.err);
  CHECK(r.err.find("is not a git checkout") == std::string::npos);
  CHECK(parse_outputs(read_text(tmp.path() + "/outputs"))["exit-code"] == "0");
  Json report = Json::parse(read_text(ws.path() + "/stepup-report/report.json"));
  CHECK(report["patch"]["files_changed"] == 1);
  CHECK(report["history"]["window"]["commits"] == 2);
}
