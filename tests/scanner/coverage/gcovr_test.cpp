#include "scanner/coverage/gcovr.h"

#include <catch2/catch.hpp>

#include "model/errors.h"
#include "scanner/coverage/import.h"

using namespace stepup;
using Catch::Contains;

TEST_CASE("gcovr 5.x JSON: noncode lines skipped, throw branches marked") {
  const char* text = R"J({"gcovr/format_version": "0.3", "files": [{"file": "src/a.cc",
    "functions": [{"name": "f(int)", "lineno": 3, "execution_count": 2}],
    "lines": [
      {"line_number": 2, "count": 0, "gcovr/noncode": true, "branches": []},
      {"line_number": 3, "count": 2, "gcovr/noncode": false, "branches": [
        {"count": 1, "fallthrough": true, "throw": false},
        {"count": 0, "fallthrough": false, "throw": true}]},
      {"line_number": 4, "count": 0, "gcovr/noncode": false, "gcovr/excluded": true, "branches": []},
      {"line_number": 5, "count": 0, "gcovr/noncode": false, "branches": []}]}]})J";
  CoverageData d = import_gcovr_json(text, "cov.json");
  CHECK(d.format == "gcovr-json 0.3");
  REQUIRE(d.files.size() == 1);
  const FileCoverage& f = d.files[0];
  CHECK(f.path == "src/a.cc");
  CHECK(f.lines == std::map<int, int64_t>{{3, 2}, {5, 0}});
  REQUIRE(f.branches.at(3).size() == 2);
  CHECK_FALSE(f.branches.at(3)[0].exceptional);
  CHECK(f.branches.at(3)[1].exceptional);
  REQUIRE(f.functions.size() == 1);
  CHECK(f.functions[0].name == "f(int)");
  CHECK(f.functions[0].line == 3);
  CHECK(f.functions[0].count == 2);
}

TEST_CASE("gcovr 8.x JSON: demangled_name, lines repeated per function add up") {
  const char* text = R"J({"gcovr/format_version": "0.14", "files": [{"file": "t.h",
    "functions": [{"name": "_Z3maxIiET_S0_S0_", "demangled_name": "int max<int>(int, int)",
                   "lineno": 1, "execution_count": 3}],
    "lines": [{"line_number": 2, "function_name": "_Z3maxIiET_S0_S0_", "count": 3, "branches": []},
              {"line_number": 2, "function_name": "_Z3maxIdET_S0_S0_", "count": 4, "branches": []}]}]})J";
  CoverageData d = import_gcovr_json(text, "cov.json");
  CHECK(d.files[0].lines.at(2) == 7);
  CHECK(d.files[0].functions[0].name == "int max<int>(int, int)");
}

TEST_CASE("negative counts are counted as executed, with a diagnostic") {
  const char* text = R"J({"gcovr/format_version": "0.6", "files": [{"file": "a.cc", "functions": [],
    "lines": [{"line_number": 1, "count": -1, "branches": []}]}]})J";
  CoverageData d = import_gcovr_json(text, "race.json");
  CHECK(d.files[0].lines.at(1) == 1);
  REQUIRE(d.diagnostics.size() == 1);
  CHECK_THAT(d.diagnostics[0].message, Contains("1 negative count(s)"));
}

TEST_CASE("huge counts are exact") {
  const char* text = R"J({"gcovr/format_version": "0.6", "files": [{"file": "a.cc", "functions": [],
    "lines": [{"line_number": 1, "count": 9007199254740993, "branches": []}]}]})J";
  CHECK(import_gcovr_json(text, "big.json").files[0].lines.at(1) == 9007199254740993LL);
}

TEST_CASE("odd gcovr JSON values are skipped, counted once per file, first quoted") {
  CoverageData d = import_gcovr_json(R"J({"gcovr/format_version": "0.3", "files": [{"file": "a.cc",
    "functions": [{"name": "f", "lineno": 0, "execution_count": 1}],
    "lines": [{"line_number": 1, "count": "many"}, {"line_number": 0, "count": 1},
              {"line_number": 2, "count": 3, "branches": [{"count": 1.5}, {"count": 1}]},
              {"line_number": 4, "count": 0}]}]})J",
                                     "c.json");
  REQUIRE(d.files.size() == 1);
  CHECK(d.files[0].lines == std::map<int, int64_t>{{2, 3}, {4, 0}});
  REQUIRE(d.files[0].branches.at(2).size() == 1);  // the odd branch goes, the other stands
  CHECK(d.files[0].branches.at(2)[0].count == 1);
  CHECK(d.files[0].functions.empty());
  REQUIRE(d.diagnostics.size() == 1);
  CHECK(d.diagnostics[0].message ==
        "c.json: 4 odd record(s) skipped (well-formed, but with a value stepup cannot use); "
        "first, at c.json: files[0] (a.cc) line 1: '\"many\"': count is not a whole number");
}

TEST_CASE("malformed gcovr JSON is an InputError naming the file and place") {
  CHECK_THROWS_WITH(
      import_gcovr_json("{\"gcovr/format_version\": \"0.3\",\n \"files\": [", "c.json"),
      Contains("c.json:2:12: malformed JSON"));
  CHECK_THROWS_WITH(
      import_gcovr_json(R"J({"gcovr/format_version": "0.99", "files": []})J", "c.json"),
      Contains("format version \"0.99\" is not supported (supported: 0.2 to 0.14"));
  CHECK_THROWS_AS(
      import_gcovr_json(R"J({"gcovr/format_version": "0.3", "files": [{"lines": []}]})J", "c"),
      InputError);
}

TEST_CASE("the format is recognised from the content, not the name") {
  CHECK(detect_coverage_format("  {\"gcovr/format_version\": \"0.3\"}") ==
        CoverageFormat::kGcovrJson);
  CHECK(detect_coverage_format("{\"data\":[],\"type\":\"llvm.coverage.json.export\"}") ==
        CoverageFormat::kLlvmCov);
  CHECK(detect_coverage_format("TN:\nSF:/a.cc\nend_of_record\n") == CoverageFormat::kLcov);
  CHECK(detect_coverage_format("<?xml version=\"1.0\"?>\n<coverage line-rate=\"1\">") ==
        CoverageFormat::kCobertura);
  CHECK(detect_coverage_format("hello") == CoverageFormat::kUnknown);
  CHECK_THROWS_WITH(import_coverage("hello", "x.txt"), Contains("x.txt: not a coverage format"));
}

TEST_CASE("absent branches, lines and functions read as empty (found by fuzzing)") {
  const char* text = R"J({"files": [{"file": "a.cc", "lines": [{"line_number": 1, "count": 1}]},
    {"file": "b.cc"}], "gcovr/format_version": "0.3"})J";
  CoverageData d = import_gcovr_json(text, "sparse.json");
  REQUIRE(d.files.size() == 2);
  CHECK(d.files[0].lines.at(1) == 1);
  CHECK(d.files[0].branches.empty());
  CHECK(d.files[1].lines.empty());
}

TEST_CASE("file entries are read one by one but errors still name the whole file's place") {
  // "files" first (gcovr 5.x sorts its keys), then a broken second entry.
  const char* text =
      "{\"files\": [{\"file\": \"a.cc\", \"lines\": []},\n"
      "  {\"file\": \"b.cc\", \"lines\": [}]}],\n"
      " \"gcovr/format_version\": \"0.3\"}";
  // The stray "}" is at line 2, column 30 (after two blanks and `{"file": "b.cc", "lines": [`).
  CHECK_THROWS_WITH(import_gcovr_json(text, "c.json"), Contains("c.json:2:30: malformed JSON"));
  // A scalar where a file entry should be is a shape error, not skipped.
  CHECK_THROWS_AS(import_gcovr_json(R"J({"files": [1], "gcovr/format_version": "0.3"})J", "c"),
                  InputError);
}
