#include "scanner/coverage/cobertura.h"

#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

#include "model/errors.h"
#include "tests/support/coverage_fixture.h"

using namespace stepup;
using Catch::Matchers::Contains;
using Catch::Matchers::Message;

namespace {

// A totals attribute of the report's root element, read without the importer.
int64_t root_attribute(const std::string& xml, const std::string& attr) {
  std::smatch m;
  REQUIRE(std::regex_search(xml, m, std::regex("<coverage [^>]*\\b" + attr + "=\"(\\d+)\"")));
  return std::stoll(m[1]);
}

const FileCoverage& file(const CoverageData& d, const std::string& path) {
  for (const auto& f : d.files) {
    if (f.path == path) return f;
  }
  FAIL("no FileCoverage for " << path);
  throw;
}

int64_t covered(const std::vector<BranchCount>& branches) {
  int64_t n = 0;
  for (const auto& b : branches) n += b.count > 0;
  return n;
}

// Wraps <class> elements in the rest of a minimal report.
std::string report(const std::string& classes, const std::string& sources = "") {
  return "<?xml version=\"1.0\"?>\n<coverage version=\"t\">\n<sources>" + sources +
         "</sources>\n<packages><package name=\"p\"><classes>\n" + classes +
         "</classes></package></packages>\n</coverage>\n";
}

}  // namespace

TEST_CASE("cobertura: gcovr's report of the fixture") {
  test::CoverageFixture fx;
  test::run({"gcovr", "-r", fx.dir(), "--xml-pretty", "-o", "cov.xml"}, fx.dir());
  std::string xml = test::read_text(fx.dir() + "/cov.xml");
  CoverageData data = import_cobertura(xml, "cov.xml");
  CHECK(data.format == "cobertura");
  CHECK(data.diagnostics.empty());
  REQUIRE(data.files.size() == 3);

  // gcovr 5.2 writes <source> relative to its working directory, not -r.
  const FileCoverage& main = file(data, "main.cpp");
  CHECK(main.bases == std::vector<std::string>{"."});

  // By hand: 18 executable lines in main.cpp, 2 in other.cpp, 2 in util.h;
  // 4 of main's never ran. Branches: 16 outcomes, 10 taken (see main.cpp).
  int64_t lines = 0, lines_hit = 0, branches = 0, branches_hit = 0;
  for (const auto& f : data.files) {
    lines += f.lines.size();
    for (const auto& [n, hits] : f.lines) lines_hit += hits > 0;
    for (const auto& [n, b] : f.branches) {
      branches += b.size();
      branches_hit += covered(b);
    }
  }
  CHECK(lines == 22);
  CHECK(lines_hit == 18);
  CHECK(branches == 16);
  CHECK(branches_hit == 10);
  CHECK(lines == root_attribute(xml, "lines-valid"));
  CHECK(lines_hit == root_attribute(xml, "lines-covered"));
  CHECK(branches == root_attribute(xml, "branches-valid"));
  CHECK(branches_hit == root_attribute(xml, "branches-covered"));

  std::string source = fx.source("main.cpp");
  REQUIRE(test::annotations(source, "hits").size() == 12);
  REQUIRE(test::annotations(source, "branches").size() == 5);
  for (const auto& [line, hits] : test::annotations(source, "hits")) {
    INFO("main.cpp:" << line);
    REQUIRE(main.lines.count(line) == 1);
    CHECK(main.lines.at(line) == std::stoll(hits));
  }
  // Cobertura keeps only covered/total per line.
  for (const auto& [line, words] : test::annotations(source, "branches")) {
    INFO("main.cpp:" << line);
    std::istringstream in(words);
    int64_t total = 0, taken = 0;
    for (std::string w; in >> w; ++total) taken += w != "-" && w != "0";
    REQUIRE(main.branches.count(line) == 1);
    CHECK(static_cast<int64_t>(main.branches.at(line).size()) == total);
    CHECK(covered(main.branches.at(line)) == taken);
  }
  // gcovr merged util.h's two TUs itself: both calls on line 7.
  CHECK(file(data, "util.h").lines.at(7) == 2);
}

TEST_CASE("cobertura: relative filenames keep every <source> as a base") {
  CoverageData d = import_cobertura(
      report("<class name=\"a\" filename=\"src/a.cc\"><methods/><lines>"
             "<line number=\"4\" hits=\"2\" branch=\"true\" condition-coverage=\"50% (1/2)\"/>"
             "<line number=\"5\" hits=\"0\" branch=\"false\"/></lines></class>\n",
             "<source>\n  /home/ci/proj  \n</source><source>/home/ci/proj/build</source>"
             "<source> </source>"),
      "cov.xml");
  REQUIRE(d.files.size() == 1);
  const FileCoverage& f = d.files[0];
  CHECK(f.path == "src/a.cc");
  CHECK(f.bases == std::vector<std::string>{"/home/ci/proj", "/home/ci/proj/build"});
  CHECK(f.lines == std::map<int, int64_t>{{4, 2}, {5, 0}});
  REQUIRE(f.branches.at(4).size() == 2);
  CHECK(f.branches.at(4)[0].count == 1);
  CHECK(f.branches.at(4)[1].count == 0);
  CHECK(f.branches.count(5) == 0);
}

TEST_CASE("cobertura: classes sharing a filename merge, method lines only place functions") {
  CoverageData d = import_cobertura(
      report("<class name=\"A\" filename=\"x.cc\"><methods>"
             "<method name=\"A::f()\" signature=\"\"><lines><line number=\"3\" hits=\"5\"/>"
             "<line number=\"4\" hits=\"5\"/></lines></method>"
             "<method name=\"A::empty()\"><lines/></method></methods>"
             "<lines><line number=\"3\" hits=\"5\"/><line number=\"4\" hits=\"5\"/>"
             "<line number=\"9\" hits=\"1\"/></lines></class>\n"
             "<class name=\"B\" filename=\"x.cc\"><methods/><lines>"
             "<line number=\"9\" hits=\"2\"/><line number=\"12\" hits=\"0\"/></lines></class>\n"
             "<class name=\"C\" filename=\"y.cc\"><lines><line number=\"1\" hits=\"1\"/>"
             "</lines></class>\n"),
      "cov.xml");
  REQUIRE(d.files.size() == 2);
  const FileCoverage& x = d.files[0];
  CHECK(x.path == "x.cc");
  CHECK(x.lines == std::map<int, int64_t>{{3, 5}, {4, 5}, {9, 3}, {12, 0}});
  REQUIRE(x.functions.size() == 1);  // A::empty() has no line to stand on
  CHECK(x.functions[0].name == "A::f()");
  CHECK(x.functions[0].line == 3);
  CHECK(x.functions[0].count == 5);
  CHECK(d.files[1].path == "y.cc");
}

TEST_CASE("cobertura: negative hits are executed, with one warning per file") {
  CoverageData d = import_cobertura(
      report("<class filename=\"x.cc\"><methods><method name=\"f\"><lines>"
             "<line number=\"1\" hits=\"-1\"/></lines></method></methods><lines>"
             "<line number=\"1\" hits=\"-1\"/><line number=\"2\" hits=\"-1\"/></lines></class>"
             "<class filename=\"x.cc\"><lines><line number=\"3\" hits=\"-1\"/></lines></class>"),
      "cov.xml");
  CHECK(d.files[0].lines == std::map<int, int64_t>{{1, 1}, {2, 1}, {3, 1}});
  CHECK(d.files[0].functions[0].count == 1);
  REQUIRE(d.diagnostics.size() == 1);
  CHECK(d.diagnostics[0].level == Diagnostic::Level::kWarning);
  CHECK(d.diagnostics[0].source == "coverage");
  // The method's copy of line 1 is not counted a second time.
  CHECK_THAT(d.diagnostics[0].message, Catch::Matchers::Contains("x.cc: 3 negative counts"));
}

TEST_CASE("cobertura: an entity bomb is never expanded") {
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE coverage [\n <!ENTITY lol \"lol\">\n";
  std::string prev = "lol";
  for (int i = 1; i <= 9; ++i) {
    std::string refs;
    for (int j = 0; j < 10; ++j) refs += "&" + prev + ";";
    prev = "lol" + std::to_string(i);
    bomb += " <!ENTITY " + prev + " \"" + refs + "\">\n";
  }
  bomb +=
      "]>\n<coverage><sources><source>&lol9;</source></sources><packages><package>"
      "<classes><class filename=\"a.cc\"><lines>";
  // Where the reference is text, it stays the six characters it is...
  CoverageData d = import_cobertura(bomb +
                                        "</lines></class></classes></package></packages>"
                                        "</coverage>",
                                    "bomb.xml");
  CHECK(d.files.at(0).bases == std::vector<std::string>{"&lol9;"});
  // ...and where a number is due, it is not a number: an odd record, skipped.
  CoverageData odd =
      import_cobertura(bomb +
                           "<line number=\"1\" hits=\"&lol9;\"/></lines></class></classes>"
                           "</package></packages></coverage>",
                       "bomb.xml");
  CHECK(odd.files.at(0).lines.empty());
  REQUIRE(odd.diagnostics.size() == 1);
  CHECK_THAT(odd.diagnostics[0].message,
             Catch::Contains("first, at 14:111: '<line number=\"1\" hits=\"&lol9;\">': hits "
                             "\"&lol9;\" is not a 64-bit integer"));
}

TEST_CASE("cobertura: odd values are skipped, counted once per file, first quoted") {
  struct Case {
    std::string line;
    const char* why;
  };
  const Case cases[] = {
      {"<line number=\"1\" hits=\"abc\"/>", "hits \"abc\" is not a 64-bit integer"},
      {"<line number=\"x\" hits=\"1\"/>", "number \"x\" is not an integer"},
      {"<line number=\"0\" hits=\"1\"/>", "line number 0 out of range"},
      {"<line number=\"1\" hits=\"99999999999999999999\"/>",
       "hits \"99999999999999999999\" is not a 64-bit integer"},
      {"<line number=\"9\" hits=\"1\" branch=\"true\" condition-coverage=\"50%\"/>",
       "condition-coverage \"50%\" is not \"P% (covered/total)\""},
      {"<line number=\"9\" hits=\"1\" branch=\"true\" condition-coverage=\"100% (3/2)\"/>",
       "condition-coverage \"100% (3/2)\" has no valid covered/total"},
      {"<line number=\"9\" hits=\"1\" branch=\"true\" condition-coverage=\"0% (0/99999999999)\"/>",
       "condition-coverage \"0% (0/99999999999)\" has no valid covered/total"},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    CoverageData d =
        import_cobertura(report("<class filename=\"a\"><lines>\n" + c.line +
                                "\n<line number=\"3\" hits=\"2\"/>" + "</lines></class>"),
                         "cov.xml");
    REQUIRE(d.files.size() == 1);
    CHECK(d.files[0].lines.at(3) == 2);  // the good record after it stands
    CHECK(d.files[0].branches.empty());
    REQUIRE(d.diagnostics.size() == 1);
    CHECK_THAT(d.diagnostics[0].message, Contains("cov.xml: 1 odd record(s) skipped") &&
                                             Contains("first, at 6:1: '") &&
                                             Contains(std::string("': ") + c.why));
  }
}

TEST_CASE("cobertura: a class with only method lines (some converters) gives its lines") {
  CoverageData d = import_cobertura(
      report("<class filename=\"a.cc\"><methods><method name=\"f\"><lines>"
             "<line number=\"4\" hits=\"1\"/><line number=\"5\" hits=\"0\"/></lines></method>"
             "</methods></class>"),
      "cov.xml");
  CHECK(d.files.at(0).lines == std::map<int, int64_t>{{4, 1}, {5, 0}});
  REQUIRE(d.files.at(0).functions.size() == 1);
  CHECK(d.files.at(0).functions[0].line == 4);
}

TEST_CASE("cobertura: malformed input names the file, line and column") {
  struct Case {
    std::string text;
    const char* message;
  };
  const Case cases[] = {
      // Truncated inside a start tag: pugixml points at its last byte, the 'e'.
      {"<coverage>\n<packages>\n<package", "cov.xml:3:8: byte 29: Error parsing start element tag"},
      {"<coverage>\n<packages>\n</package>", "cov.xml:3:3: byte 24: Start-end tags mismatch"},
      {"", "cov.xml:1:1: byte 0: No document element found"},
      {"lcov? SF:/a.cc", "cov.xml:1:15: byte 14: No document element found"},
      {"<report/>",
       "cov.xml:1:1: <report>: not a Cobertura report (the root element is not "
       "<coverage>)"},
      {report("<class filename=\"a\"><lines>\n<line hits=\"1\"/></lines></class>"),
       "cov.xml:6:1: <line>: no number attribute"},
      {report("<class filename=\"a\"><lines>\n<line number=\"1\"/></lines></class>"),
       "cov.xml:6:1: <line>: no hits attribute"},
      {report("<class><lines/></class>"), "cov.xml:5:1: <class>: class without a filename"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK_THROWS_MATCHES(import_cobertura(c.text, "cov.xml"), InputError, Message(c.message));
  }
}
