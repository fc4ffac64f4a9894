// Fixture sources carry their expected metrics inline, computed by hand from
// the contract's definitions:
//   // expect: cyclomatic=N cognitive=M nesting=K params=P
// applies to the first function whose name line follows the comment.
#include "scanner/parse/metrics.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "app/pipeline.h"
#include "tests/support/metric_expectations.h"
#include "tests/support/temp_repo.h"

namespace fs = std::filesystem;
using namespace stepup;

TEST_CASE("metrics match the hand-computed expectations in every fixture") {
  const fs::path fixtures = fs::path(STEPUP_SOURCE_DIR) / "tests/fixtures/metrics";
  test::TempDir repo;
  for (const auto& entry : fs::directory_iterator(fixtures)) {
    fs::copy_file(entry.path(), fs::path(repo.path()) / entry.path().filename());
  }
  SystemProcessRunner runner;
  ScanOptions options;
  options.repo = repo.path();
  options.jobs = 2;
  ScanResult result = run_scan(options, runner);

  int checked = 0;
  for (const FileFacts& file : result.report.files) {
    auto expected = test::metric_expectations(test::read_text(repo.path() + "/" + file.path));
    INFO("fixture " << file.path);
    // Every function in a fixture has an expectation, and no more.
    CHECK(file.functions.size() == expected.size());
    checked += test::check_metric_expectations(file.functions, expected);
  }
  CHECK(checked >= 70);
  for (const auto& d : result.report.diagnostics) {
    // The fixtures are valid C++17: nothing may fail to parse.
    CHECK(d.source != "parse");
  }
}

TEST_CASE("qualified names spell out namespaces, classes and anonymous namespaces") {
  test::TempDir repo;
  repo.write("q.cpp", R"(
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
  SystemProcessRunner runner;
  ScanOptions options;
  options.repo = repo.path();
  ScanResult result = run_scan(options, runner);
  REQUIRE(result.report.files.size() == 1);
  std::vector<std::string> names;
  for (const auto& f : result.report.files[0].functions) names.push_back(f.qualified_name);
  CHECK(names == std::vector<std::string>{
                     "outer::(anonymous namespace)::Box::get",
                     "outer::(anonymous namespace)::Box::operator==",
                     "outer::(anonymous namespace)::Box::~Box",
                     "outer::(anonymous namespace)::helper",
                     "outer::inner::twice",
                     "Plain::Plain",
                 });
  CHECK(result.report.files[0].functions[4].name == "twice");
  CHECK(result.report.files[0].functions[0].line == 4);
  CHECK(result.report.files[0].functions[5].line == 13);
}
