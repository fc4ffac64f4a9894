// The file view's token segments and branch outcomes, in the page's units.
// Expected segments are counted by hand from the texts: [line delta, column
// delta, length * 4 + class], columns in UTF-16 units.
#include "reports/source_view.h"

#include <catch2/catch.hpp>

#include "model/report.h"

using namespace stepup;
using Json = nlohmann::ordered_json;

namespace {

Json segs(const std::string& text, const std::vector<int>& syntax) {
  return syntax_segments_json(text, syntax);
}

Json ints(std::initializer_list<int> v) {
  Json out = Json::array();
  for (int x : v) out.push_back(x);
  return out;
}

}  // namespace

TEST_CASE("source view: token segments are relative triples", "[source-view]") {
  // "int" at column 0 (3 * 4 + keyword 0), "x" one column after its end.
  CHECK(segs("int x;\n", {0, 3, kSyntaxKeyword, 4, 1, kSyntaxIdentifier}) ==
        ints({1, 0, 12, 0, 1, 7}));
  CHECK(segs("", {}) == Json::array());
}

TEST_CASE("source view: columns count UTF-16 units, not UTF-8 bytes", "[source-view]") {
  // s = "hé"; return;  -- é is two bytes, one unit: return starts at byte
  // 11 but column 10; the literal is 5 bytes, 4 units.
  const std::string text = "s = \"h\xc3\xa9\"; return;\n";
  CHECK(segs(text, {0, 1, kSyntaxIdentifier, 4, 5, kSyntaxLiteral, 11, 6, kSyntaxKeyword}) ==
        ints({1, 0, 7, 0, 3, 17, 0, 2, 24}));
  // A non-ASCII identifier before a keyword: "é = 0; int" (é: 2 bytes;
  // 0 at byte 5, column 4; int at byte 8, column 7).
  CHECK(segs("\xc3\xa9 = 0; int\n", {0, 2, kSyntaxIdentifier, 5, 1, kSyntaxLiteral, 8, 3, 0}) ==
        ints({1, 0, 7, 0, 3, 5, 0, 2, 12}));
  // Outside the BMP a character is a surrogate pair: two units. "// 😀 ok"
  // is 3 + 4 + 3 bytes and 3 + 2 + 3 units; the next line starts afresh.
  CHECK(segs("// \xf0\x9f\x98\x80 ok\nint y;\n",
             {0, 10, kSyntaxComment, 11, 3, kSyntaxKeyword, 15, 1, kSyntaxIdentifier}) ==
        ints({1, 0, 34, 1, 0, 12, 0, 1, 7}));
}

TEST_CASE("source view: a token over two lines colours both", "[source-view]") {
  // "/* a" (4) on line 1, "   b */" (7) on line 2, then " int z;".
  const std::string text = "/* a\n   b */ int z;\n";
  CHECK(segs(text, {0, 12, kSyntaxComment, 13, 3, kSyntaxKeyword, 17, 1, kSyntaxIdentifier}) ==
        ints({1, 0, 18, 1, 0, 30, 0, 1, 12, 0, 1, 7}));
  // An empty line inside a comment has nothing to colour: line 2 is skipped.
  CHECK(segs("/*\n\n*/\n", {0, 6, kSyntaxComment}) == ints({1, 0, 10, 2, 0, 10}));
}

TEST_CASE("source view: bytes that are not UTF-8 count as the page's U+FFFD", "[source-view]") {
  // The page's JSON holds one U+FFFD for a stray byte, and one for a lead
  // byte cut short, the byte after it read again: check that first.
  auto page = [](const std::string& s) {
    return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
  };
  CHECK(page("\xff"
             "a") ==
        "\"\xef\xbf\xbd"
        "a\"");
  CHECK(page("\xc3"
             "a") ==
        "\"\xef\xbf\xbd"
        "a\"");
  CHECK(page("\xe0\x80"
             "a") ==
        "\"\xef\xbf\xbd\xef\xbf\xbd"
        "a\"");
  CHECK(segs("\xff"
             "a b",
             {1, 1, kSyntaxIdentifier, 3, 1, kSyntaxIdentifier}) == ints({1, 1, 7, 0, 1, 7}));
  CHECK(segs("\xc3"
             "a",
             {1, 1, kSyntaxIdentifier}) == ints({1, 1, 7}));
  CHECK(segs("\xe0\x80"
             "a",
             {2, 1, kSyntaxIdentifier}) == ints({1, 2, 7}));
}

TEST_CASE("source view: triples out of order, past the text or of no class are skipped",
          "[source-view]") {
  CHECK(segs("int x;\n", {4, 1, kSyntaxIdentifier, 0, 3, kSyntaxKeyword, 100, 1, 3, 5, 1, 9, -1, 1,
                          0, 2}) == ints({1, 4, 7}));
}

TEST_CASE("source view: branch outcomes per line, lines without one left out", "[source-view]") {
  std::map<int, std::vector<int64_t>> counts = {{3, {1, 0, 2}}, {5, {}}, {9, {0, 0}}};
  CHECK(branch_counts_json(counts) == Json::parse("[[3,1,0,2],[9,0,0]]"));
  CHECK(branch_counts_json({}) == Json::array());
}
