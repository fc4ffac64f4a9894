#include "scanner/parse/compile_db.h"

#include <catch2/catch.hpp>

#include "model/errors.h"

using namespace stepup;

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
  std::vector<std::string> raw = {
      "g++", "-std=gnu++17", "-O2", "-Werror", "-Werror=format", "-pedantic-errors",
      "--coverage", "-fprofile-arcs", "-ftest-coverage", "-fprofile-update=atomic",
      "-MD", "-MT", "a.o", "-MF", "a.o.d", "-fconserve-stack", "-fno-tree-vectorize",
      "-flto=auto", "-Wall", "-DX=1", "-c", "/src/a.cc", "-o", "a.o", "@flags.rsp"};
  CHECK(sanitize_args(raw, "/src/a.cc", "/build") ==
        std::vector<std::string>{"g++", "-std=gnu++17", "-O2", "-Wall", "-DX=1",
                                 "@/build/flags.rsp"});
}

TEST_CASE("path options are made absolute, sysroot-relative ones are left") {
  std::vector<std::string> raw = {"c++", "-isystem", "../third", "-iquote", "q", "-include",
                                  "pre.h", "--sysroot=sr", "-I=/usr/x", "-Ffw", "-I/abs",
                                  "-isystem", "/abs2"};
  CHECK(sanitize_args(raw, "/b/a.cc", "/b/build") ==
        std::vector<std::string>{"c++", "-isystem", "/b/third", "-iquote", "/b/build/q",
                                 "-include", "/b/build/pre.h", "--sysroot=/b/build/sr",
                                 "-I=/usr/x", "-F/b/build/fw", "-I/abs", "-isystem", "/abs2"});
}

TEST_CASE("split_command follows shell quoting") {
  CHECK(split_command(R"(g++ -D'A B' "-DC=\"d\"" e\ f  -g)") ==
        std::vector<std::string>{"g++", "-DA B", "-DC=\"d\"", "e f", "-g"});
}

TEST_CASE("the first entry of a file wins") {
  CompileDatabase db = parse_compile_database(
      "db.json", R"([{"directory":"/p","file":"a.cc","command":"cc -DFIRST a.cc"},
                    {"directory":"/p","file":"a.cc","command":"cc -DSECOND a.cc"}])");
  REQUIRE(db.commands.size() == 1);
  CHECK(db.commands[0].args[1] == "-DFIRST");
}

TEST_CASE("malformed databases name the file and the line:column") {
  // The second comma of ",," is at line 2, column 37 (byte offset 38).
  const char* text = "[\n {\"directory\": \"/p\", \"file\": \"a.cc\",, \"command\": \"cc\"}]";
  try {
    parse_compile_database("/p/compile_commands.json", text);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).rfind("/p/compile_commands.json:2:37: malformed compile database (byte 38)", 0) == 0);
  }
  CHECK_THROWS_WITH(parse_compile_database("db.json", "{}"),
                    Catch::Contains("db.json: a compile database is a JSON array"));
  CHECK_THROWS_WITH(parse_compile_database("db.json", R"([{"directory":"/p","command":"cc"}])"),
                    Catch::Contains("db.json: entry 0: missing \"file\""));
  CHECK_THROWS_WITH(
      parse_compile_database("db.json", R"([{"directory":"/p","file":"a.cc"}])"),
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
