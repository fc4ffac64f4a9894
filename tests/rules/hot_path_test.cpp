#include "rules/hot_path.h"

#include <catch2/catch.hpp>

#include "tests/rules/signals.h"

using namespace stepup;
using namespace stepup::test;

namespace {

const RuleOptions kOpts = default_options(hot_path_info());

FunctionFacts hot(double self, double total, int cognitive, int covered) {
  FunctionFacts f = function("price_all", 8, 10, 50);
  f.cognitive = cognitive;
  cover(f, 20, covered);
  f.profile = ProfileShare{static_cast<uint64_t>(self * 1000), static_cast<uint64_t>(total * 1000),
                           self, total};
  return f;
}

std::vector<Candidate> run(FunctionFacts f, bool profile = true) {
  Report r = report({file("src/pricing/price.cc", "src/pricing", {f})});
  r.signals.profile = profile;
  return hot_path(r, kOpts);
}

int score(FunctionFacts f) {
  auto c = run(std::move(f));
  return c.empty() ? 0 : c[0].score;
}

}  // namespace

TEST_CASE("hot-path fires on hot functions that are complex or untested, only with a profile") {
  auto c = run(hot(0.1, 0.3, 18, 20));
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == "investigate-performance");
  CHECK(c[0].target.function == "ns::price_all");
  CHECK(c[0].why[0] == "profile: 30% of samples have it on the stack, 10% in its own code");
  CHECK(c[0].why[1] == "cognitive complexity 18");
  CHECK(c[0].why[2] == "100% of its lines and branch outcomes covered");
  // heat 0.2 + 0.3 = 0.5, risk 1 + 18/15 + 0 = 2.2: 30 + 70 * (1 - e^(-1.1/0.3)) = 98.2 -> 98.
  CHECK(c[0].score == 98);
  CHECK(run(hot(0.1, 0.3, 18, 20), false).empty());  // no --profile: silent
  CHECK(run(hot(0.01, 0.03, 18, 0)).empty());        // cold
  CHECK(run(hot(0.1, 0.3, 4, 20)).empty());          // simple and tested
  CHECK(run(hot(0.1, 0.3, 4, 2)).size() == 1);       // simple but untested
}

TEST_CASE("hot-path's score rises with heat, complexity and missing coverage") {
  int base = score(hot(0.01, 0.06, 10, 20));
  CHECK(base < 90);
  CHECK(score(hot(0.02, 0.06, 10, 20)) > base);
  CHECK(score(hot(0.01, 0.08, 10, 20)) > base);
  CHECK(score(hot(0.01, 0.06, 20, 20)) > base);
  CHECK(score(hot(0.01, 0.06, 10, 5)) > base);
}

TEST_CASE("hot-path: a share inferred from a hot caller's loop weighs half and says so, the path") {
  FunctionFacts measured = hot(0.10, 0.40, 20, 0);
  measured.profile->path = {"main", "serve", "price_all"};
  FunctionFacts inferred = hot(0, 0.40, 20, 0);
  inferred.profile->self_samples = inferred.profile->total_samples = 0;
  inferred.profile->via = "serve";
  inferred.profile->path = {"main", "serve", "price_all"};
  auto m = run(measured), i = run(inferred);
  REQUIRE(m.size() == 1);
  REQUIRE(i.size() == 1);
  CHECK(i[0].score < m[0].score);
  CHECK(i[0].why[0] ==
        "profile: not on the profile's stacks (inlined, or the stacks were cut), but a "
        "per-element loop of serve calls it, and 40% of samples have that on the stack");
  CHECK(std::find(m[0].why.begin(), m[0].why.end(), "hot path: main -> serve -> price_all") !=
        m[0].why.end());
}
