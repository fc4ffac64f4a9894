#include "reports/writers.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "model/errors.h"
#include "reports/html_writer.h"
#include "reports/json_writer.h"
#include "reports/markdown_writer.h"
#include "reports/sarif_writer.h"

using namespace stepup;

namespace {

// Names from a pull request are attacker-controlled.
const std::string kEvil = "</script><script>window.__pwned=1</script><!--\"'&";

Report evil_report() {
  Report r;
  r.tool_version = "0.1.0";
  r.repo_root = "/repo with space";
  FileFacts f;
  f.path = "src/" + kEvil + ".cc";
  f.module = "src";
  FunctionFacts fn;
  fn.name = kEvil;
  fn.qualified_name = "ns::" + kEvil;
  fn.line = 3;
  fn.end_line = 9;
  f.functions.push_back(fn);
  r.files.push_back(f);
  Candidate c;
  c.id = "0123456789abcdef";
  c.rank = 1;
  c.rule = "complex-function";
  c.kind = "refactor";
  c.score = 75;
  c.target = {"src", f.path, fn.qualified_name, 3};
  c.title = "Refactor " + kEvil;
  c.why = {"because | pipes * and _ marks"};
  c.first_step = "do it";
  c.effort = "S";
  r.candidates.push_back(c);
  r.rules.push_back({"complex-function", "refactor", "too complex"});
  r.diagnostics.push_back({Diagnostic::Level::kWarning, "parse", kEvil, f.path});
  return r;
}

}  // namespace

TEST_CASE("html: repo strings never become markup, and the data round-trips") {
  std::ostringstream out;
  write_html(evil_report(), out);
  std::string html = out.str();
  CHECK(html.find("<script>window.__pwned") == std::string::npos);
  // Exactly the two script elements the page itself opens.
  size_t scripts = 0;
  for (size_t p = html.find("<script"); p != std::string::npos; p = html.find("<script", p + 1))
    ++scripts;
  CHECK(scripts == 2);
  CHECK(html.find("</script><script>window") == std::string::npos);
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
  CHECK(html.find("default-src 'none'") != std::string::npos);
  // The embedded JSON parses back to the same names.
  size_t start = html.find("id=\"stepup-data\">") + std::string("id=\"stepup-data\">").size();
  size_t end = html.find("</script>", start);
  auto data = nlohmann::json::parse(html.substr(start, end - start));
  CHECK(data["files"][0]["functions"][0]["name"] == kEvil);
  CHECK(html_escape("<a href=\"x\">'&'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST_CASE("sarif: one result per candidate with a fingerprint and an encoded uri") {
  std::ostringstream out;
  write_sarif(evil_report(), out);
  auto doc = nlohmann::json::parse(out.str());
  CHECK(doc["version"] == "2.1.0");
  const auto& run = doc["runs"][0];
  CHECK(run["tool"]["driver"]["rules"][0]["id"] == "complex-function");
  REQUIRE(run["results"].size() == 1);
  const auto& res = run["results"][0];
  // Score 75, but complex-function suggests (it finds no risk) and no gate is
  // set: a note. (Before issue 16 every task of 70+ was an error.)
  CHECK(res["level"] == "note");
  CHECK(res["partialFingerprints"]["stepupCandidateId/v1"] == "0123456789abcdef");
  const auto& loc = res["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uriBaseId"] == "SRCROOT");
  CHECK(loc["artifactLocation"]["uri"] ==
        "src/%3C/script%3E%3Cscript%3Ewindow.__pwned%3D1%3C/script%3E%3C%21--%22%27%26.cc");
  CHECK(loc["region"]["startLine"] == 3);
  CHECK(run["originalUriBaseIds"]["SRCROOT"]["uri"] == "file:///repo%20with%20space/");
}

TEST_CASE("markdown: table cells are escaped") {
  CHECK(markdown_cell("a|b <i>*x*</i>\nnext") == "a\\|b &lt;i&gt;\\*x\\*&lt;/i&gt; next");
  std::ostringstream out;
  write_markdown(evil_report(), out);
  CHECK(out.str().find("<script>") == std::string::npos);
  CHECK(out.str().find("| 1 | 75 | refactor |") != std::string::npos);
  CHECK(out.str().find("Signals missing: coverage, git history") != std::string::npos);
  Report full = evil_report();
  full.signals.coverage = full.signals.history = true;
  std::ostringstream out2;
  write_markdown(full, out2);
  CHECK(out2.str().find("Signals missing") == std::string::npos);
}

TEST_CASE("json: invalid UTF-8 becomes U+FFFD and the document stays valid") {
  Report r = evil_report();
  r.files[0].path = "src/caf\xe9.cc";
  std::ostringstream out;
  write_json(r, out);
  auto doc = nlohmann::json::parse(out.str());
  CHECK(doc["files"][0]["path"] == "src/caf\xef\xbf\xbd.cc");
}

TEST_CASE("select_writers knows the table's formats") {
  CHECK(select_writers("json,md").size() == 2);
  REQUIRE(select_writers("codequality").size() == 1);
  CHECK(select_writers("codequality")[0]->filename == "gl-code-quality-report.json");
  CHECK(select_writers("json,json").size() == 1);
  CHECK_THROWS_AS(select_writers("pdf"), UsageError);
  CHECK_THROWS_AS(select_writers(","), UsageError);
}
