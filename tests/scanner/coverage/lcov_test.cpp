#include "scanner/coverage/lcov.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <climits>
#include <sstream>

#include "model/errors.h"
#include "tests/support/coverage_fixture.h"

using namespace stepup;
using Catch::Matchers::Equals;

namespace {

// The fixture's "branches: 1 2" as a sorted list, '-' standing for a branch
// point that never ran.
std::vector<std::string> branch_words(const std::vector<BranchCount>& branches) {
  std::vector<std::string> out;
  for (const BranchCount& b : branches) {
    out.push_back(b.evaluated ? std::to_string(b.count) : "-");
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> split_words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  std::sort(out.begin(), out.end());
  return out;
}

// One record's lines of the raw tracefile, counted without the importer.
struct RawCounts {
  int records = 0;
  int da = 0;
  int da_hit = 0;
};

RawCounts raw_counts(const std::string& info, const std::string& path) {
  RawCounts raw;
  std::istringstream in(info);
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line == "SF:" + path) {
      inside = true;
      ++raw.records;
    } else if (line == "end_of_record") {
      inside = false;
    } else if (inside && line.rfind("DA:", 0) == 0) {
      ++raw.da;
      if (line.substr(line.find(',') + 1) != "0") ++raw.da_hit;
    }
  }
  return raw;
}

const FileCoverage* only_file(const CoverageData& data, const std::string& path) {
  const FileCoverage* found = nullptr;
  for (const auto& f : data.files) {
    if (f.path != path) continue;
    REQUIRE(found == nullptr);
    found = &f;
  }
  REQUIRE(found != nullptr);
  return found;
}

}  // namespace

TEST_CASE("lcov: a real capture of the fixture") {
  test::CoverageFixture fx;
  test::run({"lcov", "--capture", "--directory", ".", "--output-file", "cov.info", "--rc",
             "lcov_branch_coverage=1"},
            fx.dir());
  std::string info = test::read_text(fx.dir() + "/cov.info");
  CoverageData data = import_lcov(info, "cov.info");
  CHECK(data.format == "lcov");
  CHECK(data.diagnostics.empty());

  const std::string main_path = fx.dir() + "/main.cpp";
  const FileCoverage& main = *only_file(data, main_path);
  CHECK(main.bases.empty());
  // By hand: 18 executable lines in main.cpp, 4 of them never run (the two of
  // never_called's body, its signature, and risky's `return x`).
  RawCounts raw = raw_counts(info, main_path);
  CHECK(raw.da == 18);
  CHECK(raw.da_hit == 14);
  CHECK(main.lines.size() == 18);
  CHECK(std::count_if(main.lines.begin(), main.lines.end(),
                      [](const auto& l) { return l.second > 0; }) == 14);

  std::string source = fx.source("main.cpp");
  REQUIRE(test::annotations(source, "hits").size() == 12);
  REQUIRE(test::annotations(source, "branches").size() == 5);
  for (const auto& [line, hits] : test::annotations(source, "hits")) {
    INFO("main.cpp:" << line);
    REQUIRE(main.lines.count(line) == 1);
    CHECK(main.lines.at(line) == std::stoll(hits));
  }
  for (const auto& [line, words] : test::annotations(source, "branches")) {
    INFO("main.cpp:" << line);
    REQUIRE(main.branches.count(line) == 1);
    CHECK(branch_words(main.branches.at(line)) == split_words(words));
  }
  std::map<int, std::pair<std::string, int64_t>> functions;
  for (const auto& f : main.functions) functions[f.line] = {f.name, f.count};
  std::map<int, std::string> calls = test::annotations(source, "calls");
  REQUIRE(functions.size() == calls.size());
  for (const auto& [line, count] : calls) {
    INFO("main.cpp:" << line);
    CHECK(functions[line].second == std::stoll(count));
  }
  // gcc writes mangled names; main is not mangled and stays as it is.
  CHECK(functions[13].first == "classify(int)");
  CHECK(functions[19].first == "never_called(int)");
  CHECK(functions[29].first == "main");

  // util.h is in both TUs: two records, kept apart. The linker kept one copy
  // of twice(), so one record has both calls and the other none.
  std::vector<const FileCoverage*> util;
  for (const auto& f : data.files) {
    if (f.path == fx.dir() + "/util.h") util.push_back(&f);
  }
  REQUIRE(util.size() == 2);
  CHECK(raw_counts(info, fx.dir() + "/util.h").records == 2);
  std::vector<int64_t> hits = {util[0]->lines.at(7), util[1]->lines.at(7)};
  std::sort(hits.begin(), hits.end());
  CHECK(hits == std::vector<int64_t>{0, 2});
  CHECK(util[0]->functions.at(0).name == "twice(int)");
}

TEST_CASE("lcov: '-' is a branch point that never ran, 0 one that ran untaken") {
  CoverageData d = import_lcov(
      "SF:/s/a.cc\nDA:3,1\nBRDA:3,0,0,-\nBRDA:3,0,1,0\nBRDA:3,0,2,7\nend_of_record\n", "t.info");
  const auto& b = d.files.at(0).branches.at(3);
  REQUIRE(b.size() == 3);
  CHECK_FALSE(b[0].evaluated);
  CHECK(b[0].count == 0);
  CHECK(b[1].evaluated);
  CHECK(b[1].count == 0);
  CHECK(b[2].count == 7);
}

TEST_CASE("lcov: 'e' blocks are exception branches, branch may be an expression") {
  CoverageData d = import_lcov(
      "SF:/s/a.cc\nBRDA:10,e0,1,0\nBRDA:10,0,0,4\nBRDA:11,0,(a, b) True,2\nend_of_record\n",
      "t.info");
  const auto& f = d.files.at(0);
  CHECK(f.branches.at(10)[0].exceptional);
  CHECK_FALSE(f.branches.at(10)[1].exceptional);
  CHECK(f.branches.at(10)[1].count == 4);
  CHECK(f.branches.at(11)[0].count == 2);
}

TEST_CASE("lcov: FN names demangle, FNDA counts by name, 2.x FNL/FNA, FN end lines, MCDC") {
  CoverageData d = import_lcov(
      "TN:t\nSF:/s/a.cc\nVER:#1\n"
      "FN:4,_ZN3foo3barEi\nFNDA:5,_ZN3foo3barEi\nFNDA:2,_ZN3foo3barEi\n"
      "FN:9,12,c_func\nFN:20,_Znot_really\nFN:30,i\n"
      "FNL:0,40,44\nFNA:0,3,_ZN3foo3bazEv\nFNA:0,1,_ZN3foo3quxEv\nFNL:1,50\n"
      "FNF:9\nFNH:9\nLF:100\nLH:100\nDA:4,5\nMCDC:4,2,t,1,0,a > 0\nMCDC:4,2,f,0,0,a > 0\n"
      "end_of_record\n",
      "t.info");
  const auto& fns = d.files.at(0).functions;
  REQUIRE(fns.size() == 6);
  CHECK(fns[0].name == "foo::bar(int)");
  CHECK(fns[0].line == 4);
  CHECK(fns[0].count == 7);  // repeated FNDA add up
  CHECK(fns[1].name == "c_func");
  CHECK(fns[1].line == 9);
  CHECK(fns[1].count == 0);  // no FNDA: never called
  CHECK(fns[2].name == "_Znot_really");
  // __cxa_demangle would read "i" as the type int: only _Z names are symbols.
  CHECK(fns[3].name == "i");
  CHECK(fns[4].name == "foo::baz()");
  CHECK(fns[4].line == 40);
  CHECK(fns[4].count == 3);
  CHECK(fns[5].name == "foo::qux()");
  CHECK(fns[5].line == 40);
  // LF/LH claim 100 lines; only the DA record counts. MCDC (lcov 2.2) is read past.
  CHECK(d.files.at(0).lines.size() == 1);
  CHECK(d.diagnostics.empty());
}

TEST_CASE("lcov: repeated SF records stay separate, DA repeats add up, checksum ignored") {
  CoverageData d = import_lcov(
      "SF:/s/u.h\nDA:2,1,AbCd\nDA:2,3\nend_of_record\n"
      "SF:/s/u.h \r\nDA:2,0\r\nend_of_record\r\n",
      "t.info");
  REQUIRE(d.files.size() == 2);
  CHECK(d.files[0].path == "/s/u.h");
  CHECK(d.files[0].lines == std::map<int, int64_t>{{2, 4}});
  CHECK(d.files[1].path == "/s/u.h ");  // CRLF read as LF; the path kept as written
  CHECK(d.files[1].lines == std::map<int, int64_t>{{2, 0}});
}

TEST_CASE("lcov: counts up to 2^63-1 are exact, sums saturate") {
  CoverageData d = import_lcov(
      "SF:/s/a.cc\nDA:1,9223372036854775807\nDA:2,9223372036854775807\nDA:2,5\nend_of_record\n",
      "t.info");
  CHECK(d.files[0].lines.at(1) == INT64_MAX);
  CHECK(d.files[0].lines.at(2) == INT64_MAX);
}

TEST_CASE("lcov: negative counts are executed, with one warning per file") {
  CoverageData d = import_lcov(
      "SF:/s/a.cc\nDA:1,-1\nDA:2,-1\nBRDA:2,0,0,-1\nFN:1,f\nFNDA:-1,f\nend_of_record\n"
      "SF:/s/b.cc\nDA:1,3\nend_of_record\n"
      "SF:/s/a.cc\nDA:5,-1\nend_of_record\n",
      "t.info");
  CHECK(d.files[0].lines == std::map<int, int64_t>{{1, 1}, {2, 1}});
  CHECK(d.files[0].branches.at(2)[0].count == 1);
  CHECK(d.files[0].functions[0].count == 1);
  REQUIRE(d.diagnostics.size() == 1);
  CHECK(d.diagnostics[0].level == Diagnostic::Level::kWarning);
  CHECK(d.diagnostics[0].source == "coverage");
  CHECK_THAT(d.diagnostics[0].message, Catch::Matchers::Contains("/s/a.cc: 5 negative counts") &&
                                           Catch::Matchers::Contains("counted as executed"));
}

TEST_CASE("lcov: odd but well-formed records are skipped, counted once per file, first quoted") {
  struct Case {
    const char* record;
    const char* why;
  };
  // Each is a whole record with an odd value: lcov itself reads past them.
  const Case cases[] = {
      {"DA:x,1", "DA: line number 'x' is not an integer"},
      {"DA:0,1", "DA: line number 0 out of range"},
      {"DA:3000000000,1", "DA: line number 3000000000 out of range"},
      {"DA:1,1.5", "DA: count '1.5' is not a 64-bit integer"},
      {"DA:1,9223372036854775808", "DA: count '9223372036854775808' is not a 64-bit integer"},
      {"DA:1, 1", "DA: count ' 1' is not a 64-bit integer"},
      {"BRDA:0,0,0,1", "BRDA: line number 0 out of range"},       // geninfo, for real
      {"BRDA:7,None,0,1", "BRDA: block 'None' is not a number"},  // gcovr 7's lcov
      {"BRDA:7,x3,0,1", "BRDA: block 'x3' is not a number"},      // an unknown flag
      {"BRDA:7,0,0,many", "BRDA: count 'many' is not a 64-bit integer"},
      {"FN:-4,f", "FN: line number -4 out of range"},
      {"FNDA:x,f", "FNDA: count 'x' is not a 64-bit integer"},
      {"FNA:0,1,f", "FNA index 0 has no FNL"},
  };
  for (const Case& c : cases) {
    INFO(c.record);
    std::string text = std::string("TN:\nSF:/a\nDA:7,2\n") + c.record + "\n" + c.record +
                       "\nBRDA:7,0,0,1\nend_of_record\n";
    CoverageData d = import_lcov(text, "t.info");
    REQUIRE(d.files.size() == 1);
    CHECK(d.files[0].lines.at(7) == 2);  // the good records around them stand
    CHECK(d.files[0].branches.at(7).size() == 1);
    REQUIRE(d.diagnostics.size() == 1);
    CHECK(d.diagnostics[0].level == Diagnostic::Level::kWarning);
    CHECK(d.diagnostics[0].message ==
          std::string("t.info: 2 odd record(s) skipped (well-formed, but with a value stepup "
                      "cannot use); first, at line 4: '") +
              c.record + "': " + c.why);
  }
}

TEST_CASE("lcov: the lcov tool reads the same odd file, the lines agree") {
  // A tracefile with geninfo's line-0 BRDA and gcovr 7's 'None' block: lcov
  // --summary reads it, and its line and branch totals are stepup's.
  test::TempDir dir;
  std::string info =
      dir.write("odd.info",
                "TN:\nSF:/src/a.cc\nFN:3,f\nFNDA:2,f\nDA:3,2\nDA:4,2\nDA:5,0\n"
                "BRDA:0,0,0,1\nBRDA:4,0,0,2\nBRDA:4,0,1,0\nBRDA:4,None,0,1\nend_of_record\n");
  std::string summary =
      test::run({"lcov", "--summary", info, "--rc", "lcov_branch_coverage=1"}, dir.path(), true);
  CoverageData d = import_lcov(test::read_text(info), "odd.info");
  REQUIRE(d.files.size() == 1);
  const FileCoverage& f = d.files[0];
  CHECK(f.lines.size() == 3);
  CHECK(f.branches.at(4).size() == 2);
  CHECK_THAT(summary, Catch::Matchers::Contains("66.7% (2 of 3 lines)"));
  // lcov 1.x drops the 'None' record too, but keeps the one on line 0, which
  // no source line can show: its 3 branches are stepup's 2 plus that one.
  CHECK_THAT(summary, Catch::Matchers::Contains("(2 of 3 branches)"));
  CHECK(d.diagnostics.size() == 1);
}

TEST_CASE("lcov: malformed input names the file and line") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"SF:/a\nDA:1\nend_of_record\n", "t.info:2: DA record needs <line>,<count>"},
      {"SF:/a\nBRDA:1,0,0\nend_of_record\n",
       "t.info:2: BRDA record needs <line>,<block>,<branch>,<taken>"},
      {"SF:/a\nFN:1\nend_of_record\n", "t.info:2: FN record needs <line>,<name>"},
      {"SF:/a\nFNL:0\nend_of_record\n", "t.info:2: FNL record needs <index>,<line>[,<end>]"},
      {"SF:/a\nFNA:0,1\nend_of_record\n", "t.info:2: FNA record needs <index>,<count>,<name>"},
      {"TN:\nDA:1,1\n", "t.info:2: DA record outside SF...end_of_record"},
      {"SF:/a\nend_of_record\nend_of_record\n", "t.info:3: end_of_record without an SF record"},
      {"SF:/a\nSF:/b\nend_of_record\n",
       "t.info:2: SF inside the record for /a (missing end_of_record)"},
      {"TN:\nSF:/a\nDA:1,1\n", "t.info:2: record for /a has no end_of_record"},
      {"", "t.info:1: no SF record: not an lcov tracefile"},
      {"TN:x\n", "t.info:1: no SF record: not an lcov tracefile"},
      {"{\"a\": 1}\n", "t.info:1: not an lcov record: '{\"a\": 1}'"},
      {"SF:/a\nDA:1,1\nhello world\n", "t.info:3: not an lcov record: 'hello world'"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK_THROWS_MATCHES(import_lcov(c.text, "t.info"), InputError,
                         Catch::Matchers::Message(c.message));
  }
}
