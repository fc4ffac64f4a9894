#include "scanner/coverage/map.h"

#include <catch2/catch.hpp>

#include "scanner/coverage/cobertura.h"
#include "scanner/coverage/gcovr.h"
#include "scanner/coverage/lcov.h"
#include "scanner/coverage/llvm_cov.h"
#include "tests/support/temp_repo.h"

using namespace stepup;
using Catch::Contains;

namespace {

std::vector<SourceFile> repo_files(std::initializer_list<const char*> paths) {
  std::vector<SourceFile> out;
  for (const char* p : paths) out.push_back({p, "", false, false, false});
  return out;
}

FileCoverage cov(const std::string& path, std::map<int, int64_t> lines,
                 std::vector<std::string> bases = {}) {
  FileCoverage f;
  f.path = path;
  f.bases = std::move(bases);
  f.lines = std::move(lines);
  return f;
}

CoverageData report(std::vector<FileCoverage> files) {
  CoverageData d;
  d.files = std::move(files);
  return d;
}

}  // namespace

TEST_CASE("coverage made in another checkout maps by unambiguous suffix") {
  test::TempDir root;
  auto files = repo_files({"src/net/parser.cc", "src/db/parser.cc", "include/x.h"});
  auto m = map_coverage({report({cov("/ci/builds/abc/checkout/src/net/parser.cc", {{3, 1}}),
                                 cov("/ci/builds/abc/checkout/include/x.h", {{1, 0}})})},
                        {"cov.json"}, root.path(), files, {});
  REQUIRE(m.files[0]);
  CHECK(m.files[0]->lines.at(3) == 1);
  CHECK_FALSE(m.files[1]);
  REQUIRE(m.files[2]);
  CHECK(m.diagnostics.empty());
}

TEST_CASE("a basename alone or an ambiguous suffix does not map") {
  test::TempDir root;
  auto files = repo_files({"a/src/parser.cc", "b/src/parser.cc", "c/net/parser.cc"});
  auto m = map_coverage({report({cov("/elsewhere/parser.cc", {{1, 1}}),  // 1 component
                                 cov("/ci/x/src/parser.cc", {{1, 1}}),   // a/ or b/?
                                 cov("/ci/x/c/net/parser.cc", {{1, 1}})})},
                        {"cov.json"}, root.path(), files, {});
  CHECK_FALSE(m.files[0]);
  CHECK_FALSE(m.files[1]);
  CHECK(m.files[2]);
  REQUIRE(m.diagnostics.size() == 2);
  CHECK(m.diagnostics[0].message ==
        "cov.json: 1 file(s) match several repository files by suffix and were not used "
        "(add path_map rules to .stepup.json): /ci/x/src/parser.cc");
  CHECK(m.diagnostics[1].message ==
        "cov.json: 1 file(s) match no repository file (deleted since, or generated): "
        "/elsewhere/parser.cc");
}

TEST_CASE("half the paths match nothing: one diagnostic lists them") {
  test::TempDir root;
  auto files = repo_files({"a.cc", "b.cc"});
  auto m = map_coverage({report({cov("a.cc", {{1, 1}}), cov("gone.cc", {{1, 1}}),
                                 cov("b.cc", {{1, 0}}), cov("gen/out.cc", {{1, 1}})})},
                        {"half.info"}, root.path(), files, {});
  REQUIRE(m.diagnostics.size() == 1);
  CHECK(m.diagnostics[0].message ==
        "half.info: 2 file(s) match no repository file (deleted since, or generated): "
        "gone.cc, gen/out.cc");
}

TEST_CASE("a report that matches nothing is an error diagnostic that says why") {
  test::TempDir root;
  auto m = map_coverage({report({cov("/nowhere/x.cc", {{1, 1}})})}, {"c.xml"}, root.path(),
                        repo_files({"src/y.cc"}), {});
  REQUIRE(m.diagnostics.size() == 1);
  CHECK(m.diagnostics[0].level == Diagnostic::Level::kError);
  CHECK_THAT(m.diagnostics[0].message, Contains("none of its 1 file(s) matched"));
  CHECK_THAT(m.diagnostics[0].message, Contains("path_map"));
}

TEST_CASE("path_map rules, bases, ../ and case differences") {
  test::TempDir root;
  auto files = repo_files({"src/Net/Parser.cc", "lib/a.cc", "lib/b.cc"});
  auto m = map_coverage({report({cov("/build/agent/work/lib/a.cc", {{1, 1}}),  // path_map
                                 cov("../lib/b.cc", {{2, 1}}, {"build"}),      // relative to a base
                                 cov(root.path() + "/src/net/parser.cc", {{3, 1}})})},  // case
                        {"c"}, root.path(), files, {{"/build/agent/work/", ""}});
  CHECK(m.files[1]);
  CHECK(m.files[2]);
  CHECK(m.files[0]);
  CHECK(m.diagnostics.empty());
}

TEST_CASE("system headers and excluded folders are ignored quietly") {
  test::TempDir root;
  root.write("third_party/z.h", "int z;\n");
  auto m = map_coverage(
      {report({cov("/usr/include/stdio.h", {{1, 1}}),
               cov(root.path() + "/third_party/z.h", {{1, 1}}), cov("a.cc", {{1, 1}})})},
      {"c"}, root.path(), repo_files({"a.cc"}), {});
  REQUIRE(m.diagnostics.size() == 2);
  for (const auto& d : m.diagnostics) CHECK(d.level == Diagnostic::Level::kInfo);
}

TEST_CASE("records for one file merge: hits and branches add, functions by name and line") {
  test::TempDir root;
  FileCoverage tu1 = cov("/r/h.h", {{1, 2}, {2, 0}});
  tu1.branches[2] = {{1, true, false}, {0, true, false}};
  tu1.functions = {{"Foo::Foo()", 1, 1}};  // C1 variant
  FileCoverage tu2 = cov("/r/h.h", {{2, 3}});
  tu2.branches[2] = {{0, false, false}, {4, true, false}};
  tu2.functions = {{"Foo::Foo()", 1, 2}};  // C2 variant, same demangled name
  auto m = map_coverage({report({tu1}), report({tu2})}, {"a", "b"}, root.path(),
                        repo_files({"h.h"}), {{"/r/", ""}});
  REQUIRE(m.files[0]);
  const FileCoverage& f = *m.files[0];
  CHECK(f.lines == std::map<int, int64_t>{{1, 2}, {2, 3}});
  CHECK(f.branches.at(2)[0].count == 1);
  CHECK(f.branches.at(2)[1].count == 4);
  REQUIRE(f.functions.size() == 1);
  CHECK(f.functions[0].count == 3);
  Coverage t = file_totals(f);
  CHECK(t.lines_total == 2);
  CHECK(t.lines_covered == 2);
  CHECK(t.branches_total == 2);
  CHECK(t.branches_covered == 2);
  CHECK(t.functions_total == 1);
}

TEST_CASE("exclusion markers remove lines and branches") {
  const char* text =
      "int a;            // 1\n"
      "int b; // GCOVR_EXCL_LINE\n"
      "// LCOV_EXCL_START\n"
      "int c;            // 4\n"
      "// LCOV_EXCL_STOP\n"
      "if (x) y(); // GCOVR_EXCL_BR_LINE\n";
  Exclusions ex = exclusion_markers(text);
  CHECK(ex.lines == std::set<int>{2, 3, 4, 5});
  CHECK(ex.branches == std::set<int>{6});
  FileCoverage f = cov("a.cc", {{1, 1}, {2, 0}, {4, 0}, {6, 1}});
  f.branches[6] = {{1, true, false}, {0, true, false}};
  f.branches[1] = {{1, true, false}, {0, true, true}};
  apply_exclusions(f, ex);
  Coverage t = file_totals(f);
  CHECK(t.lines_total == 2);
  CHECK(t.lines_covered == 2);
  // Line 1's exception-only branch is left out, but kept in the raw figures.
  CHECK(t.branches_total == 1);
  CHECK(t.branches_total_with_exceptions == 2);
  CHECK(range_totals(f, 5, 6).lines_total == 1);
}

namespace {

// One repo file's totals after mapping, the way a scan reads them.
Coverage mapped_totals(const CoverageData& data, const std::string& root) {
  auto files = repo_files({"templates.cpp"});
  MappedCoverage m = map_coverage({data}, {"cov"}, root, files, {});
  REQUIRE(m.files[0]);
  return file_totals(*m.files[0]);
}

void same_totals(const Coverage& a, const Coverage& b) {
  CHECK(a.lines_total == b.lines_total);
  CHECK(a.lines_covered == b.lines_covered);
  CHECK(a.branches_total == b.branches_total);
  CHECK(a.branches_covered == b.branches_covered);
  CHECK(a.functions_total == b.functions_total);
  CHECK(a.functions_covered == b.functions_covered);
}

std::string copy_templates_fixture(const test::TempDir& dir) {
  return dir.write("templates.cpp", test::read_text(std::string(STEPUP_SOURCE_DIR) +
                                                    "/tests/fixtures/templates/templates.cpp"));
}

}  // namespace

TEST_CASE("one gcc run: geninfo's lcov and gcovr's JSON give the same totals") {
  test::TempDir dir;
  copy_templates_fixture(dir);
  test::run({"g++", "--coverage", "-O0", "-o", "prog", "templates.cpp"}, dir.path());
  test::run({"./prog"}, dir.path());
  test::run({"geninfo", "--quiet", "--rc", "lcov_branch_coverage=1", ".", "-o", "run.info"},
            dir.path());
  std::string json = test::run({"gcovr", "--root", dir.path(), dir.path(), "--json"}, dir.path());
  Coverage from_lcov =
      mapped_totals(import_lcov(test::read_text(dir.path() + "/run.info"), "l"), dir.path());
  Coverage from_gcovr = mapped_totals(import_gcovr_json(json, "g"), dir.path());
  same_totals(from_lcov, from_gcovr);
  // By hand: clamp_sum<int, double, long> repeat lines 8 and 9's branches,
  // Box<int, double>::big line 16's; each position adds up over them.
  // Line 8: [1, 2, 1, 0], line 9: [1, 1], line 16: [1, 1, 0, 1].
  CHECK(from_lcov.branches_total == 10);
  CHECK(from_lcov.branches_covered == 8);
  // Four functions in the source (clamp_sum, Box::big, plain, main), not
  // one per instantiation.
  CHECK(from_lcov.functions_total == 4);
}

TEST_CASE("one llvm-cov run: its JSON and its lcov export give the same totals") {
  test::TempDir dir;
  copy_templates_fixture(dir);
  test::run({"clang++", "-fprofile-instr-generate", "-fcoverage-mapping", "-O0", "-o", "prog",
             "templates.cpp"},
            dir.path());
  test::run({"env", "LLVM_PROFILE_FILE=run.profraw", "./prog"}, dir.path(), true);
  test::run({"llvm-profdata", "merge", "-o", "run.profdata", "run.profraw"}, dir.path());
  std::string json =
      test::run({"llvm-cov", "export", "./prog", "-instr-profile=run.profdata"}, dir.path());
  std::string lcov = test::run(
      {"llvm-cov", "export", "-format=lcov", "./prog", "-instr-profile=run.profdata"}, dir.path());
  Coverage from_json = mapped_totals(import_llvm_cov(json, "j"), dir.path());
  Coverage from_lcov = mapped_totals(import_lcov(lcov, "l"), dir.path());
  same_totals(from_json, from_lcov);
  // By hand, each condition's outcomes added over its instantiations
  // (true, false): line 8 `s > hi` (1, 2) and `hi > 0` (1, 0); line 9 (1, 1);
  // line 16 `v > 10` (1, 1) and `v < -10` (0, 1); the macro's condition,
  // shown at its use on line 19, (0, 1). 12 outcomes, 9 taken.
  CHECK(from_json.branches_total == 12);
  CHECK(from_json.branches_covered == 9);
  CHECK(from_json.functions_total == 4);
}

TEST_CASE("a Cobertura report written on Windows maps onto the repo") {
  test::TempDir root;
  auto files = repo_files({"src/net/parser.cc", "src/db/parser.cc"});
  const char* xml = R"(<?xml version="1.0"?>
<coverage><sources><source>C:\build\proj</source></sources><packages><package><classes>
<class filename="src\net\parser.cc"><lines><line number="3" hits="2"/></lines></class>
<class filename="SRC\DB\Parser.cc"><lines><line number="5" hits="0"/></lines></class>
</classes></package></packages></coverage>)";
  MappedCoverage m =
      map_coverage({import_cobertura(xml, "win.xml")}, {"win.xml"}, root.path(), files, {});
  REQUIRE(m.files[0]);
  CHECK(m.files[0]->lines.at(3) == 2);
  REQUIRE(m.files[1]);
  CHECK(m.files[1]->lines.at(5) == 0);
  CHECK(m.diagnostics.empty());
}

TEST_CASE("exclusion markers read alike with any line ending, unmatched ones exclude nothing") {
  const std::string lf =
      "int a;\n"                     // 1
      "// GCOVR_EXCL_START\n"        // 2
      "int b;\n"                     // 3
      "// GCOVR_EXCL_STOP\n"         // 4
      "int c; // LCOV_EXCL_LINE\n";  // 5
  for (std::string eol : {"\n", "\r\n", "\r"}) {
    std::string text;
    for (char c : lf) text += c == '\n' ? eol : std::string(1, c);
    Exclusions ex = exclusion_markers(text);
    CHECK(ex.lines == std::set<int>{2, 3, 4, 5});
    CHECK(ex.unmatched.empty());
  }
  // gcovr's rule: a region never closed excludes nothing; a stray _STOP
  // does nothing. Both are named with their line.
  Exclusions open = exclusion_markers(
      "int a;\n// GCOVR_EXCL_STOP\nint b;\n// LCOV_EXCL_BR_START\n// GCOVR_EXCL_START\nint c;\n");
  CHECK(open.lines.empty());
  CHECK(open.branches.empty());
  REQUIRE(open.unmatched.size() == 3);
  CHECK(open.unmatched[0].line == 2);
  CHECK(open.unmatched[0].marker == "GCOVR_EXCL_STOP");
  CHECK(open.unmatched[1].line == 4);
  CHECK(open.unmatched[1].marker == "LCOV_EXCL_BR_START");
  CHECK(open.unmatched[2].line == 5);
  CHECK(open.unmatched[2].marker == "GCOVR_EXCL_START");
}
