#include "rules/rule.h"

#include <catch2/catch.hpp>

using namespace stepup;

TEST_CASE("rules target files of the target roles that are not left out of the build") {
  Report r;
  FileFacts f;
  f.path = "src/a.cc";
  CHECK(is_target_file(r, f));  // production, built unknown (no database)
  f.built = true;
  CHECK(is_target_file(r, f));
  f.built = false;  // a Windows-only file on a Linux build
  CHECK_FALSE(is_target_file(r, f));
  f.built = true;
  for (const char* role :
       {"test", "test-support", "benchmark", "example", "generated", "vendored"}) {
    f.role = role;
    CHECK_FALSE(is_target_file(r, f));
  }
  // rules.roles widens the targets.
  r.target_roles = {"production", "test-support"};
  f.role = "test-support";
  CHECK(is_target_file(r, f));
  f.role = "test";
  CHECK_FALSE(is_target_file(r, f));
}

TEST_CASE("functions that exist for the tests are no target") {
  CHECK(serves_tests("GetTestDirectory"));
  CHECK(serves_tests("leveldb_env_get_test_directory"));
  CHECK(serves_tests("SetClockForTesting"));
  CHECK(serves_tests("reset_for_testing"));
  CHECK_FALSE(serves_tests("TestBit"));       // a verb
  CHECK_FALSE(serves_tests("test_and_set"));  // a verb
  CHECK_FALSE(serves_tests("Contest"));       // not a word of its own
  CHECK_FALSE(serves_tests("attestation_check"));
  FunctionFacts fn;
  fn.name = "GetTestDirectory";
  CHECK_FALSE(is_target_function(fn));
  fn.name = "GetDirectory";
  CHECK(is_target_function(fn));
}
