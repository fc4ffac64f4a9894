#include "scanner/common/discover.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "model/errors.h"
#include "tests/support/temp_repo.h"

namespace fs = std::filesystem;
using namespace stepup;

namespace {
std::vector<std::string> paths_of(const Discovery& d) {
  std::vector<std::string> out;
  for (const auto& f : d.files) out.push_back(f.path);
  return out;
}
}  // namespace

TEST_CASE("git ls-files discovery keeps exact names, drops excludes and non-C++") {
  test::TempDir repo;
  repo.write("src/net/parser.cc", "int f();\n");
  repo.write("src/quote\"&<tag>.h", "int g();\n");
  repo.write("src/caf\xc3\xa9 file.hpp", "int h();\n");
  repo.write("third_party/zlib/z.c", "int z;\n");
  repo.write("build-release/gen.cc", "int gen;\n");
  repo.write("docs/readme.md", "# no\n");
  repo.write("tests/net/parser_test.cc", "int t;\n");
  repo.write("ignored/x.cc", "int i;\n");
  repo.write(".gitignore", "ignored/\n");
  test::git_commit_all(repo.path(), "initial");
  repo.write("src/untracked.cpp", "int u;\n");  // untracked, not ignored: listed

  SystemProcessRunner runner;
  Discovery d = discover(repo.path(), Config{}, runner);
  CHECK(d.in_git);
  CHECK(paths_of(d) == std::vector<std::string>{"src/caf\xc3\xa9 file.hpp",
                                                "src/net/parser.cc", "src/quote\"&<tag>.h",
                                                "src/untracked.cpp", "tests/net/parser_test.cc"});
  CHECK(d.files[1].module == "src/net");
  CHECK_FALSE(d.files[1].is_test);
  CHECK(d.files[2].is_header);
  CHECK(d.files[4].is_test);
}

TEST_CASE("test classification and modules follow the config") {
  Config c;
  CHECK(module_of("a.cc", c) == ".");
  CHECK(module_of("src/net/http/a.cc", c) == "src/net/http");
  c.module_depth = 2;
  CHECK(module_of("src/net/http/a.cc", c) == "src/net");
  CHECK(module_of("src/a.cc", c) == "src");
  c.module_map = {{"src/net/", "networking"}, {"src/net/http/", "http"}};
  CHECK(module_of("src/net/http/a.cc", c) == "http");  // longest prefix wins
  CHECK(module_of("src/net/tcp.cc", c) == "networking");
}

TEST_CASE("outside git, a directory walk survives a symlink loop") {
  test::TempDir repo;
  repo.write("lib/a.cpp", "int a;\n");
  repo.write("lib/tests/a_test.cpp", "int t;\n");
  repo.write("vendor/v.cpp", "int v;\n");
  fs::create_directory_symlink(repo.path() + "/lib", repo.path() + "/lib/loop");
  fs::create_symlink(repo.path() + "/lib/a.cpp", repo.path() + "/alias.cpp");
  SystemProcessRunner runner;
  Discovery d = discover(repo.path(), Config{}, runner);
  CHECK_FALSE(d.in_git);
  CHECK(paths_of(d) == std::vector<std::string>{"lib/a.cpp", "lib/tests/a_test.cpp"});
  bool said_symlink = false, said_walk = false;
  for (const auto& diag : d.diagnostics) {
    said_symlink |= diag.message.find("symbolic link") != std::string::npos;
    said_walk |= diag.message.find("not a git checkout") != std::string::npos;
  }
  CHECK(said_symlink);
  CHECK(said_walk);
}

TEST_CASE("a missing REPO is unusable input") {
  SystemProcessRunner runner;
  CHECK_THROWS_AS(discover("/nonexistent/stepup/repo", Config{}, runner), InputError);
  test::TempDir dir;
  std::string file = dir.write("plain.txt", "x");
  CHECK_THROWS_WITH(discover(file, Config{}, runner), Catch::Contains("not a directory"));
}

TEST_CASE("an empty repository gives no files and says so") {
  test::TempDir repo;
  test::run({"git", "init", "-q", repo.path()}, repo.path());
  SystemProcessRunner runner;
  Discovery d = discover(repo.path(), Config{}, runner);
  CHECK(d.files.empty());
  REQUIRE(d.diagnostics.size() == 1);
  CHECK(d.diagnostics[0].level == Diagnostic::Level::kError);
  // What was searched, so the user can tell a wrong folder from a wrong config.
  CHECK(d.diagnostics[0].message ==
        "no C or C++ source file found in " + d.root +
            ": looked for .c .cc .cpp .cxx .c++ .h .hh .hpp .hxx .ipp .inl among the 0 files "
            "git ls-files lists, excluding third_party/ vendor/ external/ build*/ .git/");
}
