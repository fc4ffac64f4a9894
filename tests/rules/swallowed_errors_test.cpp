#include "rules/swallowed_errors.h"

#include <catch2/catch.hpp>

#include "tests/rules/signals.h"

using namespace stepup;
using namespace stepup::test;

namespace {

const RuleOptions kOpts = default_options(swallowed_errors_info());

FunctionFacts importer(int catches, int paths, int64_t commits, int64_t fixes) {
  FunctionFacts f = function("import_csv", 6, 70, 95);
  for (int i = 0; i < catches; ++i) f.findings.push_back({"silent-catch", 80 + i, "catch (...)"});
  for (int i = 0; i < paths; ++i) f.findings.push_back({"unlogged-error-path", 90 + i, ""});
  f.findings.push_back({"io-in-loop", 75, "not this rule's"});
  churn(f, commits, fixes);
  return f;
}

std::vector<Candidate> run(FunctionFacts f) {
  return swallowed_errors(report({file("src/store/orders.cc", "src/store", {f}), program_main()}),
                          kOpts);
}

int score(FunctionFacts f) {
  auto c = run(std::move(f));
  return c.empty() ? 0 : c[0].score;
}

}  // namespace

TEST_CASE("swallowed-errors fires on a silent catch in code that breaks") {
  auto c = run(importer(1, 0, 4, 2));
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == "add-instrumentation");
  CHECK(c[0].target.function == "ns::import_csv");
  CHECK(c[0].target.line == 80);
  CHECK(c[0].title == "Stop ns::import_csv (src/store/orders.cc:70) from swallowing errors");
  // 2 * (0.5 + 0.5 * 2) / 4 = 0.75 -> 52.8 -> 53.
  CHECK(c[0].score == 53);
  CHECK(c[0].why[0] == "1 silent catch (line 80)");
  CHECK(c[0].why[1] == "4 commits, 2 of them bug fixes, touched import_csv in the history window");
  CHECK(c[0].first_step ==
        "In import_csv, make the catch at line 80 log what it caught (or rethrow it), and add a "
        "test that makes it catch.");
  CHECK(c[0].lines == std::vector<int>{80});
}

TEST_CASE("swallowed-errors stays quiet without findings or in stable code") {
  CHECK(run(importer(0, 0, 9, 5)).empty());
  CHECK(run(importer(1, 0, 3, 0)).empty());  // 2 * 0.5 / 4 -> 22
  FileFacts t = file("tests/orders_test.cc", "tests", {importer(3, 0, 9, 5)});
  t.is_test = true;
  t.role = "test";
  CHECK(swallowed_errors(report({t, program_main()}), kOpts).empty());
}

TEST_CASE("swallowed-errors' score rises with catches, unlogged paths, fixes and errors") {
  int base = score(importer(1, 0, 4, 2));
  CHECK(score(importer(2, 0, 4, 2)) > base);
  CHECK(score(importer(1, 1, 4, 2)) > base);
  CHECK(score(importer(1, 0, 4, 3)) > base);
  FunctionFacts errs = importer(1, 0, 4, 2);
  errs.errors = 10;
  CHECK(score(errs) > base);
  auto c = run(importer(0, 2, 4, 2));
  REQUIRE(c.size() == 1);
  CHECK(c[0].why[0] == "2 error paths without a log call recognised");
  CHECK(c[0].title == "Log the error paths of ns::import_csv (src/store/orders.cc:70)");
  CHECK(c[0].first_step ==
        "In import_csv, log the error returned at line 90 with the input that caused it.");
}

TEST_CASE("swallowed-errors in library code: only what never reaches the caller counts") {
  // The repository publishes headers under include/: src/store is library code.
  FileFacts api = file("include/shop/store.h", "include/shop");
  FileFacts lib = file("src/store/orders.cc", "src/store", {importer(0, 3, 4, 2)});
  CHECK(swallowed_errors(report({api, lib}), kOpts).empty());  // errors go to the caller
  lib.functions = {importer(1, 3, 4, 2)};
  auto c = swallowed_errors(report({api, lib}), kOpts);
  REQUIRE(c.size() == 1);
  CHECK(c[0].title == "Stop ns::import_csv (src/store/orders.cc:70) from swallowing errors");
  CHECK(c[0].lines == std::vector<int>{80});  // the catch only, not the error returns
  CHECK(c[0].first_step ==
        "In import_csv, let the error caught at line 80 reach the caller (return it as a status "
        "or rethrow), and add a test that makes it catch.");
  CHECK(c[0].why[1] == "src/store is library code: a swallowed error never reaches the caller");
}

TEST_CASE("swallowed-errors never targets constexpr, header templates, operators or trivia") {
  FunctionFacts ce = importer(2, 0, 4, 2);
  ce.is_constexpr = true;
  FunctionFacts op = importer(2, 0, 4, 2);
  op.name = "operator<<";
  FunctionFacts acc = importer(2, 0, 4, 2);
  acc.trivial = "accessor";
  CHECK(run(ce).empty());
  CHECK(run(op).empty());
  CHECK(run(acc).empty());
  FunctionFacts tmpl = importer(2, 0, 4, 2);
  tmpl.is_template = true;
  CHECK(swallowed_errors(report({file("src/store/orders.h", "src/store", {tmpl}), program_main()}),
                         kOpts)
            .empty());
  CHECK(run(tmpl).size() == 1);  // a template in a .cc is one function like another
}
