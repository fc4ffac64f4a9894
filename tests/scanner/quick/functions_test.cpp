// The quick mode's functions and metrics against the hand-computed
// expectations the semantic pass meets (tests/fixtures/metrics, inline
// "// expect:" lines), and the names, lines and traits it reads.
#include "scanner/quick/functions.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "scanner/quick/scan.h"
#include "tests/support/metric_expectations.h"
#include "tests/support/temp_repo.h"

namespace fs = std::filesystem;
using namespace stepup;

namespace {

std::vector<FunctionFacts> functions_of(const std::string& text, bool* errors = nullptr) {
  bool e = false;
  std::vector<FunctionFacts> fns = quick_scan_text(text, &e);
  if (errors) *errors = e;
  return fns;
}

}  // namespace

TEST_CASE("quick: metrics match the hand-computed expectations in every fixture") {
  const fs::path fixtures = fs::path(STEPUP_SOURCE_DIR) / "tests/fixtures/metrics";
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(fixtures)) {
    std::string text = test::read_text(entry.path().string());
    auto expected = test::metric_expectations(text);
    bool errors = false;
    std::vector<FunctionFacts> fns = functions_of(text, &errors);
    INFO("fixture " << entry.path().filename().string());
    CHECK_FALSE(errors);  // valid C++17 parses without an ERROR node
    CHECK(fns.size() == expected.size());
    checked += test::check_metric_expectations(fns, expected);
  }
  CHECK(checked >= 70);
}

TEST_CASE("quick: qualified names spell out namespaces, classes and anonymous namespaces") {
  std::vector<FunctionFacts> fns = functions_of(R"(
namespace outer { namespace {
struct Box {
  int get() const { return v; }
  bool operator==(const Box& o) const { return v == o.v; }
  ~Box() {}
  int v = 0;
};
int helper() { return 1; }
} }
namespace outer::inner { template <class T> T twice(T x) { return x + x; } }
struct Plain { Plain(); };
Plain::Plain() {}
)");
  std::vector<std::string> names;
  for (const auto& f : fns) names.push_back(f.qualified_name);
  CHECK(names == std::vector<std::string>{
                     "outer::(anonymous namespace)::Box::get",
                     "outer::(anonymous namespace)::Box::operator==",
                     "outer::(anonymous namespace)::Box::~Box",
                     "outer::(anonymous namespace)::helper",
                     "outer::inner::twice",
                     "Plain::Plain",
                 });
  REQUIRE(fns.size() == 6);
  CHECK(fns[4].name == "twice");
  CHECK(fns[4].is_template);
  CHECK(fns[0].line == 4);
  CHECK(fns[5].line == 13);
  CHECK(fns[3].internal_linkage);
  CHECK(fns[2].trivial == "empty");
}

TEST_CASE("quick: traits a structural parse can see") {
  std::vector<FunctionFacts> fns = functions_of(R"(struct S {
  S() = default;
  S(const S&) = delete;
  constexpr int k() const { return 3; }
};
static int file_local(void) { return 0; }
TEST(Suite, Case) {
  if (file_local()) return;
}
int* ptr(int (*cb)(int), ...) { return nullptr; }
)");
  REQUIRE(fns.size() == 6);
  CHECK(fns[0].trivial == "defaulted");
  CHECK(fns[1].trivial == "deleted");
  CHECK(fns[2].is_constexpr);
  CHECK(fns[3].internal_linkage);
  CHECK(fns[3].params == 0);  // (void)
  CHECK(fns[4].from_macro);
  CHECK(fns[4].name == "TEST");
  CHECK(fns[4].cyclomatic == 2);
  CHECK(fns[4].line == 7);
  CHECK(fns[4].end_line == 9);
  CHECK(fns[5].name == "ptr");
  CHECK(fns[5].params == 1);  // "..." is no parameter
}

TEST_CASE(
    "quick: code the grammar cannot read is flagged, and what it can read is still measured") {
  bool errors = false;
  std::vector<FunctionFacts> fns = functions_of(
      "int ok(int a) { return a > 0 ? 1 : 0; }\n"
      "int cut(int a) {\n  if (a) {\n    return 1;\n",
      &errors);
  CHECK(errors);
  REQUIRE_FALSE(fns.empty());
  CHECK(fns[0].name == "ok");
  CHECK(fns[0].cyclomatic == 2);
}

TEST_CASE("quick: conversion functions are named like the semantic pass names them") {
  std::vector<FunctionFacts> fns = functions_of(
      "struct A { explicit operator bool() const { return true; } };\n"
      "namespace n { A::operator const char *() const { return nullptr; } }\n");
  REQUIRE(fns.size() == 2);
  CHECK(fns[0].qualified_name == "A::operator bool");
  CHECK(fns[0].name == "operator bool");
  CHECK(fns[1].qualified_name == "n::A::operator const char *");
  CHECK(fns[1].params == 0);
}
