// One source saved with each line-ending convention (and a BOM): the scan
// must read the same facts from every copy, as the compiler does.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/temp_repo.h"

using namespace stepup::test;
using Json = nlohmann::json;

namespace {

// Lines 1-14; `skipped` (9-12) sits in an exclusion region.
const char* kSource =
    "// header comment\n"          // 1
    "int pick(int a, int b) {\n"   // 2
    "  if (a > 0 &&  // why\n"     // 3
    "      b > 0)\n"               // 4
    "    return 1;\n"              // 5
    "  return 0;\n"                // 6
    "}\n"                          // 7
    "// GCOVR_EXCL_START\n"        // 8
    "int skipped(int x) {\n"       // 9
    "  return x ? 1 : 2;\n"        // 10
    "}\n"                          // 11
    "// GCOVR_EXCL_STOP\n"         // 12
    "\n"                           // 13
    "int last() { return 3; }\n";  // 14

std::string with_eol(const std::string& eol) {
  std::string out;
  for (const char* c = kSource; *c; ++c) out += *c == '\n' ? eol : std::string(1, *c);
  return out;
}

}  // namespace

TEST_CASE("LF, CRLF, CR and a BOM give identical facts, exclusions and coverage") {
  TempDir repo;
  const std::vector<std::pair<std::string, std::string>> copies = {
      {"lf.cc", with_eol("\n")},
      {"crlf.cc", with_eol("\r\n")},
      {"cr.cc", with_eol("\r")},
      {"bom.cc", "\xEF\xBB\xBF" + with_eol("\n")}};
  std::string files;
  for (const auto& [name, text] : copies) {
    repo.write(name, text);
    // The same coverage for each: lines 2-6 and 14 ran, 10 is excluded.
    files += std::string(files.empty() ? "" : ",") + R"({"file": ")" + name +
             R"(", "functions": [], "lines": [
        {"line_number": 2, "count": 1, "branches": []}, {"line_number": 3, "count": 1, "branches": []},
        {"line_number": 5, "count": 0, "branches": []}, {"line_number": 6, "count": 1, "branches": []},
        {"line_number": 10, "count": 0, "branches": []}, {"line_number": 14, "count": 0, "branches": []}]})";
  }
  std::string cov =
      repo.write("cov/cov.json", R"({"gcovr/format_version": "0.3", "files": [)" + files + "]}");
  auto r = run_stepup(
      {"scan", repo.path(), "-c", cov, "-o", repo.path() + "/out", "--format", "json", "-j", "1"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Json report = Json::parse(read_text(repo.path() + "/out/report.json"));
  std::map<std::string, Json> facts;
  for (const auto& f : report["files"]) {
    Json functions = Json::array();
    for (const auto& fn : f["functions"]) {
      functions.push_back({fn["name"], fn["line"], fn["end_line"], fn["cyclomatic"],
                           fn["cognitive"], fn["coverage"]});
    }
    facts[f["path"]] = {f["code_lines"], f["coverage"], functions};
  }
  REQUIRE(facts.size() == 4);
  const Json& lf = facts["lf.cc"];
  CHECK(lf[0] == 10);                // lines 2-7, 9-11 and 14
  CHECK(lf[1]["lines_total"] == 5);  // line 10 excluded
  CHECK(lf[1]["stale"] == false);
  CHECK(lf[2][0][3] == 3);  // pick: if + &&
  for (const char* name : {"crlf.cc", "cr.cc", "bom.cc"}) {
    INFO(name);
    CHECK(facts[name] == lf);
  }
  for (const auto& d : report["diagnostics"]) {
    CHECK(d["message"].get<std::string>().find("stale") == std::string::npos);
  }
}
