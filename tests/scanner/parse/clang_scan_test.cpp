#include "scanner/parse/clang_scan.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

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

std::string db_entry(const std::string& dir, const std::string& file, const std::string& command) {
  return "{\"directory\": \"" + dir + "\", \"file\": \"" + file + "\", \"command\": \"" + command +
         "\"}";
}

}  // namespace

TEST_CASE("standard headers resolve: <cstddef> parses with zero errors") {
  test::TempDir repo;
  repo.write("src/a.cpp",
             "#include <cstddef>\n#include <stddef.h>\n#include <cstdarg>\n"
             "#include <vector>\n#include <string>\n"
             "std::size_t n(const std::vector<std::string>& v) { return v.size(); }\n");
  repo.write("build/compile_commands.json",
             "[" +
                 db_entry(repo.path() + "/build", "../src/a.cpp",
                          "/usr/bin/g++ -std=c++17 -c ../src/a.cpp -o a.o") +
                 "]");
  ScanResult r = scan(repo.path());
  CHECK(diagnostics_from(r.report, "parse").empty());
  CHECK(file(r.report, "src/a.cpp").functions.size() == 1);
}

TEST_CASE("a gcc command line with flags clang rejects still parses") {
  test::TempDir repo;
  repo.write("inc/util.h", "#pragma once\ninline int twice(int x) { return x > 3 ? 2 * x : x; }\n");
  repo.write("src/a.cpp", "#include \"util.h\"\nint a(int x) { return twice(x); }\n");
  repo.write("build/compile_commands.json",
             "[" +
                 db_entry(repo.path() + "/build", "../src/a.cpp",
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
    repo.write(name, "#include \"shared.h\"\nint f" + std::to_string(i) + "() { return shared(" +
                         std::to_string(i) + ") + pick(1, 2); }\n");
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
            ": 2 compile command(s) name no -std flag, so the compiler's default applies; "
            "libclang was given it (-std=gnu++17 for 2 by c++) rather than its own C++14",
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
  repo.write("src/blob.cpp", std::string("\x7f"
                                         "ELF\0\0\0binary",
                                         13));
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

namespace {

std::string includes_of(const FileFacts& f) {
  std::string out;
  for (const auto& r : f.includes) {
    out += std::to_string(r.line) + (r.angled ? " <" : " \"") + r.spelled +
           (r.angled ? "> -> " : "\" -> ") + (r.path.empty() ? "-" : r.path) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("each file's #include directives, resolved to repo files where they lead") {
  test::TempDir repo;
  repo.write("include/lib/api.h",
             "#pragma once\n#include <vector>\n#include \"detail.h\"\nstruct Api {};\n");
  repo.write("include/lib/detail.h", "#pragma once\nstruct Detail {};\n");
  repo.write("src/a.cpp",
             "#include \"lib/api.h\"\n"
             "#include <string>\n"
             "#if 0\n"
             "#include \"lib/detail.h\"\n"
             "#endif\n"
             "/* #include \"commented.h\" */\n"
             "#include \"missing.h\"\n"
             "int f() { return 1; }\n");
  repo.write(
      "compile_commands.json",
      "[" + db_entry(repo.path(), "src/a.cpp", "c++ -std=c++17 -Iinclude -c src/a.cpp") + "]");
  ScanResult r = scan(repo.path());
  // The #if 0 include was not entered: it resolves through -I include; the
  // missing one and the standard header resolve to no repo file.
  CHECK(includes_of(file(r.report, "src/a.cpp")) ==
        "1 \"lib/api.h\" -> include/lib/api.h\n"
        "2 <string> -> -\n"
        "4 \"lib/detail.h\" -> include/lib/detail.h\n"
        "7 \"missing.h\" -> -\n");
  CHECK(includes_of(file(r.report, "include/lib/api.h")) ==
        "2 <vector> -> -\n"
        "3 \"detail.h\" -> include/lib/detail.h\n");
  CHECK(includes_of(file(r.report, "include/lib/detail.h")).empty());
  // The missing header is an error in a.cpp; the headers are clean.
  CHECK(file(r.report, "src/a.cpp").parse_errors);
  CHECK_FALSE(file(r.report, "include/lib/api.h").parse_errors);
}

TEST_CASE("parse errors mark the file they are in, or the main file when outside") {
  test::TempDir repo;
  test::TempDir outside;
  outside.write("ext/broken_ext.h", "#pragma once\nint ext() { return not_declared_anywhere; }\n");
  repo.write("inc/broken.h", "#pragma once\ninline int broken() { return undeclared_name; }\n");
  repo.write("src/good.cpp", "#include \"broken.h\"\nint good() { return broken(); }\n");
  repo.write("src/uses_ext.cpp", "#include \"broken_ext.h\"\nint uses() { return ext(); }\n");
  repo.write("src/clean.cpp", "int clean(int x) { return x; }\n");
  repo.write(
      "compile_commands.json",
      "[" + db_entry(repo.path(), "src/good.cpp", "c++ -std=c++17 -Iinc -c src/good.cpp") + "," +
          db_entry(repo.path(), "src/uses_ext.cpp",
                   "c++ -std=c++17 -I" + outside.path() + "/ext -c src/uses_ext.cpp") +
          "," + db_entry(repo.path(), "src/clean.cpp", "c++ -std=c++17 -c src/clean.cpp") + "]");
  ScanResult r = scan(repo.path());
  CHECK(file(r.report, "inc/broken.h").parse_errors);
  CHECK_FALSE(file(r.report, "src/good.cpp").parse_errors);
  // The error sits in a header outside the repository: what uses_ext.cpp
  // declares through it may be missing.
  CHECK(file(r.report, "src/uses_ext.cpp").parse_errors);
  CHECK_FALSE(file(r.report, "src/clean.cpp").parse_errors);
}

TEST_CASE("built: compiled by an entry or included by a compiled file, the rest is said once") {
  test::TempDir repo;
  repo.write("src/util.h", "#pragma once\ninline int util(int x) { return x + 1; }\n");
  repo.write("src/util_old.h", "#pragma once\ninline int util_old(int x) { return x; }\n");
  repo.write("src/main.cpp",
             "#include \"util.h\"\n#ifdef _WIN32\n#include \"util_old.h\"\n#endif\n"
             "int main() { return util(0); }\n");
  repo.write("src/util.cpp", "#include \"util.h\"\nint twice(int x) { return util(x) * 2; }\n");
  repo.write("src/win.h", "#pragma once\nint win_only();\n");
  repo.write("src/win.cpp", "#include \"win.h\"\nint win_only() { return 3; }\n");
  repo.write("compile_commands.json",
             "[" + db_entry(repo.path(), "src/main.cpp", "c++ -std=c++17 -c src/main.cpp") + "," +
                 db_entry(repo.path(), "src/util.cpp", "c++ -std=c++17 -c src/util.cpp") + "]");
  ScanResult r = scan(repo.path());
  for (const char* path : {"src/main.cpp", "src/util.cpp", "src/util.h"}) {
    INFO(path);
    CHECK(file(r.report, path).built == std::optional<bool>(true));
  }
  for (const char* path : {"src/util_old.h", "src/win.cpp", "src/win.h"}) {
    INFO(path);
    CHECK(file(r.report, path).built == std::optional<bool>(false));
  }
  // Unbuilt files are not parsed: no functions, but their includes are read
  // from the text, so the include graph (roles) still sees them.
  CHECK(file(r.report, "src/win.cpp").functions.empty());
  REQUIRE(file(r.report, "src/win.cpp").includes.size() == 1);
  CHECK(file(r.report, "src/win.cpp").includes[0].path == "src/win.h");
  auto db = diagnostics_from(r.report, "compile-db");
  CHECK(std::count_if(db.begin(), db.end(), [](const std::string& s) {
          return s.find("3 file(s) are not built") != std::string::npos &&
                 s.find("3 were not parsed") != std::string::npos &&
                 s.find(": src/util_old.h, src/win.cpp, src/win.h.") != std::string::npos;
        }) == 1);

  // Without a database nothing is known about the build.
  std::filesystem::remove(repo.path() + "/compile_commands.json");
  ScanResult guessed = scan(repo.path());
  CHECK(file(guessed.report, "src/win.cpp").built == std::nullopt);
  CHECK(file(guessed.report, "src/main.cpp").built == std::nullopt);
}

TEST_CASE("a command without -std is parsed with its compiler's default, not libclang's") {
  test::TempDir repo;
  // C++17 library features: libclang's own default (C++14) rejects them.
  const std::string body =
      "#include <optional>\n#include <variant>\n"
      "std::optional<int> pick(bool b) { if (b) return 1; return std::nullopt; }\n"
      "std::variant<int, double> v() { return 1.0; }\n";
  repo.write("src/modern.cpp", body);
  repo.write("src/pinned.cpp", body);
  repo.write(
      "compile_commands.json",
      "[" + db_entry(repo.path(), "src/modern.cpp", "/usr/bin/g++ -O2 -c src/modern.cpp") + "," +
          db_entry(repo.path(), "src/pinned.cpp", "/usr/bin/g++ -std=c++14 -c src/pinned.cpp") +
          "]");
  ScanResult r = scan(repo.path());
  CHECK_FALSE(file(r.report, "src/modern.cpp").parse_errors);
  // A standard the command names is kept, even an old one.
  CHECK(file(r.report, "src/pinned.cpp").parse_errors);
  auto db = diagnostics_from(r.report, "compile-db");
  REQUIRE(db.size() == 1);
  CHECK(db[0] ==
        ": 1 compile command(s) name no -std flag, so the compiler's default applies; libclang was "
        "given it (-std=gnu++17 for 1 by g++) rather than its own C++14");
}

TEST_CASE("unbuilt files: public headers under include/ are parsed, and scan.unbuilt parses all") {
  test::TempDir repo;
  repo.write("include/lib/api.h", "#pragma once\ninline int api(int x) { return x ? 1 : 2; }\n");
  repo.write("src/lib.cpp", "int lib() { return 1; }\n");
  repo.write("src/extra.cpp", "int extra(int x) { if (x) return 1; return 0; }\n");
  repo.write("src/private.h", "inline int priv() { return 0; }\n");
  repo.write("compile_commands.json",
             "[" + db_entry(repo.path(), "src/lib.cpp", "c++ -std=c++17 -c src/lib.cpp") + "]");
  ScanResult r = scan(repo.path());
  CHECK(file(r.report, "include/lib/api.h").built == std::optional<bool>(false));
  CHECK(file(r.report, "include/lib/api.h").functions.size() == 1);
  CHECK(file(r.report, "src/extra.cpp").functions.empty());
  CHECK(file(r.report, "src/private.h").functions.empty());
  auto db = diagnostics_from(r.report, "compile-db");
  CHECK(std::count_if(db.begin(), db.end(), [](const std::string& s) {
          return s.find("3 file(s) are not built") != std::string::npos &&
                 s.find("2 were not parsed") != std::string::npos &&
                 s.find("1 were parsed on their own") != std::string::npos;
        }) == 1);

  repo.write(".stepup.json", R"({"scan": {"unbuilt": "parse"}})");
  ScanResult all = scan(repo.path());
  CHECK(file(all.report, "src/extra.cpp").functions.size() == 1);
  CHECK(file(all.report, "src/extra.cpp").functions[0].cyclomatic == 2);
  CHECK(file(all.report, "src/private.h").functions.size() == 1);
  CHECK(file(all.report, "src/extra.cpp").built == std::optional<bool>(false));
}
