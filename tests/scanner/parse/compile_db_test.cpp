#include "scanner/parse/compile_db.h"
#include "scanner/parse/compiler_defaults.h"

#include <catch2/catch.hpp>

#include "app/pipeline.h"
#include "model/errors.h"
#include "tests/scanner/parse/featured_repo.h"
#include "tests/support/temp_repo.h"

using namespace stepup;
using stepup::test::functions_in;
using stepup::test::write_featured;

TEST_CASE("both entry forms, relative directory and file") {
  const char* text = R"([
    {"directory": "/proj/build", "file": "../src/a.cc",
     "arguments": ["g++", "-I../inc", "-c", "../src/a.cc", "-o", "a.o"]},
    {"directory": "/proj/build", "file": "/proj/src/b.cc",
     "command": "/usr/bin/g++ -DNAME=\"x y\" -I '../my inc' -c /proj/src/b.cc -o b.o"},
    {"directory": "sub", "file": "c.cc", "command": "cc -c c.cc"}
  ])";
  CompileDatabase db = parse_compile_database("/proj/compile_commands.json", text);
  REQUIRE(db.commands.size() == 3);
  CHECK(db.commands[0].file == "/proj/src/a.cc");
  // Relative paths in options become absolute against the entry's directory;
  // g++'s default standard is added where the command names none.
  CHECK(db.commands[0].args == std::vector<std::string>{"g++", "-I/proj/inc", "-std=gnu++17"});
  CHECK(db.commands[1].args == std::vector<std::string>{"/usr/bin/g++", "-DNAME=x y", "-I",
                                                        "/proj/my inc", "-std=gnu++17"});
  CHECK(db.commands[1].implied_std == "gnu++17");
  // A relative directory is relative to the database's folder.
  CHECK(db.commands[2].directory == "/proj/sub");
  CHECK(db.commands[2].file == "/proj/sub/c.cc");
}

TEST_CASE("sanitize_args drops what clang rejects from gcc command lines") {
  std::vector<std::string> raw = {"g++",
                                  "-std=gnu++17",
                                  "-O2",
                                  "-Werror",
                                  "-Werror=format",
                                  "-pedantic-errors",
                                  "--coverage",
                                  "-fprofile-arcs",
                                  "-ftest-coverage",
                                  "-fprofile-update=atomic",
                                  "-MD",
                                  "-MT",
                                  "a.o",
                                  "-MF",
                                  "a.o.d",
                                  "-fconserve-stack",
                                  "-fno-tree-vectorize",
                                  "-flto=auto",
                                  "-Wall",
                                  "-DX=1",
                                  "-c",
                                  "/src/a.cc",
                                  "-o",
                                  "a.o",
                                  "@flags.rsp"};
  CHECK(sanitize_args(raw, "/src/a.cc", "/build") ==
        std::vector<std::string>{"g++", "-std=gnu++17", "-O2", "-Wall", "-DX=1",
                                 "@/build/flags.rsp"});
}

TEST_CASE("path options are made absolute, sysroot-relative ones are left") {
  std::vector<std::string> raw = {"c++",      "-isystem", "../third",     "-iquote",   "q",
                                  "-include", "pre.h",    "--sysroot=sr", "-I=/usr/x", "-Ffw",
                                  "-I/abs",   "-isystem", "/abs2"};
  CHECK(sanitize_args(raw, "/b/a.cc", "/b/build") ==
        std::vector<std::string>{"c++", "-isystem", "/b/third", "-iquote", "/b/build/q", "-include",
                                 "/b/build/pre.h", "--sysroot=/b/build/sr", "-I=/usr/x",
                                 "-F/b/build/fw", "-I/abs", "-isystem", "/abs2"});
}

TEST_CASE("split_command follows shell quoting") {
  CHECK(split_command(R"(g++ -D'A B' "-DC=\"d\"" e\ f  -g)") ==
        std::vector<std::string>{"g++", "-DA B", "-DC=\"d\"", "e f", "-g"});
}

TEST_CASE("entries of one file: flags that shape the AST make configurations, others do not") {
  CompileDatabase db = parse_compile_database(
      "db.json", R"([{"directory":"/p","file":"a.cc","command":"cc -DSTATIC -fPIC -O2 -c a.cc"},
                    {"directory":"/p","file":"a.cc","command":"cc -DSTATIC -O0 -g -Wall a.cc"},
                    {"directory":"/p","file":"a.cc","command":"cc -DSHARED -fPIC a.cc"},
                    {"directory":"/p","file":"a.cc","command":"cc -DSTATIC -I inc -c a.cc"},
                    {"directory":"/p","file":"b.cc","command":"cc -std=c++17 -o x.o b.cc"},
                    {"directory":"/p","file":"b.cc","command":"cc -std=c++17 -o y.o b.cc"}])");
  // a.cc: -DSTATIC, -DSHARED and -DSTATIC -I/p/inc; the -O0 -g entry is the first again.
  REQUIRE(db.commands.size() == 4);
  CHECK(db.commands[0].args ==
        std::vector<std::string>{"cc", "-DSTATIC", "-fPIC", "-O2", "-std=gnu++17"});
  CHECK(db.commands[0].variant == 0);
  CHECK(db.commands[1].args[1] == "-DSHARED");
  CHECK(db.commands[1].variant == 1);
  CHECK(db.commands[2].variant == 2);
  CHECK(db.commands[3].file == "/p/b.cc");
  CHECK(db.commands[3].variant == 0);
  CHECK(configuration_key(
            {"/usr/bin/g++", "-O2", "-DA=1", "-isystem", "/x", "-Wall", "-std=c++20"}) ==
        std::string("g++\0-DA=1\0-isystem /x\0-std=c++20", 32));
  std::vector<Diagnostic> notes = configuration_notes(db, "/p");
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].path == std::optional<std::string>("a.cc"));
  CHECK(notes[0].message ==
        "compiled in 3 configurations (differing in -DSHARED -DSTATIC -I/p/inc): each was parsed, "
        "and a function is counted once, where it is defined");
}

TEST_CASE("malformed databases name the file and the line:column") {
  // The second comma of ",," is at line 2, column 37 (byte offset 38).
  const char* text = "[\n {\"directory\": \"/p\", \"file\": \"a.cc\",, \"command\": \"cc\"}]";
  try {
    parse_compile_database("/p/compile_commands.json", text);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).rfind(
              "/p/compile_commands.json:2:37: malformed compile database (byte 38)", 0) == 0);
  }
  CHECK_THROWS_WITH(parse_compile_database("db.json", "{}"),
                    Catch::Contains("db.json: a compile database is a JSON array"));
  CHECK_THROWS_WITH(parse_compile_database("db.json", R"([{"directory":"/p","command":"cc"}])"),
                    Catch::Contains("db.json: entry 0: missing \"file\""));
  CHECK_THROWS_WITH(parse_compile_database("db.json", R"([{"directory":"/p","file":"a.cc"}])"),
                    Catch::Contains("entry 0: needs \"arguments\" or \"command\""));
  CHECK_THROWS_WITH(
      parse_compile_database("db.json", R"([{"directory":"/p","file":"a.cc","arguments":[1]}])"),
      Catch::Contains("entry 0: \"arguments\" holds a non-string"));
  CHECK_THROWS_WITH(parse_compile_database("db.json", "[\n{\"directory\":"),
                    Catch::Contains("db.json:2:14:"));
  // Found by the fuzzer: a number too large for a double is not a
  // parse_error in nlohmann/json, but it is still malformed input.
  CHECK_THROWS_AS(parse_compile_database("db.json", "[666e332]"), InputError);
}

TEST_CASE("interpolate_command borrows the nearest entry of the same language") {
  CompileDatabase db = parse_compile_database("db.json", R"([
    {"directory":"/p","file":"/p/src/net/a.cc","command":"c++ -DNET -c /p/src/net/a.cc"},
    {"directory":"/p","file":"/p/src/db/b.cc","command":"c++ -DDB -c /p/src/db/b.cc"},
    {"directory":"/p","file":"/p/src/net/c.c","command":"cc -DC -c /p/src/net/c.c"}])");
  CHECK(interpolate_command(db, "/p/src/db/b.h", false).args[1] == "-DDB");
  CHECK(interpolate_command(db, "/p/src/net/x.h", false).args[1] == "-DNET");
  CHECK(interpolate_command(db, "/p/src/db/y.c", true).args[1] == "-DC");
}

TEST_CASE("a command without -std gets its compiler's default standard, judged by name") {
  using V = std::vector<std::string>;
  // gcc-family drivers, with a path, a target prefix or a version suffix:
  // gcc 11 and later default to gnu++17 and gnu17.
  CHECK(default_std_for(V{"/usr/bin/g++", "-O2"}, false) == "gnu++17");
  CHECK(default_std_for(V{"c++"}, false) == "gnu++17");
  CHECK(default_std_for(V{"x86_64-linux-gnu-g++-12"}, false) == "gnu++17");
  CHECK(default_std_for(V{"/usr/bin/gcc"}, true) == "gnu17");
  CHECK(default_std_for(V{"cc"}, true) == "gnu17");
  CHECK(default_std_for(V{"arm-none-eabi-gcc"}, true) == "gnu17");
  // A version suffix below 11 gives that gcc's older default.
  CHECK(default_std_for(V{"g++-9"}, false) == "gnu++14");
  CHECK(default_std_for(V{"g++-5"}, false) == "gnu++98");
  CHECK(default_std_for(V{"gcc-7"}, true) == "gnu11");
  // clang++ 16 and later default to gnu++17; older or unversioned ones to
  // C++14, libclang's own default, so nothing is added.
  CHECK(default_std_for(V{"clang++-17"}, false) == "gnu++17");
  CHECK(default_std_for(V{"clang++-15"}, false).empty());
  CHECK(default_std_for(V{"clang++"}, false).empty());
  CHECK(default_std_for(V{"clang-18"}, true).empty());
  // A launcher is looked through.
  CHECK(default_std_for(V{"/usr/bin/ccache", "g++", "-c"}, false) == "gnu++17");
  // A standard already named, in any spelling, is left alone.
  CHECK(default_std_for(V{"g++", "-std=c++11"}, false).empty());
  CHECK(default_std_for(V{"g++", "--std=c++20"}, false).empty());
  CHECK(default_std_for(V{"cl.exe", "/std:c++17"}, false).empty());
  // Unknown compilers and look-alikes get nothing.
  CHECK(default_std_for(V{"nvcc"}, false).empty());
  CHECK(default_std_for(V{"icpc"}, false).empty());
  CHECK(default_std_for(V{"clang-cl"}, false).empty());
  CHECK(default_std_for(V{}, false).empty());
}

TEST_CASE("the database keeps the standard a command names and adds the default otherwise") {
  const char* text = R"([
    {"directory": "/p", "file": "a.cc", "command": "g++ -std=c++14 -c a.cc"},
    {"directory": "/p", "file": "b.c", "command": "gcc -c b.c"},
    {"directory": "/p", "file": "c.cc", "command": "clang++ -c c.cc"}
  ])";
  CompileDatabase db = parse_compile_database("/p/compile_commands.json", text);
  REQUIRE(db.commands.size() == 3);
  CHECK(db.commands[0].args == std::vector<std::string>{"g++", "-std=c++14"});
  CHECK(db.commands[0].implied_std.empty());
  CHECK(db.commands[1].args == std::vector<std::string>{"gcc", "-std=gnu17"});
  CHECK(db.commands[1].implied_std == "gnu17");
  CHECK(db.commands[2].args == std::vector<std::string>{"clang++"});
}

TEST_CASE("response files are expanded as clang's driver expands them") {
  test::TempDir dir;
  dir.write("build/flags.rsp", "-DFROM_RSP=1 -I../inc\n'-DQUOTED=a b' @more.rsp\n");
  dir.write("build/more.rsp", "-DNESTED\n");
  dir.write("build/loop.rsp", "@loop.rsp -DLOOPED\n");
  std::string db_text = R"([{"directory": ")" + dir.path() + R"(/build", "file": "../src/a.cc",
      "command": "g++ @flags.rsp -c ../src/a.cc"},
      {"directory": ")" +
                        dir.path() + R"(/build", "file": "../src/b.cc",
      "arguments": ["g++", "@missing.rsp", "@loop.rsp", "-c", "../src/b.cc"]}])";
  CompileDatabase db = parse_compile_database(dir.path() + "/build/compile_commands.json", db_text);
  REQUIRE(db.commands.size() == 2);
  // Relative paths inside a response file are relative to the entry's directory.
  CHECK(db.commands[0].args == std::vector<std::string>{"g++", "-DFROM_RSP=1",
                                                        "-I" + dir.path() + "/inc", "-DQUOTED=a b",
                                                        "-DNESTED", "-std=gnu++17"});
  // Unreadable and self-including ones stay as they are, and are said.
  CHECK(db.commands[1].args ==
        std::vector<std::string>{"g++", "@" + dir.path() + "/build/missing.rsp",
                                 "@" + dir.path() + "/build/loop.rsp", "-DLOOPED", "-std=gnu++17"});
  REQUIRE(db.diagnostics.size() == 2);
  CHECK_THAT(db.diagnostics[0].message, Catch::Contains("entry 1: response file @missing.rsp "
                                                        "cannot be read"));
  CHECK_THAT(db.diagnostics[1].message, Catch::Contains("@loop.rsp includes itself"));
}


TEST_CASE("a -D in a response file reaches the parse: the function behind it is there") {
  test::TempDir repo;
  write_featured(repo);
  repo.write("build/flags.rsp", "-DFEATURE -std=c++17\n");
  repo.write("build/compile_commands.json",
             R"([{"directory": ")" + repo.path() + R"(/build", "file": "../src/a.cc",
                  "command": "g++ @flags.rsp -c ../src/a.cc"}])");
  SystemProcessRunner runner;
  ScanOptions options;
  options.repo = repo.path();
  Report report = run_scan(options, runner).report;
  CHECK(functions_in(report, "src/a.cc") == std::vector<std::string>{"always", "featured"});
}

TEST_CASE("a file built as a static and a shared library: both configurations' functions count") {
  test::TempDir repo;
  repo.write("src/lib.cc",
             "int both() { return 1; }\n"
             "#ifdef STATIC_BUILD\n"
             "int static_only(int x) { return x ? 1 : 2; }\n"
             "#else\n"
             "int shared_only(int x) { return x && x > 1; }\n"
             "#endif\n"
             "int shaped(int x) {\n"
             "#ifdef STATIC_BUILD\n"
             "  if (x > 1) return 1;\n"
             "#endif\n"
             "  return 0;\n"
             "}\n");
  std::string dir = repo.path();
  repo.write("build/compile_commands.json", R"([{"directory": ")" + dir +
                                                R"(", "file": "src/lib.cc",
                  "command": "c++ -DSTATIC_BUILD -O2 -c src/lib.cc"},
                 {"directory": ")" + dir + R"(", "file": "src/lib.cc",
                  "command": "c++ -fPIC -O2 -c src/lib.cc"},
                 {"directory": ")" + dir + R"(", "file": "src/lib.cc",
                  "command": "c++ -fPIC -O0 -g -c src/lib.cc"}])");
  SystemProcessRunner runner;
  ScanOptions options;
  options.repo = repo.path();
  options.jobs = 2;
  ScanResult result = run_scan(options, runner);
  CHECK(result.translation_units == 2);  // the -O0 -g entry is the -fPIC one again
  const Report& report = result.report;
  CHECK(functions_in(report, "src/lib.cc") ==
        std::vector<std::string>{"both", "static_only", "shared_only", "shaped"});
  // One function per definition site; `shaped` as the configuration that
  // sees most of it: 1 + the if only STATIC_BUILD compiles.
  CHECK(report.files[0].functions[3].cyclomatic == 2);
  bool said = false;
  for (const Diagnostic& d : report.diagnostics) {
    said |= d.path == std::optional<std::string>("src/lib.cc") &&
            d.message.rfind("compiled in 2 configurations (differing in -DSTATIC_BUILD)", 0) == 0;
  }
  CHECK(said);
}
