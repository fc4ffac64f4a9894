#include "scanner/cache/store.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "scanner/cache/hash.h"
#include "tests/support/temp_repo.h"

using namespace stepup;

namespace {

TuFacts facts_named(const std::string& path) {
  TuFacts t;
  t.included = {path};
  t.files.push_back({path, {}, {}, {}});
  t.parsed = true;
  return t;
}

std::string key_of(int i) { return sha256_hex(std::to_string(i)); }

std::string entry_file(const std::string& dir, const std::string& key) {
  return dir + "/entries/" + key.substr(0, 2) + "/" + key;
}

}  // namespace

TEST_CASE("parse_size reads bytes with K, M and G suffixes", "[cache]") {
  CHECK(parse_size("65536") == 65536u);
  CHECK(parse_size("2K") == 2048u);
  CHECK(parse_size("500M") == 500ull << 20);
  CHECK(parse_size("2g") == 2ull << 30);
  CHECK_FALSE(parse_size(""));
  CHECK_FALSE(parse_size("G"));
  CHECK_FALSE(parse_size("-1"));
  CHECK_FALSE(parse_size("1.5G"));
}

TEST_CASE("an entry saved is loaded back, by its key only", "[cache]") {
  test::TempDir dir;
  FactsStore store({dir.path() + "/c", 1 << 20});
  REQUIRE(store.enabled());
  CHECK_FALSE(store.load(key_of(1)));
  store.save(key_of(1), facts_named("a.cc"));
  auto back = store.load(key_of(1));
  REQUIRE(back);
  CHECK(back->files.at(0).path == "a.cc");
  CHECK_FALSE(store.load(key_of(2)));
  // An entry copied under another key is not that key's.
  std::filesystem::create_directories(dir.path() + "/c/entries/" + key_of(2).substr(0, 2));
  std::filesystem::copy_file(entry_file(dir.path() + "/c", key_of(1)),
                             entry_file(dir.path() + "/c", key_of(2)));
  CHECK_FALSE(store.load(key_of(2)));
  CHECK(store.stats().corrupt == 1);
}

TEST_CASE("a truncated entry is a miss with a note, never facts", "[cache]") {
  test::TempDir dir;
  std::string cache = dir.path() + "/c";
  {
    FactsStore store({cache, 1 << 20});
    store.save(key_of(1), facts_named("a.cc"));
    store.flush();
  }
  std::string path = entry_file(cache, key_of(1));
  auto size = std::filesystem::file_size(path);
  std::filesystem::resize_file(path, size - 10);
  FactsStore store({cache, 1 << 20});
  CHECK_FALSE(store.load(key_of(1)));
  CHECK(store.stats().corrupt == 1);
  REQUIRE(store.notes().size() == 1);
  CHECK(store.notes()[0].find("cut off") != std::string::npos);
  // Saved again, it is whole again.
  store.save(key_of(1), facts_named("a.cc"));
  CHECK(store.load(key_of(1)));
}

TEST_CASE("entries that cannot be written are skipped with one note", "[cache]") {
  test::TempDir dir;
  std::string cache = dir.path() + "/c";
  std::filesystem::create_directories(cache + "/entries");
  // Every entry folder is taken by a file: each write fails, as on a full disk.
  const char* hex = "0123456789abcdef";
  for (int a = 0; a < 16; ++a) {
    for (int b = 0; b < 16; ++b) {
      std::ofstream(cache + "/entries/" + hex[a] + hex[b]) << "x";
    }
  }
  FactsStore store({cache, 1 << 20});
  REQUIRE(store.enabled());
  for (int i = 0; i < 3; ++i) store.save(key_of(i), facts_named("a.cc"));
  store.flush();
  CHECK(store.stats().write_failures == 3);
  CHECK(store.stats().written == 0);
  CHECK(store.notes().size() == 1);
  CHECK_FALSE(store.load(key_of(0)));
}

TEST_CASE("a cache folder that cannot be made disables the cache with a note", "[cache]") {
  test::TempDir dir;
  std::string file = dir.write("plain", "x");
  FactsStore store({file + "/c", 1 << 20});
  CHECK_FALSE(store.enabled());
  REQUIRE(store.notes().size() == 1);
  CHECK(store.notes()[0].find("cache disabled") != std::string::npos);
  store.save(key_of(1), facts_named("a.cc"));  // harmless
  CHECK_FALSE(store.load(key_of(1)));
}

TEST_CASE("beyond its size the least recently used entries go", "[cache]") {
  test::TempDir dir;
  std::string cache = dir.path() + "/c";
  uint64_t one = 0;
  {
    FactsStore store({cache, 1 << 20});
    for (int i = 0; i < 3; ++i) {
      store.save(key_of(i), facts_named("a.cc"));
      store.flush();  // each its own access time
    }
    one = std::filesystem::file_size(entry_file(cache, key_of(0)));
    REQUIRE(store.load(key_of(0)));  // 0 used last now
    store.flush();
  }
  FactsStore store({cache, 2 * one});
  store.flush();
  CHECK(store.stats().evicted == 1);
  CHECK(store.load(key_of(0)));
  CHECK_FALSE(store.load(key_of(1)));
  CHECK(store.load(key_of(2)));
}

TEST_CASE("two stores sharing one folder at once lose and spoil nothing", "[cache]") {
  test::TempDir dir;
  std::string cache = dir.path() + "/c";
  auto work = [&](int from) {
    FactsStore store({cache, 1 << 30});
    for (int i = from; i < from + 60; ++i) {
      store.save(key_of(i), facts_named(std::to_string(i)));
      store.set_cost("tu" + std::to_string(i), i);
      if (i % 10 == 0) store.flush();
    }
    store.flush();
  };
  std::thread a(work, 0), b(work, 30);  // 30..59 written by both
  a.join();
  b.join();
  FactsStore store({cache, 1 << 30});
  for (int i = 0; i < 90; ++i) {
    auto f = store.load(key_of(i));
    REQUIRE(f);
    CHECK(f->files.at(0).path == std::to_string(i));
    CHECK(store.cost("tu" + std::to_string(i)) == Approx(i));
  }
  CHECK(store.stats().corrupt == 0);
}
