// Where the repository is (issue 14, kind 7): a scan started in a subfolder
// reads the repository git reads, with the same paths, history and compile
// database as one started at the top, and only narrows what it reports.
#include <stdlib.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "model/errors.h"
#include "scanner/common/repo_root.h"
#include "tests/support/temp_repo.h"

using namespace stepup;
using Json = nlohmann::json;
using Catch::Contains;

namespace {

// src/net/http.cpp changes in three commits; `featured` exists only with
// the -DFEATURE of the top-level compile database.
struct Repo {
  test::TempDir dir;
  Repo() {
    dir.write("src/other.cpp", "int other() { return 2; }\n");
    for (int i = 1; i <= 3; ++i) {
      dir.write("src/net/http.cpp", "int parse(int x) { return x > " + std::to_string(i) +
                                        " ? x : 0; }\n"
                                        "#ifdef FEATURE\nint featured() { return 1; }\n#endif\n");
      test::git_commit_all(dir.path(), "http " + std::to_string(i),
                           "2026-01-1" + std::to_string(i) + "T10:00:00+00:00");
    }
    dir.write("compile_commands.json", R"([{"directory": ")" + dir.path() +
                                           R"(", "file": "src/net/http.cpp",
                   "command": "c++ -DFEATURE -c src/net/http.cpp"},
                  {"directory": ")" + dir.path() +
                                           R"(", "file": "src/other.cpp",
                   "command": "c++ -c src/other.cpp"}])");
  }
  // The facts a report gives about each file: functions and history.
  static std::map<std::string, Json> files_of(const std::string& report) {
    Json doc = Json::parse(test::read_text(report));
    std::map<std::string, Json> out;
    for (const auto& f : doc["files"]) {
      Json names = Json::array();
      for (const auto& fn : f["functions"]) names.push_back(fn["qualified_name"]);
      out[f["path"]] = {names, f["history"]["commits"], f["history"]["lines_added"]};
    }
    return out;
  }
};

}  // namespace

TEST_CASE("repo root: a scan from a subfolder gives the top's paths, history and flags") {
  Repo r;
  auto top = test::run_stepup({"scan", r.dir.path(), "-o", r.dir.path() + "/top", "-j", "1"});
  REQUIRE(top.exit_code == 0);
  // Started in src/net with REPO ".": the default report goes to the top.
  auto sub = test::run_stepup({"scan", ".", "-j", "1"}, r.dir.path() + "/src/net");
  INFO(sub.err);
  REQUIRE(sub.exit_code == 0);
  CHECK_THAT(sub.err, Contains("reports in " + r.dir.path() + "/stepup-report"));
  auto scoped = test::run_stepup(
      {"scan", r.dir.path(), "--path", r.dir.path() + "/src/net", "-o", r.dir.path() + "/p"});
  REQUIRE(scoped.exit_code == 0);

  auto all = Repo::files_of(r.dir.path() + "/top/report.json");
  REQUIRE(all.count("src/net/http.cpp"));
  const Json& http = all["src/net/http.cpp"];
  CHECK(http[0] == Json::array({"parse", "featured"}));  // the top database was found
  CHECK(http[1] == 3);                                   // 3 commits, not 0
  std::map<std::string, Json> only_net = {{"src/net/http.cpp", http}};
  CHECK(Repo::files_of(r.dir.path() + "/stepup-report/report.json") == only_net);
  CHECK(Repo::files_of(r.dir.path() + "/p/report.json") == only_net);
  Json doc = Json::parse(test::read_text(r.dir.path() + "/p/report.json"));
  CHECK(doc["repo"]["root"] == r.dir.path());
  bool said = false;
  for (const auto& d : doc["diagnostics"]) {
    said |= d["message"].get<std::string>().rfind("scanning src/net/ only, 1 of the 2", 0) == 0;
  }
  CHECK(said);
}

TEST_CASE("repo root: --path outside the repository is exit 3, a missing one too") {
  Repo r;
  test::TempDir elsewhere;
  auto out = test::run_stepup({"scan", r.dir.path(), "--path", elsewhere.path()});
  CHECK(out.exit_code == 3);
  CHECK_THAT(out.err, Contains("not inside the repository " + r.dir.path()));
  auto missing = test::run_stepup({"scan", r.dir.path(), "--path", r.dir.path() + "/nope"});
  CHECK(missing.exit_code == 3);
  CHECK_THAT(missing.err, Contains("/nope: not a folder"));
}

TEST_CASE("repo root: scopes") {
  CHECK(in_scope({}, "a/b.cc"));
  CHECK(in_scope({"src/net/"}, "src/net/http.cpp"));
  CHECK_FALSE(in_scope({"src/net/"}, "src/network.cpp"));
  CHECK(describe_scope({"a/", "b/", "c/"}) == "a/, b/ and c/");
}

TEST_CASE("repo root: git's refusal (dubious ownership) is said with its fix, not hidden") {
  if (geteuid() != 0) return;  // making another user's checkout needs root
  Repo r;
  test::run({"chown", "-R", "12345", r.dir.path()}, "/");
  test::TempDir home;
  ProcessResult res = SystemProcessRunner().run(
      {"env", "HOME=" + home.path(), "GIT_CONFIG_NOSYSTEM=1", STEPUP_BINARY, "scan", r.dir.path(),
       "-o", home.path() + "/out", "-j", "1"},
      home.path());
  test::run({"chown", "-R", std::to_string(geteuid()), r.dir.path()}, "/");
  INFO(res.err);
  CHECK(res.exit_code == 0);
  CHECK_THAT(res.err, Contains("error: discover: git refuses this repository: fatal: detected "
                               "dubious ownership") &&
                          Contains("git config --global --add safe.directory " + r.dir.path()));
}
