#include "tests/support/temp_repo.h"

#include <cstdlib>

#include <stdlib.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

namespace stepup::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "stepup-test-XXXXXX").string();
  char* made = mkdtemp(tmpl.data());
  REQUIRE(made != nullptr);
  path_ = fs::canonical(made).string();
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& rel, const std::string& text) const {
  fs::path p = fs::path(path_) / rel;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
  REQUIRE(out.good());
  return p.string();
}

std::string run(const std::vector<std::string>& argv, const std::string& cwd, bool allow_fail) {
  SystemProcessRunner runner;
  ProcessResult r = runner.run(argv, cwd);
  INFO("command: " << argv[0] << " ... stderr: " << r.err);
  REQUIRE(r.started);
  if (!allow_fail) REQUIRE(r.exit_code == 0);
  return r.out;
}

void git_commit_all(const std::string& repo, const std::string& message, const std::string& date) {
  setenv("GIT_AUTHOR_DATE", date.c_str(), 1);
  setenv("GIT_COMMITTER_DATE", date.c_str(), 1);
  setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
  if (!fs::exists(fs::path(repo) / ".git")) {
    run({"git", "init", "-q", "-b", "main", repo}, repo);
  }
  run({"git", "-C", repo, "add", "-A"}, repo);
  run({"git", "-C", repo, "-c", "user.name=Test Author", "-c", "user.email=author@example.com",
       "-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty", "-m", message},
      repo);
}

void two_commits_owned_by_another_user(const TempDir& repo) {
  repo.write("src/calc.cpp", "int twice(int x) { return 2 * x; }\n");
  git_commit_all(repo.path(), "base", "2026-01-10T10:00:00+00:00");
  repo.write("src/calc.cpp",
             "int twice(int x) { return 2 * x; }\nint thrice(int x) { return 3 * x; }\n");
  git_commit_all(repo.path(), "head", "2026-01-11T10:00:00+00:00");
  run({"chown", "-R", "4321:4321", repo.path()}, repo.path());
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

ProcessResult run_stepup(const std::vector<std::string>& args, const std::string& cwd) {
  // The facts cache of every test's scans is the build tree's, not ~/.cache.
  static bool cache_set = setenv("XDG_CACHE_HOME", STEPUP_TEST_CACHE, 1) == 0;
  (void)cache_set;
  std::vector<std::string> argv = {STEPUP_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  SystemProcessRunner runner;
  return runner.run(argv, cwd);
}

}  // namespace stepup::test
