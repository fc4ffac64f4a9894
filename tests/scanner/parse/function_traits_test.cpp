// The fixtures in tests/fixtures/facts carry their expected function facts
// inline, written by hand from docs/signals.md's definitions:
//   // expect-facts: name=N trivial=accessor macro=yes internal=no ...
// applies to the first function named N defined after the comment.
#include "scanner/parse/function_traits.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <sstream>

#include "app/pipeline.h"
#include "tests/support/temp_repo.h"

namespace fs = std::filesystem;
using namespace stepup;

namespace {

struct Expectation {
  int line = 0;
  std::map<std::string, std::string> keys;
  std::string get(const std::string& key, const std::string& otherwise) const {
    auto it = keys.find(key);
    return it == keys.end() ? otherwise : it->second;
  }
};

std::vector<Expectation> expectations_in(const std::string& text) {
  const std::string kTag = "// expect-facts:";
  std::vector<Expectation> out;
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    size_t at = line.find(kTag);
    if (at == std::string::npos) continue;
    Expectation e;
    e.line = n;
    std::istringstream words(line.substr(at + kTag.size()));
    for (std::string w; words >> w;) {
      size_t eq = w.find('=');
      REQUIRE(eq != std::string::npos);
      e.keys[w.substr(0, eq)] = w.substr(eq + 1);
    }
    out.push_back(e);
  }
  return out;
}

std::string yes_no(bool b) { return b ? "yes" : "no"; }

ScanResult scan_fixtures() {
  const fs::path fixtures = fs::path(STEPUP_SOURCE_DIR) / "tests/fixtures/facts";
  test::TempDir repo;
  for (const auto& entry : fs::directory_iterator(fixtures)) {
    fs::copy_file(entry.path(), fs::path(repo.path()) / entry.path().filename());
  }
  SystemProcessRunner runner;
  ScanOptions options;
  options.repo = repo.path();
  options.jobs = 2;
  ScanResult r = run_scan(options, runner);
  return r;
}

}  // namespace

TEST_CASE("function facts match the hand-written expectations in every fixture") {
  ScanResult result = scan_fixtures();
  int checked = 0;
  for (const FileFacts& file : result.report.files) {
    INFO("fixture " << file.path);
    auto expected = expectations_in(file.source);
    // Every function the scan lists has an expectation, and no more.
    CHECK(file.functions.size() == expected.size());
    for (const Expectation& e : expected) {
      const FunctionFacts* fn = nullptr;
      for (const auto& f : file.functions) {
        if (f.line > e.line && f.name == e.get("name", f.name) && (!fn || f.line < fn->line)) {
          fn = &f;
        }
      }
      INFO("expect-facts at line " << e.line << " name " << e.get("name", "?"));
      REQUIRE(fn != nullptr);
      INFO("function " << fn->qualified_name << " at line " << fn->line);
      CHECK(fn->trivial == (e.get("trivial", "-") == "-" ? "" : e.get("trivial", "")));
      CHECK(yes_no(fn->from_macro) == e.get("macro", "no"));
      CHECK(yes_no(fn->internal_linkage) == e.get("internal", "no"));
      CHECK(yes_no(fn->is_constexpr) == e.get("constexpr", "no"));
      CHECK(yes_no(fn->is_template) == e.get("template", "no"));
      ++checked;
    }
    CHECK_FALSE(file.parse_errors);
  }
  CHECK(checked >= 35);
  for (const auto& d : result.report.diagnostics) CHECK(d.source != "parse");
}

TEST_CASE("a function a macro writes is reported at the macro's line, its body measured there") {
  test::TempDir repo;
  repo.write("m.cpp",
             "#define TEST_BODY(name) void name##_body(int x)\n"
             "#define GETTER(f) int get_##f() const { if (f##_) return f##_; return 0; }\n"
             "struct S {\n"
             "  GETTER(v)\n"
             "  int v_ = 0;\n"
             "};\n"
             "TEST_BODY(check) {\n"
             "  if (x > 1) x = 0;\n"
             "}\n");
  SystemProcessRunner runner;
  ScanOptions options;
  options.repo = repo.path();
  ScanResult r = run_scan(options, runner);
  REQUIRE(r.report.files.size() == 1);
  const auto& fns = r.report.files[0].functions;
  REQUIRE(fns.size() == 2);
  CHECK(fns[0].name == "get_v");
  CHECK(fns[0].from_macro);
  CHECK(fns[0].line == 4);
  CHECK(fns[0].end_line == 4);
  // Control flow in a macro's body is not counted (docs/report-format.md).
  CHECK(fns[0].cyclomatic == 1);
  CHECK(fns[1].name == "check_body");
  CHECK(fns[1].from_macro);
  CHECK(fns[1].line == 7);
  CHECK(fns[1].end_line == 9);
  // The body is written in the file: its if counts.
  CHECK(fns[1].cyclomatic == 2);
}
