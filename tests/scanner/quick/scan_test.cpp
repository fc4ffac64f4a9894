// The quick pass over a file's text and over a repository's files.
#include "scanner/quick/scan.h"

#include <catch2/catch.hpp>

#include "tests/support/temp_repo.h"

using namespace stepup;

namespace {

std::vector<std::pair<int, int>> lines_of(const std::string& text) {
  bool errors = false;
  std::vector<std::pair<int, int>> out;
  for (const auto& f : quick_scan_text(text, &errors)) out.emplace_back(f.line, f.end_line);
  CHECK_FALSE(errors);
  return out;
}

}  // namespace

TEST_CASE("quick scan: LF, CRLF, CR and a BOM give the same lines") {
  const std::string lf = "#include <x>\nint a() {\n  return 1;\n}\n\nint b() { return 2; }\n";
  auto expected = std::vector<std::pair<int, int>>{{2, 4}, {6, 6}};
  CHECK(lines_of(lf) == expected);
  std::string crlf, cr;
  for (char c : lf) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    cr += c == '\n' ? '\r' : c;
  }
  CHECK(lines_of(crlf) == expected);
  CHECK(lines_of(cr) == expected);
  CHECK(lines_of("\xEF\xBB\xBF" + lf) == expected);
}

TEST_CASE("quick scan: every file once, binary ones skipped, errors counted in one note") {
  test::TempDir repo;
  repo.write("a.cc", "int a(int x) { return x ? 1 : 2; }\n");
  repo.write("b.h", "inline int b() { return 0; }\n");
  repo.write("broken.cc", "int broken( { if (\n");
  repo.write("bin.cc", "int never() { return 0; }\n");
  std::vector<SourceFile> files = {
      {"a.cc", "", false, false, false},
      {"b.h", "", false, true, false},
      {"bin.cc", "", false, false, false},
      {"broken.cc", "", false, false, false},
  };
  QuickScanInput in;
  in.root = repo.path();
  in.files = &files;
  in.skip = {false, false, true, false};
  in.jobs = 2;
  QuickScanOutput out = quick_scan(in);
  REQUIRE(out.functions.size() == 4);
  CHECK(out.functions[0].size() == 1);
  CHECK(out.functions[0][0].cyclomatic == 2);
  CHECK(out.functions[1].size() == 1);
  CHECK(out.functions[2].empty());
  CHECK(out.parse_errors == std::vector<bool>{false, false, false, true});
  CHECK(out.files_parsed == 3);
  REQUIRE(out.diagnostics.size() == 1);
  CHECK(out.diagnostics[0].message.find("1 of 3 file(s)") == 0);
  CHECK(out.diagnostics[0].message.find("(broken.cc)") != std::string::npos);
}
