#include "scanner/coverage/map.h"

#include <catch2/catch.hpp>

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
  auto m = map_coverage({report({cov("/elsewhere/parser.cc", {{1, 1}}),   // 1 component
                                 cov("/ci/x/src/parser.cc", {{1, 1}}),    // a/ or b/?
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
  auto m = map_coverage(
      {report({cov("/build/agent/work/lib/a.cc", {{1, 1}}),  // path_map
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
  auto m = map_coverage({report({cov("/usr/include/stdio.h", {{1, 1}}),
                                 cov(root.path() + "/third_party/z.h", {{1, 1}}),
                                 cov("a.cc", {{1, 1}})})},
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
