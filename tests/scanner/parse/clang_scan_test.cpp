#include "scanner/parse/clang_scan.h"

#include <catch2/catch.hpp>

#include "app/pipeline.h"
#include "tests/support/temp_repo.h"

using namespace stepup;

namespace {

ScanResult scan(const std::string& repo, int jobs = 2) {
  SystemProcessRunner runner;
  ScanOptions options;
  options.repo = repo;
  options.jobs = jobs;
  return run_scan(options, runner);
}

const FileFacts& file(const Report& r, const std::string& path) {
  for (const auto& f : r.files) {
    if (f.path == path) return f;
  }
  FAIL("no file " << path);
  throw;
}

std::vector<std::string> diagnostics_from(const Report& r, const std::string& source) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) {
    if (d.source == source) out.push_back(d.path.value_or("") + ": " + d.message);
  }
  return out;
}

std::string db_entry(const std::string& dir, const std::string& file,
                     const std::string& command) {
  return "{\"directory\": \"" + dir + "\", \"file\": \"" + file + "\", \"command\": \"" +
         command + "\"}";
}

}  // namespace

TEST_CASE("standard headers resolve: <cstddef> parses with zero errors") {
  test::TempDir repo;
  repo.write("src/a.cpp",
             "#include <cstddef>\n#include <stddef.h>\n#include <cstdarg>\n"
             "#include <vector>\n#include <string>\n"
             "std::size_t n(const std::vector<std::string>& v) { return v.size(); }\n");
  repo.write("build/compile_commands.json",
             "[" + db_entry(repo.path() + "/build", "../src/a.cpp",
                            "/usr/bin/g++ -std=c++17 -c ../src/a.cpp -o a.o") + "]");
  ScanResult r = scan(repo.path());
  CHECK(diagnostics_from(r.report, "parse").empty());
  CHECK(file(r.report, "src/a.cpp").functions.size() == 1);
}

TEST_CASE("a gcc command line with flags clang rejects still parses") {
  test::TempDir repo;
  repo.write("inc/util.h", "#pragma once\ninline int twice(int x) { return x > 3 ? 2 * x : x; }\n");
  repo.write("src/a.cpp", "#include \"util.h\"\nint a(int x) { return twice(x); }\n");
  repo.write("build/compile_commands.json",
             "[" + db_entry(repo.path() + "/build", "../src/a.cpp",
                            "/usr/bin/g++ -I../inc -O2 -Werror -Wall --coverage "
                            "-fprofile-update=atomic -fconserve-stack -fno-tree-vectorize "
                            "-fno-such-gcc-flag-at-all -MD -MF a.d -c ../src/a.cpp -o a.o") +
                 "]");
  ScanResult r = scan(repo.path());
  CHECK(diagnostics_from(r.report, "parse").empty());
  CHECK(file(r.report, "inc/util.h").functions.at(0).cyclomatic == 2);
}

TEST_CASE("a header included by many TUs is analysed once, the same for any -j") {
  test::TempDir repo;
  repo.write("include/shared.h",
             "#pragma once\ninline int shared(int x) { if (x) return 1; return 0; }\n"
             "template <class T> T pick(T a, T b) { return a < b ? a : b; }\n");
  std::string db = "[";
  for (int i = 0; i < 6; ++i) {
    std::string name = "src/tu" + std::to_string(i) + ".cpp";
    repo.write(name, "#include \"shared.h\"\nint f" + std::to_string(i) +
                         "() { return shared(" + std::to_string(i) + ") + pick(1, 2); }\n");
    db += (i ? "," : "") + db_entry(repo.path(), name, "c++ -Iinclude -c " + name);
  }
  repo.write("compile_commands.json", db + "]");
  ScanResult one = scan(repo.path(), 1);
  ScanResult four = scan(repo.path(), 4);
  const FileFacts& h = file(one.report, "include/shared.h");
  REQUIRE(h.functions.size() == 2);
  CHECK(h.functions[0].name == "shared");
  CHECK(h.functions[1].name == "pick");
  CHECK(one.translation_units == 6);
  CHECK(file(four.report, "include/shared.h").functions.size() == 2);
}

TEST_CASE("a TU that fails to parse becomes a diagnostic and the scan goes on") {
  test::TempDir repo;
  repo.write("src/good.cpp", "int good(int x) { while (x) --x; return x; }\n");
  repo.write("src/bad.cpp",
             "#include \"missing_header.h\"\nint bad(int x) { if (x) return 1; return 0; }\n");
  repo.write("compile_commands.json",
             "[" + db_entry(repo.path(), "src/good.cpp", "c++ -c src/good.cpp") + "," +
                 db_entry(repo.path(), "src/bad.cpp", "c++ -c src/bad.cpp") + "," +
                 db_entry(repo.path(), "src/gone.cpp", "c++ -c src/gone.cpp") + "]");
  ScanResult r = scan(repo.path());
  CHECK(file(r.report, "src/good.cpp").functions.at(0).cyclomatic == 2);
  // keep-going: the function after the failed include is still measured.
  CHECK(file(r.report, "src/bad.cpp").functions.at(0).cyclomatic == 2);
  CHECK(diagnostics_from(r.report, "parse") ==
        std::vector<std::string>{"src/bad.cpp: 1 error(s) while parsing; metrics may be "
                                 "incomplete. First: src/bad.cpp:1:10: "
                                 "'missing_header.h' file not found"});
  CHECK(diagnostics_from(r.report, "compile-db") ==
        std::vector<std::string>{
            "src/gone.cpp: the compile database lists this file, but it does not exist"});
}

TEST_CASE("without a compile database files are parsed with guessed flags") {
  test::TempDir repo;
  repo.write("include/lib/api.h", "#pragma once\nstruct Api { int v; };\n");
  repo.write("src/use.cpp",
             "#include \"lib/api.h\"\n#include <vector>\n"
             "int use(const std::vector<Api>& a) { int s = 0; for (auto& x : a) s += x.v; "
             "return s; }\n");
  repo.write("src/lonely.h", "inline int lonely(bool a, bool b) { return a && b; }\n");
  ScanResult r = scan(repo.path());
  CHECK(diagnostics_from(r.report, "parse").empty());
  REQUIRE(diagnostics_from(r.report, "compile-db").size() == 1);
  CHECK(diagnostics_from(r.report, "compile-db")[0].find("no compile_commands.json found") !=
        std::string::npos);
  CHECK(file(r.report, "src/use.cpp").functions.at(0).cyclomatic == 2);
  // A header no TU includes is parsed on its own.
  CHECK(file(r.report, "src/lonely.h").functions.at(0).cyclomatic == 2);
}

TEST_CASE("binary and non-UTF-8 sources are handled without a crash") {
  test::TempDir repo;
  repo.write("src/blob.cpp", std::string("\x7f" "ELF\0\0\0binary", 13));
  repo.write("src/latin1.cpp", "// caf\xe9\nint latin(int x) { return x ? 1 : 2; }\n");
  ScanResult r = scan(repo.path());
  CHECK(file(r.report, "src/blob.cpp").functions.empty());
  CHECK(file(r.report, "src/latin1.cpp").functions.at(0).cyclomatic == 2);
  auto d = diagnostics_from(r.report, "discover");
  CHECK(std::count_if(d.begin(), d.end(), [](const std::string& s) {
          return s.rfind("src/blob.cpp: binary content", 0) == 0;
        }) == 1);
  CHECK(std::count_if(d.begin(), d.end(), [](const std::string& s) {
          return s.rfind("src/latin1.cpp: not valid UTF-8", 0) == 0;
        }) == 1);
}
