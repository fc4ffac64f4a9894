#include "scanner/parse/tu_schedule.h"

#include <catch2/catch.hpp>

using namespace stepup;

TEST_CASE("the costliest tasks come first, ties by position", "[schedule]") {
  CHECK(costliest_first({1, 5, 3, 5}) == std::vector<size_t>{1, 3, 2, 0});
  CHECK(costliest_first({}).empty());
}

TEST_CASE("shards are balanced longest first onto the least loaded", "[schedule]") {
  // 8 -> shard 0; 7 -> shard 1; 6 -> shard 1 (7 < 8), now 13; 5 -> shard 0, now 13;
  // 4 -> the first of two equal loads, shard 0.
  std::vector<int> s = split_shards({8, 7, 6, 5, 4}, 2);
  CHECK(s == std::vector<int>{0, 1, 1, 0, 0});
  // One shard takes everything; more shards than groups leave some empty.
  CHECK(split_shards({3, 2, 1}, 1) == std::vector<int>{0, 0, 0});
  CHECK(split_shards({3, 2}, 3) == std::vector<int>{0, 1});
}
