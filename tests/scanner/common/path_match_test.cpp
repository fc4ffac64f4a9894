#include "scanner/common/path_match.h"

#include <catch2/catch.hpp>

using namespace stepup;

TEST_CASE("glob_match: '*' stays in one component, '**' crosses them") {
  CHECK(glob_match("*.h", "a.h"));
  CHECK_FALSE(glob_match("*.h", "dir/a.h"));
  CHECK(glob_match("**/a.h", "dir/sub/a.h"));
  CHECK(glob_match("**/a.h", "a.h"));
  CHECK(glob_match("src/**", "src/x/y.cc"));
  CHECK(glob_match("test_?.cc", "test_1.cc"));
  CHECK_FALSE(glob_match("test_?.cc", "test_12.cc"));
  CHECK(glob_match("build*", "build-asan"));
  CHECK_FALSE(glob_match("build*", "rebuild"));
}

TEST_CASE("path_matches: directory, anchored and base-name patterns") {
  // "dir/" matches a directory at any depth, never a file name.
  CHECK(path_matches("third_party/", "third_party/zlib/z.c"));
  CHECK(path_matches("third_party/", "src/third_party/z.c"));
  CHECK_FALSE(path_matches("third_party/", "src/third_party.c"));
  CHECK(path_matches("build*/", "build-release/gen.cc"));
  CHECK_FALSE(path_matches("build*/", "src/builder.cc"));
  // A pattern with '/' inside is anchored at the root.
  CHECK(path_matches("src/gen/", "src/gen/a.cc"));
  CHECK_FALSE(path_matches("src/gen/", "lib/src/gen/a.cc"));
  CHECK(path_matches("src/*.cc", "src/a.cc"));
  CHECK_FALSE(path_matches("src/*.cc", "src/x/a.cc"));
  // Otherwise the base name is matched.
  CHECK(path_matches("*_test.*", "net/parser_test.cc"));
  CHECK(path_matches("test_*.*", "net/test_parser.cc"));
  CHECK_FALSE(path_matches("test_*.*", "net/latest_parser.cc"));
  CHECK(path_matches("*Test.*", "ParserTest.cpp"));
}

TEST_CASE("normalize_path and relative_to work lexically") {
  CHECK(normalize_path("/a/b/../c/./d//e") == "/a/c/d/e");
  CHECK(normalize_path("../x/../y") == "../y");
  CHECK(normalize_path("/..") == "/");
  CHECK(join_path("/build", "../src/a.cc") == "/src/a.cc");
  CHECK(join_path("/build", "/abs/a.cc") == "/abs/a.cc");
  CHECK(relative_to("/repo", "/repo/src/a.cc") == "src/a.cc");
  CHECK(relative_to("/repo", "/repository/a.cc").empty());
  CHECK(relative_to("/", "/a.cc") == "a.cc");
}
