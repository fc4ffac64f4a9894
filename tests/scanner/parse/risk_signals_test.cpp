// Fixture sources carry their expected signals inline, computed by hand from
// the definitions in docs/signals.md:
//   // expect-signals: log_calls=N [stderr_log_calls=M] findings=kind@line,...
//   // expect-exits: kind@line/condition_line,...     (optional, next line)
// applies to the first function whose name line follows the comment. The
// fixtures' .stepup.json adds a team log function and an error enumerator;
// stderr_log_calls is the count with stderr_is_logging on as well.
#include "scanner/parse/risk_signals.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <sstream>

#include "app/pipeline.h"
#include "tests/support/temp_repo.h"

namespace fs = std::filesystem;
using namespace stepup;

namespace {

struct Expectation {
  int line;
  int log_calls, stderr_log_calls;
  std::vector<std::string> findings;  // "kind@line", in report order
  bool has_exits = false;
  std::vector<std::string> exits;  // "kind@line/condition_line", by line
};

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::vector<Expectation> expectations_in(const std::string& text) {
  static const std::regex re(
      R"(// expect-signals: log_calls=(\d+)(?: stderr_log_calls=(\d+))? findings=(\S*))");
  static const std::regex exits_re(R"(// expect-exits:\s*(\S*))");
  std::vector<Expectation> out;
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    std::smatch m;
    if (!out.empty() && std::regex_search(line, m, exits_re)) {
      out.back().has_exits = true;
      out.back().exits = split_commas(m[1]);
      continue;
    }
    if (!std::regex_search(line, m, re)) continue;
    int logs = std::stoi(m[1]);
    out.push_back({n, logs, m[2].matched ? std::stoi(m[2]) : logs, split_commas(m[3]), false, {}});
  }
  return out;
}

// The fixtures copied into a fresh directory (a repo without git).
void copy_fixtures(const test::TempDir& repo) {
  const fs::path fixtures = fs::path(STEPUP_SOURCE_DIR) / "tests/fixtures/signals";
  fs::copy(fixtures, repo.path(), fs::copy_options::recursive);
}

ScanResult scan(const std::string& repo, const std::string& config = "") {
  SystemProcessRunner runner;
  ScanOptions options;
  options.repo = repo;
  options.config = config;
  options.jobs = 2;
  return run_scan(options, runner);
}

const FunctionFacts* function_named(const Report& report, const std::string& name) {
  for (const auto& file : report.files) {
    for (const auto& fn : file.functions) {
      if (fn.qualified_name == name) return &fn;
    }
  }
  return nullptr;
}

// Checks every function of every fixture against its expectation; returns
// how many were checked.
int check_fixtures(const Report& report, const std::string& root, bool stderr_on) {
  int checked = 0;
  for (const FileFacts& file : report.files) {
    if (file.path.rfind("include/", 0) == 0) {
      CHECK(file.functions.empty());  // stand-in headers only declare
      continue;
    }
    auto expected = expectations_in(test::read_text(root + "/" + file.path));
    INFO("fixture " << file.path);
    CHECK(file.functions.size() == expected.size());
    for (const Expectation& e : expected) {
      const FunctionFacts* fn = nullptr;
      for (const auto& f : file.functions) {
        if (f.line > e.line && (!fn || f.line < fn->line)) fn = &f;
      }
      INFO("expect line " << e.line);
      REQUIRE(fn != nullptr);
      INFO("function " << fn->qualified_name << " at line " << fn->line);
      CHECK(fn->log_calls == (stderr_on ? e.stderr_log_calls : e.log_calls));
      std::vector<std::string> found;
      for (const Finding& f : fn->findings) found.push_back(f.kind + "@" + std::to_string(f.line));
      CHECK(found == e.findings);
      if (e.has_exits) {
        std::vector<std::string> exits;
        for (const ErrorExit& x : fn->error_exits) {
          exits.push_back(x.kind + "@" + std::to_string(x.line) + "/" +
                          std::to_string(x.condition_line));
        }
        CHECK(exits == e.exits);
      }
      ++checked;
    }
  }
  for (const auto& d : report.diagnostics) {
    INFO(d.message);
    CHECK(d.source != "parse");  // the fixtures are valid C++17
  }
  return checked;
}

}  // namespace

TEST_CASE("risk signals match the hand-computed expectations in every fixture") {
  test::TempDir repo;
  copy_fixtures(repo);
  ScanResult result = scan(repo.path());
  CHECK(check_fixtures(result.report, repo.path(), /*stderr_on=*/false) >= 48);
}

TEST_CASE("stderr_is_logging makes std::cerr and std::clog writes log calls") {
  test::TempDir repo;
  copy_fixtures(repo);
  test::TempDir elsewhere;
  std::string config = elsewhere.write("stepup.json", R"({
  "signals": {
    "log_functions": ["acme::emit_*"],
    "error_values": ["Status::kIoError"],
    "stderr_is_logging": true
  }
})");
  ScanResult result = scan(repo.path(), config);
  CHECK(check_fixtures(result.report, repo.path(), /*stderr_on=*/true) >= 48);
}

TEST_CASE("without the fixtures' config, the team's names are not signals") {
  test::TempDir repo;
  copy_fixtures(repo);
  fs::remove(fs::path(repo.path()) / ".stepup.json");
  ScanResult result = scan(repo.path());
  const FunctionFacts* team = function_named(result.report, "team_family");
  REQUIRE(team != nullptr);
  CHECK(team->log_calls == 0);
  const FunctionFacts* read_all = function_named(result.report, "read_all");
  REQUIRE(read_all != nullptr);
  CHECK(read_all->error_exits.empty());  // Status::kIoError is no error value now
}

TEST_CASE("findings name what was caught, returned or called, and where") {
  test::TempDir repo;
  copy_fixtures(repo);
  ScanResult result = scan(repo.path());
  auto detail = [&](const std::string& fn, size_t i) {
    const FunctionFacts* f = function_named(result.report, fn);
    REQUIRE(f != nullptr);
    REQUIRE(f->findings.size() > i);
    return f->findings[i].detail;
  };
  CHECK(detail("parse_or_zero", 0) ==
        "catch (const std::exception&) swallows the error: empty handler");
  CHECK(detail("drop_carts", 0) ==
        "catch (...) swallows the error: the handler holds only comments");
  CHECK(detail("retry_quietly", 0) ==
        "catch (const std::runtime_error&) swallows the error: the handler only returns, "
        "breaks or discards it");
  CHECK(detail("require_connection", 0) ==
        "throws std::runtime_error after connect_to(...) fails at line 26 with no log call on "
        "that path");
  CHECK(detail("publish", 0) ==
        "returns false after execute(...) fails at line 59 with no log call on that path");
  CHECK(detail("load_customers", 0) ==
        "db.query() inside the for loop at line 15 (N+1: once per element)");
  CHECK(detail("range_and_do", 1) ==
        "db.execute() inside the do-while loop at line 27 (N+1: once per element)");
  CHECK(detail("total_size", 0) ==
        "std::ifstream constructed inside the for loop at line 36 (N+1: once per element)");
  CHECK(detail("nested", 0) ==
        "db.query() inside the while loop at line 49 (N+1: once per element)");
  CHECK(detail("copy_and_open", 0) ==
        "fopen() inside the for loop at line 101 (N+1: once per element)");
}

TEST_CASE("error exits carry the value as written and the condition that leads there") {
  test::TempDir repo;
  copy_fixtures(repo);
  ScanResult result = scan(repo.path());
  auto exit_at = [&](const std::string& fn, size_t i) {
    const FunctionFacts* f = function_named(result.report, fn);
    REQUIRE(f != nullptr);
    REQUIRE(f->error_exits.size() > i);
    const ErrorExit& e = f->error_exits[i];
    return e.kind + " | " + e.value + " | " + std::to_string(e.condition_line) + " | " +
           e.condition;
  };
  CHECK(exit_at("DecodeHeader", 0) ==
        "return-error | Status::Corruption(\"bad tag\") | 41 | !GetVarint32(input, tag)");
  // the value spans two lines: whitespace squeezed; a case label's condition
  CHECK(exit_at("DecodeHeader", 1) ==
        "return-error | Status::Corruption(\"unknown tag\", \"in header\") | 47 | default");
  CHECK(exit_at("DecodeHeader", 2) == "return-error | s | 52 | else of s.ok()");
  CHECK(exit_at("Propagate", 0) == "return-error | s | 63 | !s.ok()");
  CHECK(exit_at("Propagate", 2) ==
        "return-error | Status::IOError(\"long name\") | 67 | name.size() > 10");
  CHECK(exit_at("Checked", 0) ==
        "throw | std::runtime_error(std::string(\"bad fd for \") + path) | 76 | fd < 0");
  CHECK(exit_at("Checked", 1) == "abort | abort() | 77 | path == nullptr");
  CHECK(exit_at("Checked", 2) == "abort | exit(2) | 78 | fd > 1000");
  CHECK(exit_at("Checked", 3) == "invariant | assert(false) | 80 | fd == 1");
  CHECK(exit_at("Load", 2) == "return-error | false | 93 | out->empty()");
  CHECK(exit_at("Sync", 1) == "return-error | ec | 111 | ec");
  CHECK(exit_at("ParsePort", 0) ==
        "return-error | tl::make_unexpected(std::string(\"empty\")) | 118 | s.empty()");
  CHECK(exit_at("Write", 0) == "return-error | rc::Status::kIoError | 125 | fd < 0");
  CHECK(exit_at("FirstNegative", 0) ==
        "throw | std::out_of_range(\"big\") | 137 | while (x > 100)");
  CHECK(exit_at("FirstNegative", 1) == "throw |  | 0 | ");
  CHECK(exit_at("DecodeAll", 0) ==
        "return-error | Status::Corruption(\"decode\", msg) | 154 | msg != nullptr");
  CHECK(exit_at("Dispatch", 0) ==
        "abort | Fatal(\"missing argument for kind 1\") | 169 | arg == nullptr");
  CHECK(
      exit_at("Dispatch", 1) ==
      "invariant | Fatal(\"internal error: unexpected argument %s\", arg) | 173 | arg != nullptr");
  CHECK(exit_at("Dispatch", 2) == "invariant | assert(0) | 175 | kind > 2");
}

TEST_CASE("signal patterns: globs, plain names, qualified names and the global namespace") {
  CHECK(name_glob_match("query*", "query_rows"));
  CHECK(name_glob_match("spdlog::*", "spdlog::logger::info"));  // '*' crosses "::"
  CHECK(name_glob_match("opentelemetry::*::StartSpan", "opentelemetry::trace::Tracer::StartSpan"));
  CHECK_FALSE(name_glob_match("opentelemetry::*::GetTracer",
                              "opentelemetry::trace::Provider::GetTracerProvider"));
  CHECK_FALSE(name_glob_match("exec", "execute"));

  PatternSet io({"fetch*", "exec", "::send", "std::basic_ifstream", "pqxx::*::exec*"});
  // Plain patterns test the plain name, but never in namespace std.
  CHECK(io.matches("fetch_rows", "repo::Db::fetch_rows", false));
  CHECK_FALSE(io.matches("fetch_add", "std::__atomic_base::fetch_add", true));
  CHECK(io.matches("exec", "Conn::exec", false));
  // "::send" is the global send only.
  CHECK(io.matches("send", "send", false));
  CHECK_FALSE(io.matches("send", "Socket::send", false));
  // "a::b" matches at any namespace boundary, not inside a name.
  CHECK(io.matches_qualified("std::basic_ifstream"));
  CHECK(io.matches_qualified("vendor::std::basic_ifstream"));
  CHECK_FALSE(io.matches_qualified("mystd::basic_ifstream"));
  CHECK(io.matches_qualified("pqxx::work::exec_params"));
  // Constructed classes only by patterns naming a namespace: not by a plain
  // pattern, and not by "::send" (C's struct stat beside ::stat).
  CHECK(io.matches_class("std::basic_ifstream"));
  CHECK_FALSE(io.matches_class("fetcher"));
  CHECK_FALSE(io.matches_class("send"));

  PatternSet macros({"LOG", "SPDLOG_*", "LOG_*"});
  CHECK(macros.matches_name("SPDLOG_INFO"));
  CHECK(macros.matches_name("LOG"));
  CHECK_FALSE(macros.matches_name("LOGGER"));
  CHECK_FALSE(macros.matches_name("DIALOG"));
}
