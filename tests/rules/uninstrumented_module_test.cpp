#include "rules/uninstrumented_module.h"

#include <catch2/catch.hpp>

#include "tests/rules/signals.h"

using namespace stepup;
using namespace stepup::test;

namespace {

const RuleOptions kOpts = default_options(uninstrumented_module_info());

/// Module src/net: one 400-line file with `logs` log calls, `commits`
/// commits (`fixes` fixes) and `catches` silent catches in parse.
Report net(int logs, int64_t commits, int64_t fixes, int catches = 0) {
  FunctionFacts parse = function("parse", 8, 20, 60);
  churn(parse, commits, fixes);
  for (int i = 0; i < catches; ++i) parse.findings.push_back({"silent-catch", 30 + i, ""});
  FileFacts f = file("src/net/http.cc", "src/net", {parse});
  f.code_lines = 400;
  f.log_calls = logs;
  f.history = file_history(commits, fixes);
  return report({f, program_main()});  // an application (a program, no include/)
}

int score(const Report& r) {
  auto c = uninstrumented_module(r, kOpts);
  return c.empty() ? 0 : c[0].score;
}

}  // namespace

TEST_CASE("uninstrumented-module fires on a changing module without log calls") {
  auto c = uninstrumented_module(net(0, 12, 5), kOpts);
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == "add-instrumentation");
  CHECK(c[0].target.module == "src/net");
  CHECK_FALSE(c[0].target.file.has_value());
  CHECK(c[0].title == "Add logging to src/net: no log call recognised");
  CHECK(c[0].why[0] ==
        "400 code lines in 1 file, no log call recognised (known APIs: glog/absl LOG, spdlog, "
        "Boost.Log, LOG_*-style macros, syslog, OpenTelemetry, prometheus-cpp; add yours as "
        "signals.log_functions / log_macros)");
  CHECK(c[0].why[1] == "12 commits in the history window, 5 bug-fix commits among them");
  CHECK_FALSE(c[0].newcomer_friendly);  // module-wide
  // (0.4 + 0.2*12 + 0.5*5) / 8 = 0.6625 -> 48.4 -> 48.
  CHECK(c[0].score == 48);
  CHECK(c[0].first_step ==
        "Add an error-level log line, with the offending input, to each failure path of parse "
        "(src/net/http.cc:20), the function of src/net with the most bug-fix commits.");
}

TEST_CASE("uninstrumented-module stays quiet for logged, small, stable or test modules") {
  CHECK(uninstrumented_module(net(5, 12, 5), kOpts).empty());  // 12.5 per 1000 lines
  CHECK(uninstrumented_module(net(0, 0, 0), kOpts).empty());   // stable: 0.4 / 8 -> 5
  Report small = net(0, 12, 5);
  small.files[0].code_lines = 100;
  CHECK(uninstrumented_module(small, kOpts).empty());
  Report tests = net(0, 12, 5);
  tests.files[0].is_test = true;
  tests.files[0].role = "test";
  CHECK(uninstrumented_module(tests, kOpts).empty());
}

TEST_CASE("uninstrumented-module's score: churn, fixes, catches up, log calls down") {
  int base = score(net(0, 12, 5));
  CHECK(score(net(0, 20, 5)) > base);
  CHECK(score(net(0, 12, 8)) > base);
  CHECK(score(net(0, 12, 5, 2)) > base);
  CHECK(score(net(0, 12, 5, 2)) > 0);
  CHECK(score(net(0, 40, 20)) > score(net(0, 12, 5)));
  // One log call in 400 lines is 2.5 per 1000 lines: above the threshold.
  // With a lower threshold met partly, the score falls with each call.
  RuleOptions loose = kOpts;
  loose.at("max_logs_per_kloc") = 10;
  auto none = uninstrumented_module(net(0, 20, 8), loose);
  auto one = uninstrumented_module(net(1, 20, 8), loose);
  REQUIRE(one.size() == 1);
  CHECK(one[0].score < none[0].score);
  CHECK(one[0].title == "Add logging to src/net: almost no log calls");
}

TEST_CASE(
    "uninstrumented-module points at the first swallowed error, and says history is unknown") {
  Report r = net(0, 12, 5, 1);
  auto c = uninstrumented_module(r, kOpts);
  REQUIRE(c.size() == 1);
  CHECK(c[0].why[1] == "1 silent catch or unlogged error path");
  CHECK(c[0].first_step ==
        "Log the error at src/net/http.cc:30 in parse (silent-catch), with the input that caused "
        "it; then the module's other error paths.");
  Report unknown = net(0, 0, 0, 4);
  unknown.files[0].history.reset();
  unknown.files[0].functions[0].history.reset();
  unknown.signals.history = false;
  auto u = uninstrumented_module(unknown, kOpts);
  REQUIRE(u.size() == 1);  // (0.4 + 4) / 8 -> 42
  CHECK(u[0].score == 42);
  CHECK(u[0].why.size() == 2);  // no history line: the report says it once
}

TEST_CASE("uninstrumented-module: a module's fix count is its distinct commits") {
  // Two files share the module's commits: 12 and 10 file changes, 5 and 4
  // fixes, but the module saw 14 distinct commits and 6 distinct fixes.
  Report r = net(0, 12, 5);
  FileFacts other = r.files[0];
  other.path = "src/net/router.cc";
  other.history = file_history(10, 4);
  r.files.push_back(other);
  r.modules[0].history = file_history(14, 6);
  auto c = uninstrumented_module(r, kOpts);
  REQUIRE(c.size() == 1);
  CHECK(c[0].why[1] == "14 commits in the history window, 6 bug-fix commits among them");
}

TEST_CASE("uninstrumented-module: library code gets no logging task, inferred APIs are named") {
  Report r = net(0, 12, 5);
  FileFacts api = file("include/net/http.h", "include/net");
  api.code_lines = 40;
  r.files.push_back(api);
  CHECK(uninstrumented_module(r, kOpts).empty());
  std::string reason;
  CHECK(is_library_module(r, "src/net", &reason));
  // A module that is mostly a program's main file is application code.
  Report app = r;
  FunctionFacts main_fn = function("main", 3);
  main_fn.qualified_name = "main";
  app.files[0].functions.push_back(main_fn);
  CHECK_FALSE(is_library_module(app, "src/net", nullptr));
  CHECK(uninstrumented_module(app, kOpts).size() == 1);
  app.log_apis = {{"shop::Log", "function", "src/util/log.h", 9, "variadic", 0}};
  CHECK(uninstrumented_module(app, kOpts)[0].why[0].find("prometheus-cpp, shop::Log; add") !=
        std::string::npos);
  // Without include/ and without any program (no production main): a library.
  Report no_program = net(0, 12, 5);
  no_program.files.pop_back();  // program_main()
  CHECK(is_library_module(no_program, "src/net", &reason));
  CHECK(reason ==
        "src/net is library code: no production file defines main(), and the module is "
        "not a program's main file");
  // A program the build does not compile (a contrib/ sample) makes no application.
  Report unbuilt_program = net(0, 12, 5);
  unbuilt_program.files.back().built = false;
  CHECK(is_library_module(unbuilt_program, "src/net", nullptr));
  unbuilt_program.files.back().built = true;
  CHECK_FALSE(is_library_module(unbuilt_program, "src/net", nullptr));
}
