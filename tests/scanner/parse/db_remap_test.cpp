#include "scanner/parse/db_remap.h"

#include <catch2/catch.hpp>

#include "app/pipeline.h"
#include "tests/scanner/parse/featured_repo.h"
#include "tests/support/temp_repo.h"

using namespace stepup;
using stepup::test::functions_in;
using stepup::test::write_featured;

namespace {

std::vector<SourceFile> repo_files(std::initializer_list<const char*> paths) {
  std::vector<SourceFile> out;
  for (const char* p : paths) out.push_back({p, "", false, false, false});
  return out;
}

}  // namespace

TEST_CASE("a database written in a CI container is remapped by suffix, and said") {
  test::TempDir repo;
  repo.write("src/a.cc", "int a;\n");
  repo.write("src/net/b.cc", "int b;\n");
  repo.write("include/x.h", "\n");
  auto files = repo_files({"include/x.h", "src/a.cc", "src/net/b.cc"});
  CompileDatabase db = parse_compile_database("/ci/compile_commands.json", R"([
    {"directory": "/home/ci/builds/proj/build", "file": "../src/a.cc",
     "arguments": ["g++", "-I/home/ci/builds/proj/include", "-DX", "-c", "../src/a.cc"]},
    {"directory": "/home/ci/builds/proj/build", "file": "/home/ci/builds/proj/src/net/b.cc",
     "command": "g++ -isystem /home/ci/builds/proj/include -c ../src/net/b.cc"}])");
  std::vector<Diagnostic> diags;
  REQUIRE(remap_compile_database(db, repo.path(), files, {}, diags));
  CHECK(db.commands[0].file == repo.path() + "/src/a.cc");
  CHECK(db.commands[0].directory == repo.path() + "/build");
  CHECK(db.commands[0].args ==
        std::vector<std::string>{"g++", "-I" + repo.path() + "/include", "-DX", "-std=gnu++17"});
  CHECK(db.commands[1].file == repo.path() + "/src/net/b.cc");
  CHECK(db.commands[1].args[2] == repo.path() + "/include");
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].level == Diagnostic::Level::kError);
  CHECK_THAT(diags[0].message,
             Catch::Contains("2 of its 2 entries name files that do not exist on this machine") &&
                 Catch::Contains("written under /home/ci/builds/proj/") &&
                 Catch::Contains("{\"from\": \"/home/ci/builds/proj/\", \"to\": \"\"}"));

  // With that path_map rule set, it is simply used: nothing to say.
  CompileDatabase again = parse_compile_database("/ci/compile_commands.json", R"([
    {"directory": "/home/ci/builds/proj/build", "file": "../src/a.cc",
     "arguments": ["g++", "-I/home/ci/builds/proj/include", "-c", "../src/a.cc"]}])");
  std::vector<Diagnostic> quiet;
  REQUIRE(
      remap_compile_database(again, repo.path(), files, {{"/home/ci/builds/proj/", ""}}, quiet));
  CHECK(again.commands[0].file == repo.path() + "/src/a.cc");
  CHECK(quiet.empty());
}

TEST_CASE("a database none of whose entries can be placed is set aside, and said") {
  test::TempDir repo;
  repo.write("src/a.cc", "int a;\n");
  auto files = repo_files({"src/a.cc"});
  CompileDatabase db = parse_compile_database("/ci/compile_commands.json", R"([
    {"directory": "/other/build", "file": "/other/lib/zz.cc", "command": "g++ -c zz.cc"}])");
  std::vector<Diagnostic> diags;
  CHECK_FALSE(remap_compile_database(db, repo.path(), files, {}, diags));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].level == Diagnostic::Level::kError);
  CHECK_THAT(diags[0].message,
             Catch::Contains("parsed with guessed flags") && Catch::Contains("path_map"));
}

TEST_CASE("a CI container's database still brings its flags: the function behind -D is there") {
  test::TempDir repo;
  write_featured(repo);
  repo.write("build/compile_commands.json", R"([{"directory": "/home/ci/builds/proj/build",
      "file": "/home/ci/builds/proj/src/a.cc",
      "command": "g++ -DFEATURE -c /home/ci/builds/proj/src/a.cc"}])");
  SystemProcessRunner runner;
  ScanOptions options;
  options.repo = repo.path();
  Report report = run_scan(options, runner).report;
  CHECK(functions_in(report, "src/a.cc") == std::vector<std::string>{"always", "featured"});
  bool said = false;
  for (const Diagnostic& d : report.diagnostics) {
    said |= d.level == Diagnostic::Level::kError && d.source == "compile-db" &&
            d.message.find("written under /home/ci/builds/proj/") != std::string::npos;
  }
  CHECK(said);
}
