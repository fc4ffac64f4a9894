#include "app/shards.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "model/errors.h"
#include "tests/support/temp_repo.h"

using namespace stepup;

namespace {

std::string write_shard_file(const test::TempDir& dir, const std::string& name, ShardFacts f) {
  std::string path = dir.path() + "/" + name;
  std::ofstream(path, std::ios::binary) << facts_file_bytes(f);
  return path;
}

ShardFacts shard(int k, int n, const std::string& key) {
  ShardFacts f{STEPUP_VERSION_FOR_TESTS, "{}", k, n, {}};
  f.tus[key].parsed = true;
  return f;
}

}  // namespace

TEST_CASE("the shard option reads K/N and needs --facts-out", "[shards]") {
  ScanOptions opt;
  parse_shard("2/3", "x.facts", opt);
  CHECK(opt.shard == 2);
  CHECK(opt.shards == 3);
  for (const char* bad : {"0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/2/3"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_shard(bad, "x.facts", opt), UsageError);
  }
  CHECK_THROWS_AS(parse_shard("1/2", "", opt), UsageError);
  CHECK_THROWS_AS(parse_shard("", "x.facts", opt), UsageError);
}

TEST_CASE("the shards' facts are joined by key", "[shards]") {
  test::TempDir dir;
  ScanOptions opt;
  auto all = load_shards({write_shard_file(dir, "a", shard(1, 2, "k1")),
                          write_shard_file(dir, "b", shard(2, 2, "k2"))},
                         opt);
  CHECK(all.size() == 2);
  CHECK(all.count("k1"));
  CHECK(opt.shards_config == "{}");
}

TEST_CASE("facts from another stepup are exit 3, naming both versions", "[shards]") {
  test::TempDir dir;
  ScanOptions opt;
  ShardFacts old = shard(2, 2, "k2");
  old.version = "0.0.1";
  std::string a = write_shard_file(dir, "a", shard(1, 2, "k1"));
  std::string b = write_shard_file(dir, "b", old);
  try {
    load_shards({a, b}, opt);
    FAIL("no error");
  } catch (const InputError& e) {
    std::string what = e.what();
    CHECK(what.find(b + ": written by stepup 0.0.1; this is stepup " +
                    std::string(STEPUP_VERSION_FOR_TESTS)) == 0);
  }
  ShardFacts three = shard(2, 3, "k2");
  CHECK_THROWS_WITH(load_shards({a, write_shard_file(dir, "c", three)}, opt),
                    Catch::Contains("is one of 2"));
  CHECK_THROWS_WITH(load_shards({dir.path() + "/none"}, opt), Catch::Contains("cannot read"));
}
