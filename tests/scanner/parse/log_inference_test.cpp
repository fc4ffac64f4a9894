// Log-API inference: the name and shape rules on hand-made declarations, the
// post-pass on a hand-made report, and the APIs inferred from the fixture
// tests/fixtures/signals/log_apis.cpp (expected values worked out by hand
// from docs/signals.md).
#include "scanner/parse/log_inference.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "app/pipeline.h"
#include "scanner/parse/signal_repo.h"
#include "tests/support/temp_repo.h"

namespace fs = std::filesystem;
using namespace stepup;

namespace {

DeclFacts decl(const std::string& name, const std::string& result, bool variadic, bool format,
               bool logger) {
  DeclFacts d;
  d.name = d.qualified_name = name;
  d.path = "src/log.h";
  d.line = 3;
  d.result = result;
  d.variadic = variadic;
  d.format_param = format;
  d.logger_param = logger;
  return d;
}

}  // namespace

TEST_CASE("log-like names: strong words anywhere, reporting words first, no setters") {
  bool weak = false;
  CHECK(log_like_name("Log", &weak));
  CHECK_FALSE(weak);
  CHECK(log_like_name("Logv", &weak));
  CHECK(log_like_name("log_line", &weak));
  CHECK(log_like_name("WriteLog", &weak));
  CHECK(log_like_name("trace_event", &weak));
  CHECK(log_like_name("LOG_DEBUG", &weak));
  CHECK(log_like_name("Error", &weak));
  CHECK(weak);
  CHECK(log_like_name("warn_once", &weak));
  CHECK(weak);
  CHECK_FALSE(log_like_name("DumpInfo", &weak));  // info is not the first word
  CHECK_FALSE(log_like_name("SetLogger", &weak));
  CHECK_FALSE(log_like_name("NewLogger", &weak));
  CHECK_FALSE(log_like_name("Catalog", &weak));
  CHECK_FALSE(log_like_name("Dialog", &weak));
  CHECK(log_name("LogError") == LogName::kLeadsWithLog);
  CHECK(log_name("ConvertLogFilesToTables") == LogName::kHasLogWord);
  CHECK(log_name("Info") == LogName::kReporting);
}

TEST_CASE("log shape: name, result and varargs, a format or a logger parameter") {
  CHECK(log_shape_reason(decl("Log", "void", true, true, true)) ==
        "variadic with a format parameter");
  CHECK(log_shape_reason(decl("Logv", "void", false, true, false)) ==
        "takes a printf-style format parameter");
  CHECK(log_shape_reason(decl("Error", "void", true, false, false)) == "variadic");
  CHECK(log_shape_reason(decl("log_to", "void", false, false, true)) ==
        "takes a logger or sink parameter");
  // a weak name needs varargs or a format: Info(std::ostream&) is a dump
  CHECK(log_shape_reason(decl("Info", "void", false, false, true)).empty());
  // `Status Error(fmt, ...)` builds a status; `bool Error(msg, err)` formats one
  CHECK(log_shape_reason(decl("Error", "Status", true, true, false)).empty());
  CHECK(log_shape_reason(decl("Error", "bool", false, false, false)).empty());
  CHECK(log_shape_reason(decl("Log", "void", false, false, false)).empty());
  // a logger parameter needs a name that leads with a log word: not a setter
  CHECK(log_shape_reason(decl("options_set_info_log", "void", false, false, true)).empty());
  CHECK(log_shape_reason(decl("my_log", "void", true, true, false)) ==
        "variadic with a format parameter");
  DeclFacts macro = decl("TRACE", "", true, false, false);
  macro.is_macro = true;
  CHECK(log_shape_reason(macro) == "a variadic macro with a log-like name");
}

TEST_CASE("macro definitions are read from the text, continuations and all") {
  std::vector<DeclFacts> defs = macro_definitions(
      "#pragma once\n"
      "#define LOG_F(fmt, ...) Log(g, fmt, __VA_ARGS__)\n"
      "  #  define  PLAIN 3\n"
      "#define TWO(a, \\\n"
      "            b) a + b\n");
  REQUIRE(defs.size() == 3);
  CHECK(defs[0].name == "LOG_F");
  CHECK(defs[0].line == 2);
  CHECK(defs[0].variadic);
  CHECK(defs[0].format_param);
  CHECK(defs[1].name == "PLAIN");
  CHECK(defs[1].line == 3);
  CHECK_FALSE(defs[1].variadic);
  CHECK(defs[2].name == "TWO");
  CHECK(defs[2].line == 4);
}

TEST_CASE("wrapping a log API needs a name that leads with a log or reporting word") {
  CHECK(may_wrap_log(decl("LogCompactionStats", "void", false, false, false)));
  CHECK(may_wrap_log(decl("notice", "void", false, false, false)));
  // about a log file, not a log message
  CHECK_FALSE(may_wrap_log(decl("ConvertLogFilesToTables", "void", false, false, false)));
  CHECK_FALSE(may_wrap_log(decl("Error", "Status", false, false, false)));
}

TEST_CASE("the post-pass counts wrappers' calls and drops findings whose path calls one") {
  Report r;
  r.declarations["c:@F@Log"] = decl("Log", "void", true, true, true);
  r.declarations["c:@F@note"] = decl("note", "void", false, false, false);
  r.declarations["c:@F@notice"] = decl("notice", "void", false, false, false);
  r.declarations["c:@F@helper"] = decl("helper", "void", false, false, false);
  FileFacts f;
  f.path = "src/a.cc";
  FunctionFacts notice;  // a log-like name whose body calls Log: a wrapper
  notice.name = "notice";
  notice.usr = "c:@F@notice";
  notice.log_calls = 1;  // the walk counted its Log call
  notice.calls = {{"c:@F@Log", 5, false, false}};
  FunctionFacts helper;  // calls notice, but its name is no log name
  helper.name = "helper";
  helper.usr = "c:@F@helper";
  helper.calls = {{"c:@F@notice", 9, false, false}, {"c:@F@notice", 10, false, true}};
  helper.findings = {{"unlogged-error-path", 11, "returns false ...", {"c:@F@notice"}},
                     {"unlogged-error-path", 12, "returns false ...", {"c:@F@note"}}};
  f.functions = {notice, helper};
  f.log_calls = 1;
  r.files.push_back(f);
  infer_log_apis(r);
  const FunctionFacts& h = r.files[0].functions[1];
  CHECK(h.log_calls == 1);  // line 10's call sits inside a counted log call
  REQUIRE(h.findings.size() == 1);
  CHECK(h.findings[0].line == 12);  // note() is declared but not a wrapper
  CHECK(r.files[0].log_calls == 2);
  // Sorted by where each is defined: notice's definition (src/a.cc, the
  // function the scan measured) before Log's declaration (src/log.h).
  REQUIRE(r.log_apis.size() == 2);
  CHECK(r.log_apis[0].name == "notice");
  CHECK(r.log_apis[0].path == "src/a.cc");
  CHECK(r.log_apis[0].reason == "wraps Log");
  CHECK(r.log_apis[0].calls == 1);
  CHECK(r.log_apis[1].name == "Log");
  CHECK(r.log_apis[1].path == "src/log.h");
  CHECK(r.log_apis[1].calls == 1);
}

TEST_CASE("the fixture's own log API is inferred, with its reasons and call counts") {
  test::TempDir repo;
  fs::copy(fs::path(STEPUP_SOURCE_DIR) / "tests/fixtures/signals", repo.path(),
           fs::copy_options::recursive);
  SystemProcessRunner runner;
  ScanOptions options;
  options.repo = repo.path();
  options.jobs = 2;
  Report report = run_scan(options, runner).report;
  std::vector<std::string> apis;
  for (const InferredLogApi& a : report.log_apis) {
    if (a.path != "log_apis.cpp") continue;
    apis.push_back(a.name + " " + a.kind + " :" + std::to_string(a.line) + " " + a.reason + " x" +
                   std::to_string(a.calls));
  }
  std::vector<std::string> expected = {
      "Logger::Logv function :14 takes a printf-style format parameter x1",
      "Log function :29 variadic with a format parameter x2",
      "Warning function :38 variadic with a format parameter x1",
      "notice_failure function :44 wraps a known log API (1 log call(s) in its body) x2",
      "info_line function :50 wraps notice_failure x2",
      "TRACE_EVENT macro :75 a variadic macro with a log-like name x2",
      "VERBOSE macro :78 a macro with a log-like name that makes a known log call x1",
  };
  CHECK(apis == expected);
}
