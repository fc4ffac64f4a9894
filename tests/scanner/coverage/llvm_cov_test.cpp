#include "scanner/coverage/llvm_cov.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "model/errors.h"
#include "tests/support/temp_repo.h"

using namespace stepup;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

// The fixture's expectations sit on its lines: "// count: N" is the count
// llvm-cov gives that line, worked out by hand from the code and main().
const char* kTemplateHeader = R"(#pragma once

template <typename T>
T clamp_low(T v, T low) {  // count: 3
  if (v < low) {           // count: 3
    return low;            // count: 1
  }
  return v;                // count: 2
}
)";

// Line 24 is the case where llvm-cov keeps the count of the region wrapped
// in from line 23 (the loop body, 7) although a region with a smaller count
// (the never-evaluated right side of &&, 0) starts on it.
const char* kMain = R"(#include "tmpl.h"

int never_called(int x) {  // count: 0
  return x * 2;            // count: 0
}

static int twice(int x) { return x + x; }  // count: 1

int classify(int x) {      // count: 7
  if (x > 5 && x < 100) {  // count: 7
    return 1;              // count: 1
  }

  // A blank line and a comment: skipped regions, not executable.
  return 0;                // count: 6
}

int main() {
  int sum = 0;
  for (int i = 0; i < 7; ++i) {  // count: 8
    if (i == 100) return 2;      // count: 7
    sum += classify(i);          // count: 7
    sum += i > 1000 &&
           i < 5000;             // count: 7
  }
#if 0
  sum += never_called(sum);
#endif
  sum += clamp_low(3, 5);
  sum += clamp_low(9, 5);
  sum += static_cast<int>(clamp_low(1.5, 0.5));
  sum += twice(sum);
  return sum == -1 ? 1 : 0;
}
)";

// The llvm tools matching the clang++ on PATH; Debian also keeps them under
// /usr/lib/llvm-N/bin when the unversioned names are not installed.
std::string llvm_tool(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (!dir.empty() && fs::exists(fs::path(dir) / name)) return (fs::path(dir) / name).string();
  }
  return "/usr/lib/llvm-14/bin/" + name;
}

std::map<int, int64_t> expected_counts(const std::string& source) {
  std::map<int, int64_t> out;
  std::stringstream in(source);
  int line = 0;
  for (std::string text; std::getline(in, text);) {
    ++line;
    size_t at = text.find("// count: ");
    if (at != std::string::npos) out[line] = std::stoll(text.substr(at + 10));
  }
  return out;
}

// `llvm-cov show`'s own line view: "   12|      7|code" for a counted line,
// "   13|       |code" for one it does not count.
std::map<int, int64_t> shown_counts(const std::string& show) {
  std::map<int, int64_t> out;
  static const std::regex kRow(R"(^ *(\d+)\| *(\d*)\|)");
  std::stringstream in(show);
  for (std::string row; std::getline(in, row);) {
    std::smatch m;
    if (std::regex_search(row, m, kRow) && m[2].length() > 0) {
      out[std::stoi(m[1])] = std::stoll(m[2]);
    }
  }
  return out;
}

// The fixture compiled with clang's source-based coverage, run once, and
// exported by llvm-cov: built once for every test that reads it.
struct RealExport {
  test::TempDir dir;
  std::string main_cpp, tmpl_h;
  std::string json;
  CoverageData data;
};

const RealExport& real_export() {
  static std::unique_ptr<RealExport> made;
  if (made) return *made;
  auto e = std::make_unique<RealExport>();
  const std::string& d = e->dir.path();
  e->tmpl_h = e->dir.write("tmpl.h", kTemplateHeader);
  e->main_cpp = e->dir.write("main.cpp", kMain);
  test::run({"clang++", "-fprofile-instr-generate", "-fcoverage-mapping", "-O0", "main.cpp", "-o",
             "a.out"},
            d);
  test::run({"env", "LLVM_PROFILE_FILE=" + d + "/prof.profraw", "./a.out"}, d);
  test::run({llvm_tool("llvm-profdata"), "merge", "-o", "prof.profdata", "prof.profraw"}, d);
  e->json =
      test::run({llvm_tool("llvm-cov"), "export", "./a.out", "-instr-profile=prof.profdata"}, d);
  e->data = import_llvm_cov(e->json, d + "/export.json");
  made = std::move(e);
  return *made;
}

const FileCoverage& file_named(const CoverageData& data, const std::string& path) {
  for (const auto& f : data.files) {
    if (f.path == path) return f;
  }
  FAIL("no coverage for " << path);
  throw;  // unreachable: FAIL throws
}

std::string export_doc(const std::string& files, const std::string& functions = "[]",
                       const std::string& version = "2.0.1") {
  return R"({"type": "llvm.coverage.json.export", "version": ")" + version +
         R"(", "data": [{"files": )" + files + R"(, "functions": )" + functions +
         R"(, "totals": {}}]})";
}

// One file, /src/a.cpp, with these segments.
std::string segments_doc(const std::string& segments) {
  return export_doc(R"([{"filename": "/src/a.cpp", "segments": )" + segments +
                    R"(, "branches": [], "summary": {}}])");
}

std::map<int, int64_t> lines_of(const std::string& segments) {
  CoverageData data = import_llvm_cov(segments_doc(segments), "/cov/export.json");
  REQUIRE(data.files.size() == 1);
  return data.files[0].lines;
}

}  // namespace

TEST_CASE("llvm-cov export: per-file line totals equal llvm-cov's own summary") {
  const RealExport& e = real_export();
  nlohmann::json doc = nlohmann::json::parse(e.json);
  const auto& files = doc["data"][0]["files"];
  REQUIRE(files.size() == 2);
  REQUIRE(e.data.files.size() == 2);
  for (const auto& f : files) {
    const FileCoverage& ours = file_named(e.data, f["filename"].get<std::string>());
    int64_t covered = 0;
    for (const auto& [line, count] : ours.lines) covered += count > 0;
    INFO(ours.path);
    CHECK(static_cast<int64_t>(ours.lines.size()) == f["summary"]["lines"]["count"].get<int64_t>());
    CHECK(covered == f["summary"]["lines"]["covered"].get<int64_t>());
    // llvm-cov counts a template's branch outcomes once, covered as often as
    // in its best instantiation; we add the instantiations' counts. The two
    // agree when, as here, the best instantiation takes every outcome any
    // other takes (clamp_low<int> takes both sides of v < low).
    int64_t outcomes = 0, taken = 0;
    for (const auto& [line, branches] : ours.branches) {
      for (const auto& b : branches) {
        ++outcomes;
        taken += b.count > 0;
      }
    }
    CHECK(outcomes == f["summary"]["branches"]["count"].get<int64_t>());
    CHECK(taken == f["summary"]["branches"]["covered"].get<int64_t>());
  }
  CHECK(e.data.format == "llvm-cov 2.0.1");
  CHECK(e.data.diagnostics.empty());
}

TEST_CASE("llvm-cov export: every line's count is the one llvm-cov show prints") {
  const RealExport& e = real_export();
  for (const std::string& path : {e.main_cpp, e.tmpl_h}) {
    std::string show =
        test::run({llvm_tool("llvm-cov"), "show", "./a.out", "-instr-profile=prof.profdata",
                   "-show-instantiations=false", path},
                  e.dir.path());
    INFO(path);
    CHECK(file_named(e.data, path).lines == shown_counts(show));
  }
}

TEST_CASE("llvm-cov export: the fixture's hand-computed counts") {
  const RealExport& e = real_export();
  const FileCoverage& main_cpp = file_named(e.data, e.main_cpp);
  const FileCoverage& tmpl_h = file_named(e.data, e.tmpl_h);
  for (const auto& [line, count] : expected_counts(kMain)) {
    INFO("main.cpp:" << line);
    REQUIRE(main_cpp.lines.count(line));
    CHECK(main_cpp.lines.at(line) == count);
  }
  for (const auto& [line, count] : expected_counts(kTemplateHeader)) {
    INFO("tmpl.h:" << line);
    REQUIRE(tmpl_h.lines.count(line));
    CHECK(tmpl_h.lines.at(line) == count);
  }
  // Blank, comment and #if 0 lines are not executable.
  for (int line : {2, 6, 13, 14, 26, 27, 28}) CHECK_FALSE(main_cpp.lines.count(line));

  // Functions: demangled (the static one has a "main.cpp:" prefix in the
  // profile), at the line where the body starts, in line order.
  REQUIRE(main_cpp.functions.size() == 4);
  CHECK(main_cpp.functions[0].name == "never_called(int)");
  CHECK(main_cpp.functions[0].line == 3);
  CHECK(main_cpp.functions[0].count == 0);
  CHECK(main_cpp.functions[1].name == "twice(int)");
  CHECK(main_cpp.functions[1].line == 7);
  CHECK(main_cpp.functions[1].count == 1);
  CHECK(main_cpp.functions[2].name == "classify(int)");
  CHECK(main_cpp.functions[2].count == 7);
  CHECK(main_cpp.functions[3].name == "main");
  CHECK(main_cpp.functions[3].line == 18);
  // clamp_low<int> ran twice, clamp_low<double> once: one entry, 3 calls.
  REQUIRE(tmpl_h.functions.size() == 1);
  CHECK(tmpl_h.functions[0].line == 4);
  CHECK(tmpl_h.functions[0].count == 3);
  CHECK(tmpl_h.functions[0].name == "double clamp_low<double>(double, double)");

  // Branches: (true, false) per condition, in column order.
  auto counts = [](const FileCoverage& f, int line) {
    std::vector<int64_t> out;
    if (f.branches.count(line)) {
      for (const auto& b : f.branches.at(line)) out.push_back(b.count);
    }
    return out;
  };
  // x > 5 is true for 6..6 (one call of seven), x < 100 then always true.
  CHECK(counts(main_cpp, 10) == std::vector<int64_t>{1, 6, 1, 0});
  CHECK(counts(main_cpp, 20) == std::vector<int64_t>{7, 1});
  CHECK(counts(main_cpp, 24) == std::vector<int64_t>{0, 0});  // never evaluated
  // v < low: int (3<5 true, 9<5 false) plus double (1.5<0.5 false), added.
  CHECK(counts(tmpl_h, 5) == std::vector<int64_t>{1, 2});
}

TEST_CASE("llvm-cov export: the wrapped segment's count takes part in the max") {
  // Line 3: a region of 3 starts inside one of 10 carried in from line 1.
  auto lines = lines_of(R"([[1, 1, 10, true, true, false], [3, 5, 3, true, true, false],
                            [3, 9, 10, true, false, false], [5, 2, 0, false, false, false]])");
  CHECK(lines == std::map<int, int64_t>{{1, 10}, {2, 10}, {3, 10}, {4, 10}, {5, 10}});
  // Lines after the last segment are not walked.
  CHECK_FALSE(lines.count(6));
}

TEST_CASE("llvm-cov export: gap regions do not start a line's count") {
  // Line 2 starts only a gap (count 9): it takes the wrapped 5. Line 3 wraps
  // the gap segment, whose count then counts like any wrapped one.
  auto lines = lines_of(R"([[1, 1, 5, true, true, false], [2, 4, 9, true, true, true],
                            [3, 1, 2, true, true, false], [4, 1, 0, false, false, false]])");
  CHECK(lines == std::map<int, int64_t>{{1, 5}, {2, 5}, {3, 9}, {4, 2}});
  // With nothing counted wrapped in, a line that starts only a gap is not
  // executable.
  CHECK(lines_of(R"([[1, 1, 0, false, false, false], [2, 3, 4, true, true, true]])").empty());
}

TEST_CASE("llvm-cov export: skipped regions and 2.0.0's five-value segments") {
  // Line 2 opens a skipped region (entry without a count); line 3 is inside
  // it; line 4 only ends it, so nothing counted starts on or wraps into it.
  auto lines = lines_of(R"([[1, 1, 1, true, true], [2, 1, 0, false, true],
                            [4, 1, 1, true, false], [6, 1, 0, false, false]])");
  CHECK(lines == std::map<int, int64_t>{{1, 1}, {5, 1}, {6, 1}});
}

TEST_CASE("llvm-cov export: versions") {
  std::string files = R"([{"filename": "/src/a.cpp", "segments": []}])";
  CHECK(import_llvm_cov(export_doc(files, "[]", "2.0.0"), "x").format == "llvm-cov 2.0.0");
  CHECK(import_llvm_cov(export_doc(files, "[]", "3.0.1"), "x").format == "llvm-cov 3.0.1");
  CHECK_THROWS_MATCHES(
      import_llvm_cov(export_doc(files, "[]", "1.2.0"), "/cov/e.json"), InputError,
      Catch::Matchers::Message("/cov/e.json: llvm-cov export version \"1.2.0\" is not supported "
                               "(supported: 2.0.0, 2.0.1 and 3.x)"));
  CHECK_THROWS_WITH(import_llvm_cov(R"({"type": "other", "version": "2.0.1", "data": []})", "x"),
                    Contains("not an llvm-cov export"));
}

TEST_CASE("llvm-cov export: malformed JSON names line and column") {
  std::string doc = segments_doc("[[1, 1, 5, true, true, false]]");
  std::string text = "\n\n" + doc.substr(0, doc.find("true"));  // ends after "5, "
  size_t col = text.size() - text.rfind('\n');
  CHECK_THROWS_WITH(
      import_llvm_cov(text, "/cov/export.json"),
      Contains("/cov/export.json:3:" + std::to_string(col) + ": malformed llvm-cov export"));
  CHECK_THROWS_AS(import_llvm_cov("", "x"), InputError);
  // Too large even for a double: not a parse_error in nlohmann.
  CHECK_THROWS_WITH(import_llvm_cov(segments_doc("[[1, 1, 1e999, true, true, false]]"), "x"),
                    Contains("x: malformed llvm-cov export"));
}

TEST_CASE("llvm-cov export: wrong shapes name the source file") {
  auto message_for = [](const std::string& segments) {
    try {
      import_llvm_cov(segments_doc(segments), "/cov/export.json");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK_THAT(message_for("{}"),
             Contains("/cov/export.json: /src/a.cpp: \"segments\" is not an array"));
  CHECK_THAT(message_for("[3]"), Contains("/src/a.cpp: segments: entry 0 is not an array"));
  CHECK_THAT(message_for("[[1, 1, 5, true]]"), Contains("/src/a.cpp: segments: entry 0"));
  CHECK_THAT(message_for("[[3, 1, 3, true, true], [2, 1, 3, true, true]]"),
             Contains("/src/a.cpp: segment 1: line 2 comes after line 3"));
  // Two segments can claim more lines than any export of a few bytes holds.
  CHECK_THAT(message_for("[[1, 1, 1, true, true], [2000000000, 1, 0, false, false]]"),
             Contains("/src/a.cpp: segments cover more lines"));

  CHECK_THROWS_WITH(
      import_llvm_cov(export_doc(R"([{"filename": "/src/a.cpp", "summary": {}}])"), "x"),
      Contains("/src/a.cpp: no \"segments\" (was the export made with -summary-only?)"));
  CHECK_THROWS_WITH(import_llvm_cov(export_doc(R"([{"filename": "/src/a.cpp", "segments": []},
                                                  {"filename": "/src/a.cpp", "segments": []}])"),
                                    "x"),
                    Contains("x: /src/a.cpp: listed twice"));
  CHECK_THROWS_WITH(import_llvm_cov(export_doc(R"([{"filename": "/src/a.cpp", "segments": [],
                                      "branches": [[1, 2, 1, 5, 1]]}])"),
                                    "x"),
                    Contains("/src/a.cpp: branches: entry 0 is not an array of at least 6 values"));
}

TEST_CASE("llvm-cov export: odd values are skipped, counted once per file, first quoted") {
  struct Case {
    const char* segment;
    const char* why;
  };
  const Case cases[] = {
      {R"([2, 5, "5", true, true])", "'\"5\"': count is not a whole number"},
      {"[2, 5, 2.5, true, true]", "'2.5': count is not a whole number"},
      {"[2, 5, -3, true, true]", "'-3': negative count"},
      {"[2, 5, 3, 1, true]", "'1': not true or false"},
      {"[-1, 1, 3, true, true]", "'-1': line or column is not a number from 0 to"},
  };
  for (const Case& c : cases) {
    INFO(c.segment);
    CoverageData d = import_llvm_cov(segments_doc(std::string("[[2, 1, 7, true, true], ") +
                                                  c.segment + ", [2, 9, 0, false, false]]"),
                                     "/cov/export.json");
    REQUIRE(d.files.size() == 1);
    CHECK(d.files[0].lines == std::map<int, int64_t>{{2, 7}});  // the good segments stand
    REQUIRE(d.diagnostics.size() == 1);
    CHECK_THAT(d.diagnostics[0].message,
               Contains("/cov/export.json: 1 odd record(s) skipped") &&
                   Contains("first, at /cov/export.json: /src/a.cpp: segment 1: ") &&
                   Contains(c.why));
  }
  CoverageData f = import_llvm_cov(export_doc("[]", R"([{"name": "_Z1fv", "count": "x",
                                                "regions": [], "filenames": ["/src/a.cpp"]}])"),
                                   "x");
  CHECK(f.files.empty());
  REQUIRE(f.diagnostics.size() == 1);
  CHECK_THAT(f.diagnostics[0].message, Contains("x: function _Z1fv: '\"x\"': count is not"));
}

TEST_CASE("llvm-cov export: counts past INT64_MAX are clamped, with a diagnostic") {
  std::string doc = export_doc(
      R"([{"filename": "/src/a.cpp", "segments": [[1, 1, 18446744073709551615, true, true, false],
                                                 [2, 2, 0, false, false, false]],
           "branches": [[1, 3, 1, 9, 9223372036854775807, 0, 0, 0, 4],
                        [1, 3, 1, 9, 5, 0, 0, 0, 4]]}])");
  CoverageData data = import_llvm_cov(doc, "/cov/export.json");
  REQUIRE(data.files.size() == 1);
  constexpr int64_t kMax = 9223372036854775807;
  CHECK(data.files[0].lines == std::map<int, int64_t>{{1, kMax}, {2, kMax}});
  REQUIRE(data.files[0].branches.at(1).size() == 2);
  CHECK(data.files[0].branches.at(1)[0].count == kMax);  // added, then clamped
  REQUIRE(data.diagnostics.size() == 1);
  CHECK(data.diagnostics[0].level == Diagnostic::Level::kWarning);
  CHECK_THAT(data.diagnostics[0].message,
             Contains("/src/a.cpp: counts above 9223372036854775807 were clamped"));
}

TEST_CASE("llvm-cov export: function names and placement") {
  std::string functions = R"([
    {"name": "a.cpp:_ZL5twicei", "count": 4, "filenames": ["/src/a.cpp"],
     "regions": [[7, 25, 7, 42, 4, 0, 0, 0]], "branches": []},
    {"name": "_Zbroken", "count": 1, "filenames": ["/src/a.cpp"],
     "regions": [[3, 1, 4, 2, 1, 1, 0, 0], [9, 1, 12, 2, 1, 0, 0, 0]], "branches": []},
    {"name": "c_function", "count": 2, "filenames": ["/src/b.c"],
     "regions": [[2, 1, 3, 2, 2, 0, 0, 0]], "branches": []},
    {"name": "_Z5emptyv", "count": 2, "filenames": ["/src/a.cpp"], "regions": []}])";
  CoverageData data = import_llvm_cov(
      export_doc(R"([{"filename": "/src/a.cpp", "segments": []}])", functions), "x");
  REQUIRE(data.files.size() == 2);
  const FileCoverage& a = data.files[0];
  REQUIRE(a.functions.size() == 2);  // the one without regions has no place
  CHECK(a.functions[0].name == "twice(int)");
  CHECK(a.functions[0].line == 7);
  CHECK(a.functions[0].count == 4);
  CHECK(a.functions[1].name == "_Zbroken");  // kept raw when it does not demangle
  CHECK(a.functions[1].line == 9);           // line 3 is in another file (ID 1)
  // A function whose file has no segments still gets its file.
  CHECK(data.files[1].path == "/src/b.c");
  REQUIRE(data.files[1].functions.size() == 1);
  CHECK(data.files[1].functions[0].name == "c_function");
  CHECK(data.files[1].lines.empty());
}
