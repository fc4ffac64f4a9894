// Structural checks of index.html: the CSP, no network loads, the embedded
// JSON that no name can break out of, and the file view's source data.
#include "reports/html_writer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "reports/html_assets.h"

using namespace stepup;
using Json = nlohmann::json;

namespace {

// Names a repository can hold that would end or confuse a <script> element:
// its end tag, an HTML comment opener (which makes the parser look for a
// nested "<script"), and U+2028 (a line terminator to pre-2019 JavaScript).
const std::string kLineSep = "\xe2\x80\xa8";
const std::string kParaSep = "\xe2\x80\xa9";
const std::string kHostile =
    "</script><!--<script>x" + kLineSep + "y" + kParaSep + "\"&'</SCRIPT >";

FileFacts file(const std::string& path, const std::string& source, std::map<int, int64_t> hits) {
  FileFacts f;
  f.path = path;
  f.module = "src";
  f.code_lines = 3;
  f.source = source;
  f.line_hits = std::move(hits);
  if (!f.line_hits.empty()) f.coverage = Coverage{};
  FunctionFacts fn;
  fn.name = "f";
  fn.qualified_name = "ns::operator<" + kHostile;
  fn.line = 1;
  fn.end_line = 3;
  f.functions.push_back(fn);
  return f;
}

Candidate candidate(const std::string& path, int rank) {
  Candidate c;
  c.id = "id" + std::to_string(rank);
  c.rank = rank;
  c.rule = "complex-function";
  c.kind = "refactor";
  c.score = 50;
  c.target = {"src", path, "ns::f", 2};
  c.title = "Refactor " + kHostile;
  c.why = {kHostile};
  c.first_step = kHostile;
  c.effort = "S";
  return c;
}

Report hostile_report() {
  Report r;
  r.tool_version = "0.1.0";
  r.repo_root = "/repo/" + kHostile;
  r.commit = "0123456789abcdef0123456789abcdef01234567";
  // Source text is hostile too: it is embedded for the file view.
  r.files.push_back(file("src/a" + kHostile + ".cpp", "int a; // " + kHostile + "\n", {{1, 4}}));
  r.files.push_back(file("src/b.cpp", "int b;\n", {}));             // no candidate, no coverage
  r.files.push_back(file("src/c.cpp", std::string(100, 'c'), {}));  // a candidate's target
  r.files.push_back(file("src/d.cpp", "int d;\n", {{1, 0}}));       // coverage only
  r.candidates.push_back(candidate("src/c.cpp", 1));
  r.candidates.push_back(candidate(r.files[0].path, 2));
  ModuleFacts m;
  m.name = "src";
  m.owners = {kHostile};
  r.modules.push_back(m);
  r.diagnostics.push_back({Diagnostic::Level::kError, "parse", kHostile, r.files[0].path});
  return r;
}

std::string render(const Report& r, size_t budget = kHtmlSourceBudget) {
  std::ostringstream out;
  write_html(r, out, budget);
  return out.str();
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The text of the data element, as the browser's parser would end it: at
// the first "</script" in any case.
std::string data_element(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"stepup-data\">";
  size_t start = html.find(open);
  REQUIRE(start != std::string::npos);
  start += open.size();
  size_t end = lower(html).find("</script", start);
  REQUIRE(end != std::string::npos);
  return html.substr(start, end - start);
}

}  // namespace

TEST_CASE("html: a Content-Security-Policy forbids every load and allows only the page's script") {
  std::string html = render(hostile_report());
  std::smatch m;
  REQUIRE(std::regex_search(
      html, m, std::regex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")));
  std::string csp = m[1];
  CHECK(csp.find("default-src 'none'") != std::string::npos);
  CHECK(csp.find("connect-src 'none'") != std::string::npos);
  CHECK(csp.find("img-src data:") != std::string::npos);
  CHECK(csp.find("base-uri 'none'") != std::string::npos);
  CHECK(csp.find("form-action 'none'") != std::string::npos);
  // Scripts by hash only: no 'unsafe-inline' for scripts.
  REQUIRE(std::regex_search(csp, m, std::regex("script-src 'sha256-([A-Za-z0-9+/]{43}=)'")));
  CHECK(m[1] == hex_to_base64(kHtmlScriptSha256Hex));
  // The CSP sits before anything that could load or run.
  CHECK(html.find("Content-Security-Policy") < html.find("<style>"));
  CHECK(html.find("Content-Security-Policy") < html.find("<script"));
}

TEST_CASE("html: base64 of a hex digest, checked against RFC 4648's vectors") {
  CHECK(hex_to_base64("") == "");
  CHECK(hex_to_base64("66") == "Zg==");                // "f"
  CHECK(hex_to_base64("666f") == "Zm8=");              // "fo"
  CHECK(hex_to_base64("666f6f") == "Zm9v");            // "foo"
  CHECK(hex_to_base64("666f6f626172") == "Zm9vYmFy");  // "foobar"
  // sha256("") = e3b0c442..., whose base64 CSP uses is well known.
  CHECK(hex_to_base64("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") ==
        "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
}

TEST_CASE("html: nothing on the page loads from anywhere") {
  std::string html = lower(render(hostile_report()));
  // The SVG namespace URI (for createElementNS) is a name, not a load, and
  // the pattern links to the code must match is a check, not a load; they
  // are the only "http" in the page's own text.
  const std::string svg_ns = "'http://www.w3.org/2000/svg'";
  const std::string link_check = "/^https?:\\/\\/";
  std::string css_js = lower(std::string(kHtmlStyle) + kHtmlScript);
  CHECK(count(css_js, "http") == 2);
  for (const std::string& allowed : {svg_ns, link_check}) {
    CHECK(count(html, allowed) == 1);
    html.replace(html.find(allowed), allowed.size(), "");
  }
  for (const char* bad :
       {"http://", "https://", "//cdn", "src=\"//", "@import", "url(", "<link", "<iframe", "<img",
        "fetch(", "xmlhttprequest", "import(", "websocket", "eventsource", "sendbeacon"}) {
    INFO(bad);
    CHECK(html.find(bad) == std::string::npos);
  }
  // The only <script> elements are the page's own two; no src attribute.
  CHECK(count(html, "<script") == 2);
  CHECK(html.find("<script src") == std::string::npos);
}

TEST_CASE("html: the embedded JSON cannot leave its script element, whatever the names hold") {
  Report r = hostile_report();
  std::string html = render(r);
  std::string data = data_element(html);
  // Nothing the parser treats specially inside script data.
  CHECK(data.find('<') == std::string::npos);
  CHECK(data.find('>') == std::string::npos);
  CHECK(data.find('&') == std::string::npos);
  CHECK(data.find(kLineSep) == std::string::npos);
  CHECK(data.find(kParaSep) == std::string::npos);
  // The element ends where the writer ended it: what follows is the page's
  // own script, and the data parses back to the very same strings.
  size_t after = html.find(data) + data.size();
  CHECK(html.compare(after, 18, "</script>\n<script>") == 0);
  Json doc = Json::parse(data);
  CHECK(doc["repo"]["root"] == r.repo_root);
  CHECK(doc["files"][0]["path"] == r.files[0].path);
  CHECK(doc["files"][0]["functions"][0]["qualified_name"] ==
        r.files[0].functions[0].qualified_name);
  CHECK(doc["candidates"][0]["why"][0] == kHostile);
  CHECK(doc["modules"][0]["owners"][0] == kHostile);
  CHECK(doc["diagnostics"][0]["message"] == kHostile);
  CHECK(doc["html"]["sources"][r.files[0].path]["text"] == r.files[0].source);
  // The one place outside the JSON where a repo string is written: the
  // header's root path, HTML-escaped.
  CHECK(html.find("<p class=\"sub\">/repo/&lt;/script&gt;&lt;!--&lt;script&gt;") !=
        std::string::npos);
}

TEST_CASE("html: script_safe_json escapes exactly the dangerous characters") {
  CHECK(script_safe_json(R"("</script>&")") == R"("\u003c/script\u003e\u0026")");
  CHECK(script_safe_json("\"a" + kLineSep + "b" + kParaSep + "\"") == R"("a\u2028b\u2029")");
  // Other three-byte characters starting with E2 are left alone.
  CHECK(script_safe_json("\"\xe2\x80\x94\"") == "\"\xe2\x80\x94\"");  // em dash
  CHECK(script_safe_json("\"\xe2\x80\"") == "\"\xe2\x80\"");          // truncated: copied
}

TEST_CASE("html: source is embedded for candidate and covered files only, within the budget") {
  Report r = hostile_report();
  Json doc = Json::parse(data_element(render(r)));
  const Json& sources = doc["html"]["sources"];
  const Json& omitted = doc["html"]["omitted"];
  CHECK(sources.size() == 3);
  CHECK(sources.contains(r.files[0].path));    // candidate + coverage
  CHECK(sources.contains("src/c.cpp"));        // candidate
  CHECK(sources.contains("src/d.cpp"));        // coverage
  CHECK_FALSE(sources.contains("src/b.cpp"));  // neither: the page says so
  CHECK(omitted.empty());
  CHECK(sources[r.files[0].path]["hits"] == Json::parse("[[1,4]]"));
  CHECK(sources["src/d.cpp"]["hits"] == Json::parse("[[1,0]]"));
  CHECK(sources["src/c.cpp"]["hits"] == Json::array());
  // report.json's own members stay as they are: no source there.
  CHECK_FALSE(doc["files"][0].contains("source"));

  // A budget of 110 bytes: c.cpp (rank 1, 100 bytes) fits; a*.cpp (rank 2)
  // would pass it and is named as omitted; d.cpp (7 bytes) still fits.
  Json small = Json::parse(data_element(render(r, 110)));
  CHECK(small["html"]["sources"].size() == 2);
  CHECK(small["html"]["sources"].contains("src/c.cpp"));
  CHECK(small["html"]["sources"].contains("src/d.cpp"));
  REQUIRE(small["html"]["omitted"].contains(r.files[0].path));
  CHECK(small["html"]["omitted"][r.files[0].path].get<std::string>().find("budget") !=
        std::string::npos);

  // A file whose text was not read (binary) is named, not shown empty.
  r.files[2].source.clear();
  Json unread = Json::parse(data_element(render(r)));
  CHECK(unread["html"]["omitted"]["src/c.cpp"].get<std::string>().find("not read") !=
        std::string::npos);
}

TEST_CASE("html: the embedded script and stylesheet cannot end their own elements") {
  std::string js = lower(kHtmlScript), css = lower(kHtmlStyle);
  for (const std::string& text : {js, css}) {
    CHECK(text.find("</script") == std::string::npos);
    CHECK(text.find("</style") == std::string::npos);
    CHECK(text.find("<!--") == std::string::npos);
  }
  // Data reaches the DOM as text only.
  CHECK(js.find("innerhtml") == std::string::npos);
  CHECK(js.find("outerhtml") == std::string::npos);
  CHECK(js.find("insertadjacenthtml") == std::string::npos);
  CHECK(js.find("document.write") == std::string::npos);
  CHECK(js.find("eval(") == std::string::npos);
}

TEST_CASE("html: --html-source link and none leave the text out, links ride in the data",
          "[links]") {
  Report r = hostile_report();
  Links links;
  links.host = "github";
  links.from = "remote origin";
  links.remote = "https://github.com/acme/shop";
  links.commit = std::string(40, 'a');
  links.file_url = "https://github.com/acme/shop/blob/" + links.commit + "/{path}#L{line}";
  links.commit_url = "https://github.com/acme/shop/commit/{sha}";
  r.links = links;
  Json doc = Json::parse(data_element(render(r)));
  CHECK(doc["html"]["source_mode"] == "embed");
  CHECK(doc["html"]["sources"].size() == 3);
  CHECK(doc["links"]["file_url"] == links.file_url);
  CHECK(doc["links"]["commit_url"] == links.commit_url);
  for (HtmlSource mode : {HtmlSource::kLink, HtmlSource::kNone}) {
    r.html_source = mode;
    Json d = Json::parse(data_element(render(r)));
    CHECK(d["html"]["source_mode"] == (mode == HtmlSource::kLink ? "link" : "none"));
    CHECK(d["html"]["sources"].empty());
    CHECK(d["html"]["omitted"].empty());
    CHECK(render(r).find("int d;") == std::string::npos);  // no source text anywhere
  }
  r.links.reset();
  CHECK(Json::parse(data_element(render(r)))["links"].is_null());
}

TEST_CASE("html: an embedded file carries its token segments and branch outcomes, none, neither",
          "[source-view]") {
  Report r = hostile_report();
  FileFacts& d = r.files[3];  // src/d.cpp, "int d;\n", embedded for its coverage
  d.syntax = {0, 3, kSyntaxKeyword, 4, 1, kSyntaxIdentifier};
  d.line_branch_counts = {{1, {2, 0}}};
  Json doc = Json::parse(data_element(render(r)));
  const Json& src = doc["html"]["sources"]["src/d.cpp"];
  CHECK(src["syntax"] == Json::parse("[1,0,12,0,1,7]"));
  CHECK(src["branches"] == Json::parse("[[1,2,0]]"));
  CHECK(doc["html"]["sources"]["src/c.cpp"]["syntax"] == Json::array());
  // report.json's members stay as they are.
  CHECK_FALSE(doc["files"][3].contains("syntax"));
  CHECK_FALSE(doc["files"][3].contains("line_branch_counts"));

  // The segments count toward the budget: d.cpp (now the only file wanted)
  // is 7 bytes of text and 14 of "[1,0,12,0,1,7]": 21 fit, 20 do not.
  r.candidates.clear();
  r.files[0].line_hits.clear();
  r.files[0].coverage.reset();
  Json tight = Json::parse(data_element(render(r, 20)));
  CHECK(tight["html"]["omitted"].contains("src/d.cpp"));
  Json roomy = Json::parse(data_element(render(r, 21)));
  CHECK(roomy["html"]["sources"].contains("src/d.cpp"));

  r.html_source = HtmlSource::kNone;
  std::string none = data_element(render(r));
  CHECK(Json::parse(none)["html"]["sources"].empty());
  CHECK(none.find("\"syntax\"") == std::string::npos);
  CHECK(none.find("\"branches\"") == std::string::npos);
}
