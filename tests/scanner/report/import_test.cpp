#include "scanner/report/import.h"

#include <catch2/catch.hpp>

#include "model/errors.h"
#include "reports/json_writer.h"

using namespace stepup;

namespace {

// A report with every field the writer emits set to something non-default.
Report full_report() {
  Report r;
  r.tool_version = "9.9.9";
  r.repo_root = "/src/repo";
  r.commit = "0123456789abcdef0123456789abcdef01234567";
  r.summary = {2, 3, 120, 0.625, 1, 5, 300, 0.5, {{"production", 2}, {"test", 3}}};
  r.signals = {true, true, true, true, false, true};
  r.signals.parse = "quick";
  ModuleFacts m;
  m.name = "src/net";
  m.files = 2;
  m.code_lines = 120;
  m.coverage = Coverage{10, 5, 4, 1, 2, 1, 6, 2};
  m.log_calls = 3;
  m.owners = {"@net"};
  m.score = 71;
  m.history = History{7, 2, 3, 40, 12, "2025-06-01", "Ann <a@x>", 0.5, 0.6, {}};
  r.modules.push_back(m);
  ModuleFacts old = m;  // a module without history reads back as null
  old.name = "src/old";
  old.history.reset();
  r.modules.push_back(old);
  FileFacts f;
  f.path = "src/net/parser \"<x>\".cc";
  f.module = "src/net";
  f.code_lines = 80;
  f.coverage = Coverage{10, 5, 4, 1, 2, 1, 6, 2};
  History h;
  h.commits = 7;
  h.fix_commits = 2;
  h.authors = 3;
  h.lines_added = 100;
  h.lines_deleted = 40;
  h.last_change = "2026-01-02";
  h.main_author = "Ann <ann@example.com>";
  h.main_author_share = 0.5;
  h.fragmentation = 0.25;
  h.coupled = {{"src/db/store.cc", 5, 0.75}};
  f.history = h;
  f.owners = {"@net", "@core"};
  f.log_calls = 2;
  f.profile = ProfileShare{18446744073709551615ULL, 9007199254740993ULL, 0.5, 0.75};
  f.errors = 4;
  f.defects = 1;
  f.role = "test-support";
  f.role_rule = "included only by tests";
  f.built = false;
  f.parse_errors = true;
  FunctionFacts fn;
  fn.name = "parse";
  fn.qualified_name = "net::Parser::parse";
  fn.line = 10;
  fn.end_line = 40;
  fn.cyclomatic = 9;
  fn.cognitive = 17;
  fn.params = 2;
  fn.max_nesting = 3;
  fn.coverage = Coverage{8, 3, 4, 1, 0, 0, 0, 0};
  fn.uncovered_lines = {12, 13, 20};
  fn.partial_branch_lines = {11};
  fn.history = FunctionHistory{3, 1, false};
  fn.log_calls = 1;
  fn.findings = {{"silent-catch", 30, "catch (...) swallows the error"},
                 {"io-in-loop", 33, "Db::get() inside the loop at line 32 reaches PQexec()"}};
  fn.findings.back().chain = {{"Db::get", "src/net/parser.cc", 33}, {"PQexec", "src/db.cc", 9}};
  fn.profile = ProfileShare{5, 9, 0.25, 0.45};
  fn.profile->via = "net::Server::serve";
  fn.profile->path = {"main", "net::Server::serve", "net::Parser::parse"};
  fn.callers = 3;
  fn.callees = 0;
  fn.errors = 2;
  fn.defects = 0;
  fn.trivial = "accessor";
  fn.internal_linkage = true;
  fn.is_constexpr = true;
  fn.is_template = true;
  fn.error_exits = {{25, "return-error", "Status::Corruption(\"bad\")", 24, "!ok"},
                    {33, "throw", "std::runtime_error(\"x\")", 0, ""}};
  f.functions.push_back(fn);
  FunctionFacts bare;
  bare.name = "f";
  bare.qualified_name = "f";
  bare.line = 50;
  bare.end_line = 51;
  bare.from_macro = true;
  f.functions.push_back(bare);
  r.files.push_back(f);
  FileFacts t;
  t.path = "tests/parser_test.cc";
  t.module = "tests";
  t.is_test = true;
  t.role = "test";
  t.role_rule = "path: tests/";
  r.files.push_back(t);
  Candidate c;
  c.id = "abc123";
  c.rank = 1;
  c.rule = "complex-function";
  c.kind = "refactor";
  c.score = 71;
  c.target = {"src/net", f.path, fn.qualified_name, 10};
  c.title = "Refactor net::Parser::parse";
  c.why = {"cognitive complexity 17", "3 commits"};
  c.first_step = "Extract the loop.";
  c.effort = "M";
  c.lines = {12, 13};
  c.status = "new";
  c.focus = "net::Parser::parse";
  r.candidates.push_back(c);
  r.resolved = std::vector<std::string>{"old1"};
  r.log_apis = {
      {"leveldb::Log", "function", "util/logging.h", 12, "variadic, format parameter", 33}};
  r.history_window = HistoryWindow{365, "2025-01-02", 50, true, 2, 1};
  r.test_framework = TestFramework{"googletest", "gtest/gtest.h", "tests/a_test.cc:3"};
  r.test_framework->header_angled = false;
  r.test_framework->include_roots = {{"src", false, false, 7, true, "tests/a_test.cc:4"},
                                     {"", true, true, 2, true, "src/b_test.cc:2"}};
  r.test_framework->include_tu = "tests/a_test.cc";
  r.test_framework->include_dirs = {"", "src"};
  r.diagnostics.push_back({Diagnostic::Level::kWarning, "parse", "2 errors", f.path});
  r.diagnostics.push_back({Diagnostic::Level::kInfo, "history", "shallow", std::nullopt});
  return r;
}

}  // namespace

TEST_CASE("report_import: a written report reads back to the same bytes") {
  std::string once = report_to_json(full_report()).dump(2);
  Report back = parse_report(once, "report.json");
  CHECK(report_to_json(back).dump(2) == once);
  CHECK(back.files[0].profile->self_samples == 18446744073709551615ULL);
  CHECK(back.files[0].functions[0].uncovered_lines == std::vector<int>{12, 13, 20});
  CHECK(back.files[0].functions[0].findings[1].chain[1].path == "src/db.cc");
  CHECK(back.files[0].functions[0].profile->via == "net::Server::serve");
  CHECK(back.files[0].functions[0].callers == 3);
  CHECK_FALSE(back.files[0].functions[1].callers.has_value());
  CHECK_FALSE(back.files[0].functions[1].coverage.has_value());
  CHECK_FALSE(back.files[1].errors.has_value());
  REQUIRE(back.modules[0].history.has_value());
  CHECK(back.modules[0].history->commits == 7);
  CHECK(back.modules[0].history->fix_commits == 2);
  CHECK(back.modules[0].history->authors == 3);
  CHECK_FALSE(back.modules[1].history.has_value());
  CHECK(back.signals.parse == "quick");
  // A report from before the quick mode has no signals.parse: semantic.
  auto doc = report_to_json(full_report());
  doc["signals"].erase("parse");
  CHECK(parse_report(doc.dump(), "old.json").signals.parse == "semantic");
}

TEST_CASE("report_import: broken JSON names the line and column") {
  std::string text = "{\n  \"schema\": \"stepup-report/1\",\n  \"tool\": ,\n}";
  REQUIRE_THROWS_AS(parse_report(text, "old.json"), InputError);
  try {
    parse_report(text, "old.json");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("old.json:3:11") != std::string::npos);
  }
}

TEST_CASE("report_import: other documents and schemas are refused with the reason") {
  auto message = [](const std::string& text) {
    try {
      parse_report(text, "b.json");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message("[1, 2]").find("not a stepup report") != std::string::npos);
  CHECK(message(R"({"version": 2, "runs": []})").find("not a stepup report") != std::string::npos);
  CHECK(message(R"({"schema": "stepup-report/2"})").find("\"stepup-report/2\"") !=
        std::string::npos);
  std::string no_files = report_to_json(full_report()).dump();
  no_files.replace(no_files.find("\"files\":["), 9, "\"filez\":[");
  CHECK(message(no_files).find("$.files is missing") != std::string::npos);
  std::string bad_line = report_to_json(full_report()).dump();
  bad_line.replace(bad_line.find("\"line\":10"), 9, "\"line\":\"x\"");
  CHECK(message(bad_line).find("$.files[0].functions[0].line must be a whole number") !=
        std::string::npos);
}
