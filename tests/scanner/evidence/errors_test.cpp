#include "scanner/evidence/errors.h"

#include <catch2/catch.hpp>

#include "model/errors.h"

using namespace stepup;
using Catch::Matchers::Contains;

TEST_CASE("error_reports: a JSON array with frames as strings and objects") {
  std::string text = R"J([
  {"count": 3, "frames": ["src/net/parser.cc:42", "net::serve (src/net/server.cc:10)"]},
  {"stack": [{"file": "src/a.cc", "line": 7, "function": "a::f"}, "main"]},
  {"file": "src/b.cc", "line": "12"}
])J";
  ErrorReports r = parse_error_reports(text, "e.json");
  CHECK(r.format == "json");
  REQUIRE(r.reports.size() == 3);
  CHECK(r.total == 5);
  CHECK(r.reports[0].count == 3);
  CHECK(r.reports[0].source_line == 2);
  REQUIRE(r.reports[0].frames.size() == 2);
  CHECK(r.reports[0].frames[0].path == "src/net/parser.cc");
  CHECK(r.reports[0].frames[0].line == 42);
  CHECK(r.reports[0].frames[1].function == "net::serve");
  CHECK(r.reports[0].frames[1].path == "src/net/server.cc");
  CHECK(r.reports[1].frames[0].function == "a::f");
  CHECK(r.reports[1].frames[1].function == "main");
  CHECK(r.reports[2].frames[0].line == 12);
  CHECK(r.reports[2].source_line == 4);
}

TEST_CASE("error_reports: JSON Lines, Sentry events, exact huge counts") {
  std::string text = R"({"count": 9223372036854775806, "frames": ["x.cc:1"]})"
                     "\n\n"
                     R"({"exception": {"values": [{"stacktrace": {"frames": [)"
                     R"({"filename": "main.cc", "lineno": 3, "function": "main"},)"
                     R"({"abs_path": "/ci/src/a.cc", "lineno": 9, "function": "a::f"}]}}]}})"
                     "\n";
  ErrorReports r = parse_error_reports(text, "e.jsonl");
  CHECK(r.format == "json-lines");
  REQUIRE(r.reports.size() == 2);
  CHECK(r.total == 9223372036854775807);  // INT64_MAX, exactly
  CHECK(r.reports[1].source_line == 3);
  // Sentry lists frames outermost first; stepup keeps innermost first.
  CHECK(r.reports[1].frames[0].function == "a::f");
  CHECK(r.reports[1].frames[0].path == "/ci/src/a.cc");
  CHECK(r.reports[1].frames[1].function == "main");
  CHECK_THROWS_WITH(parse_error_reports(text + R"({"count": 2})"
                                               "\n",
                                        "e.jsonl"),
                    Contains("e.jsonl:4") && Contains("2^63-1"));
}

TEST_CASE("error_reports: malformed JSON names file, line and column") {
  CHECK_THROWS_WITH(parse_error_reports("{\"frames\": [\"a.cc:1\"]}\n{\"frames\": [}\n", "e.jsonl"),
                    Contains("e.jsonl:2:13"));
  CHECK_THROWS_WITH(parse_error_reports("[\n {\"count\": 1},\n {\"count\": }\n]", "e.json"),
                    Contains("e.json:3:"));
  CHECK_THROWS_WITH(parse_error_reports("[\n {\"count\": 1},\n {\"count\": -2}\n]", "e.json"),
                    Contains("e.json:3:") && Contains("count"));
  CHECK_THROWS_WITH(parse_error_reports("[{\"frames\": 5}]", "e.json"),
                    Contains("e.json:1:") && Contains("frames"));
  CHECK_THROWS_AS(parse_error_reports("{\"count\": 1.5}\n", "e"), InputError);
}

TEST_CASE("error_reports: sanitizer and gdb backtraces, log lines") {
  std::string text = R"(==4242==ERROR: AddressSanitizer: heap-use-after-free on address 0x602
READ of size 4 at 0x602 thread T0
    #0 0x4f8d3c in net::Parser::parse(int) /home/ci/src/net/parser.cc:42:7
    #1 0x4f9e00 in main /home/ci/src/main.cc:9:3
    #2 0x7f00 in __libc_start_main (/lib/x86_64-linux-gnu/libc.so.6+0x21b96)

freed by thread T0 here:
    #0 0x4a in operator delete(void*) (/usr/lib/libasan.so.8+0xb)
    #1 0x4f8d00 in net::Parser::reset() /home/ci/src/net/parser.cc:30:3
SUMMARY: AddressSanitizer: heap-use-after-free /home/ci/src/net/parser.cc:42:7 in parse
==4242==ABORTING
#0  net::Parser::reset (this=0x0) at src/net/parser.cc:31
#1  0x0000555555555189 in main () at src/main.cc:9
#0  other () at src/other.cc:5
# a comment
src/net/parser.cc:50: error: bad header
Program received signal SIGSEGV
)";
  ErrorReports r = parse_error_reports(text, "crash.log");
  CHECK(r.format == "text");
  REQUIRE(r.reports.size() == 5);
  // The whole ASan report is one error: its first backtrace.
  const ErrorReport& asan = r.reports[0];
  CHECK(asan.source_line == 1);
  REQUIRE(asan.frames.size() == 3);
  CHECK(asan.frames[0].function == "net::Parser::parse(int)");
  CHECK(asan.frames[0].path == "/home/ci/src/net/parser.cc");
  CHECK(asan.frames[0].line == 42);
  CHECK(asan.frames[2].path.empty());
  // gdb: "#0" starts the next report.
  REQUIRE(r.reports[1].frames.size() == 2);
  CHECK(r.reports[1].frames[0].function == "net::Parser::reset (this=0x0)");
  CHECK(r.reports[1].frames[0].line == 31);
  CHECK(r.reports[1].frames[1].function == "main ()");
  CHECK(r.reports[2].frames[0].path == "src/other.cc");
  CHECK(r.reports[3].frames[0].path == "src/net/parser.cc");
  CHECK(r.reports[3].frames[0].line == 50);
  CHECK(r.reports[3].source_line == 16);
  CHECK(r.reports[4].frames.empty());
  CHECK(r.total == 5);
}

TEST_CASE("error_reports: locations and frame strings") {
  std::string path;
  int line = 0;
  CHECK(parse_location("(src/a.cc:42:7)", &path, &line));
  CHECK(path == "src/a.cc");
  CHECK(line == 42);
  CHECK(parse_location("C:\\src\\a.cc:3:", &path, &line));
  CHECK(line == 3);
  CHECK_FALSE(parse_location("12:30:45", &path, &line));
  CHECK_FALSE(parse_location("http://host:8080", &path, &line));
  CHECK_FALSE(parse_location("(/lib/libc.so.6+0x21b96)", &path, &line));
  CHECK_FALSE(parse_location("a.cc:0", &path, &line));
  ErrorFrame f = parse_frame_text("ns::fn(int) at src/a.cc:42:7");
  CHECK(f.function == "ns::fn(int)");
  CHECK(f.path == "src/a.cc");
  CHECK(parse_frame_text("ns::fn(int, char)").function == "ns::fn(int, char)");
}
