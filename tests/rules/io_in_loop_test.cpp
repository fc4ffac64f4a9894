#include "rules/io_in_loop.h"

#include <catch2/catch.hpp>

#include "tests/rules/signals.h"

using namespace stepup;
using namespace stepup::test;

namespace {

const RuleOptions kOpts = default_options(io_in_loop_info());

FunctionFacts report_fn(int findings, int64_t commits) {
  FunctionFacts f = function("customer_report", 5, 100, 120);
  for (int i = 0; i < findings; ++i) {
    f.findings.push_back({"io-in-loop", 105 + i, "CustomerDb::query called inside a for loop"});
  }
  churn(f, commits, 0);
  return f;
}

std::vector<Candidate> run(FunctionFacts f, bool history = true) {
  return io_in_loop(report({file("src/store/orders.cc", "src/store", {f})}, true, history), kOpts);
}

int score(FunctionFacts f) {
  auto c = run(std::move(f));
  return c.empty() ? 0 : c[0].score;
}

}  // namespace

TEST_CASE("io-in-loop turns each N+1 finding into a performance task") {
  auto c = run(report_fn(1, 5));
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == "investigate-performance");
  CHECK(c[0].target.line == 105);
  CHECK(c[0].title ==
        "Take the I/O out of the loop in ns::customer_report (src/store/orders.cc:105)");
  CHECK(c[0].why[0] == "line 105: CustomerDb::query called inside a for loop");
  // 30 + 70 * (1 - exp(-1 * (0.5 + 0.1*5) / 1.5)) = 64.1 -> 64.
  CHECK(c[0].score == 64);
  CHECK(run(report_fn(0, 5)).empty());
  FileFacts t = file("tests/orders_test.cc", "tests", {report_fn(1, 5)});
  t.is_test = true;
  t.role = "test";
  CHECK(io_in_loop(report({t}), kOpts).empty());
}

TEST_CASE("io-in-loop's score rises with findings, churn and profile share") {
  int base = score(report_fn(1, 5));
  CHECK(score(report_fn(2, 5)) > base);
  CHECK(score(report_fn(1, 9)) > base);
  CHECK(score(report_fn(1, 0)) < base);
  CHECK(score(report_fn(1, 0)) >= 30);  // a finding is always worth a look
  FunctionFacts hot = report_fn(1, 5);
  hot.profile = ProfileShare{10, 200, 0.01, 0.2};
  CHECK(score(hot) > base);
  auto c = run(hot);
  CHECK(c[0].why.back() == "profile: 20% of samples inside, 1% in its own code");
  // Unknown history is neutral (activity 1, as 5 commits); the report says
  // it once, the task says nothing about history.
  FunctionFacts unknown = report_fn(1, 5);
  unknown.history.reset();
  auto u = run(unknown, false);
  REQUIRE(u.size() == 1);
  CHECK(u[0].score == base);
  CHECK(u[0].why.size() == 1);
}

TEST_CASE("io-in-loop through calls: the chain in the why-lines, the repo function to batch first") {
  FunctionFacts f = report_fn(0, 3);
  Finding x("io-in-loop", 107, "CustomerDb::balance() inside the loop at line 106 reaches PQexec() "
                               "through 2 calls (N+1: once per element)");
  x.chain = {{"CustomerDb::balance", "src/store/orders.cc", 107},
             {"Ledger::read_entry", "src/store/db.cc", 40},
             {"PQexec", "src/store/ledger.cc", 12}};
  f.findings.push_back(x);
  auto c = run(f);
  REQUIRE(c.size() == 1);
  CHECK(c[0].why[1] ==
        "chain: CustomerDb::balance (src/store/orders.cc:107) -> Ledger::read_entry "
        "(src/store/db.cc:40) -> PQexec (src/store/ledger.cc:12)");
  CHECK(c[0].first_step ==
        "Measure customer_report with a realistic input size, then add a `balances(...)` beside "
        "`CustomerDb::balance(...)` that makes one PQexec() for all the elements, and call it "
        "once before the loop instead of calling balance at line 107.");
  CHECK(c[0].effort == "M");  // batching goes through the layers below
  // Plurals of the batch function.
  f.findings.back().chain.front().function = "Db::fetch_entry";
  CHECK(run(f)[0].first_step.find("`fetch_entries(...)` beside `Db::fetch_entry(...)`") !=
        std::string::npos);
}
