// The file view's token classes (FileFacts::syntax), made by the real scan
// from the TU's own tokens, asserted exactly for a hand-written file; then
// the same through the facts cache.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "app/pipeline.h"
#include "reports/source_view.h"
#include "tests/support/temp_repo.h"

using namespace stepup;

namespace {

// A block comment over two lines, a non-ASCII identifier and a string
// literal with a non-ASCII character before a keyword on its line.
const std::string kSource =
    "/* counts\n"
    "   words */\n"
    "int count_\xc3\xa9(const char* s) {\n"
    "  const char* t = \"h\xc3\xa9llo\"; return s == t;\n"
    "}\n";

ScanResult scan(const std::string& repo, const std::string& cache = "") {
  SystemProcessRunner runner;
  ScanOptions options;
  options.repo = repo;
  options.jobs = 1;
  options.cache_dir = cache;
  return run_scan(options, runner);
}

const FileFacts& file(const Report& r, const std::string& path) {
  for (const auto& f : r.files) {
    if (f.path == path) return f;
  }
  FAIL("no file " << path);
  throw;
}

/// The (length, class) of the token the scan saw starting at `offset`;
/// (-1, -1) when none.
std::pair<int, int> token_at(const std::vector<int>& syntax, size_t offset) {
  for (size_t i = 0; i + 2 < syntax.size(); i += 3) {
    if (syntax[i] == static_cast<int>(offset)) return {syntax[i + 1], syntax[i + 2]};
  }
  return {-1, -1};
}

/// The page's relative segments back as (line, column, length, class).
std::vector<std::vector<int>> absolute(const nlohmann::ordered_json& segments) {
  std::vector<std::vector<int>> out;
  int line = 0, end = 0;
  for (size_t i = 0; i + 2 < segments.size(); i += 3) {
    int dl = segments[i].get<int>(), dc = segments[i + 1].get<int>(),
        lc = segments[i + 2].get<int>();
    if (dl > 0) end = 0;
    line += dl;
    int col = end + dc;
    out.push_back({line, col, lc / 4, lc % 4});
    end = col + lc / 4;
  }
  return out;
}

bool has(const std::vector<std::vector<int>>& segs, std::vector<int> seg) {
  for (const auto& s : segs) {
    if (s == seg) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the scan keeps each file's keywords, literals, comments and identifiers", "[syntax]") {
  test::TempDir repo;
  repo.write("src/count.cpp", kSource);
  ScanResult r = scan(repo.path());
  const FileFacts& f = file(r.report, "src/count.cpp");
  REQUIRE(f.functions.size() == 1);
  CHECK_FALSE(f.parse_errors);
  const std::vector<int>& syn = f.syntax;
  REQUIRE(syn.size() % 3 == 0);
  // By hand: "/* counts\n   words */" is 9 + 1 + 11 bytes.
  CHECK(token_at(syn, 0) == std::make_pair(21, int{kSyntaxComment}));
  size_t line3 = kSource.find("int count_");
  CHECK(token_at(syn, line3) == std::make_pair(3, int{kSyntaxKeyword}));
  // count_ and the two bytes of U+00E9.
  CHECK(token_at(syn, line3 + 4) == std::make_pair(8, int{kSyntaxIdentifier}));
  CHECK(token_at(syn, kSource.find("const char* s")) == std::make_pair(5, int{kSyntaxKeyword}));
  CHECK(token_at(syn, kSource.find("s)")) == std::make_pair(1, int{kSyntaxIdentifier}));
  // "h\xc3\xa9llo" with its quotes: 1 + 1 + 2 + 3 + 1 bytes.
  CHECK(token_at(syn, kSource.find('"')) == std::make_pair(8, int{kSyntaxLiteral}));
  CHECK(token_at(syn, kSource.find("return")) == std::make_pair(6, int{kSyntaxKeyword}));
  // Punctuation stays plain: '(' '*' '{' ';' '==' carry no class.
  CHECK(token_at(syn, kSource.find('(')) == std::make_pair(-1, -1));
  CHECK(token_at(syn, kSource.find("==")) == std::make_pair(-1, -1));
  CHECK(token_at(syn, kSource.find('{')) == std::make_pair(-1, -1));

  // In the page's units: the comment colours both its lines, and "return"
  // sits at UTF-16 column 27 of line 4 (its byte column is 28: the
  // literal's U+00E9 is two bytes but one unit).
  auto segs = absolute(syntax_segments_json(f.source, f.syntax));
  CHECK(has(segs, {1, 0, 9, kSyntaxComment}));
  CHECK(has(segs, {2, 0, 11, kSyntaxComment}));
  CHECK(has(segs, {3, 4, 7, kSyntaxIdentifier}));  // count_é: 7 units
  CHECK(has(segs, {4, 18, 7, kSyntaxLiteral}));
  CHECK(has(segs, {4, 27, 6, kSyntaxKeyword}));
}

TEST_CASE("a scan served from the facts cache gives the same token classes", "[syntax][cache]") {
  test::TempDir repo, cache;
  repo.write("src/count.cpp", kSource);
  repo.write("src/count.h", "#pragma once\n// a header\nint count_h(); /* trailing */\n");
  repo.write("src/main.cpp", "#include \"count.h\"\nint main() { return count_h(); }\n");
  ScanResult cold = scan(repo.path(), cache.path() + "/c");
  ScanResult warm = scan(repo.path(), cache.path() + "/c");
  CHECK(cold.parse.reused == 0);
  REQUIRE(warm.translation_units == cold.translation_units);
  CHECK(warm.parse.reused == warm.translation_units);  // nothing parsed again
  for (const char* path : {"src/count.cpp", "src/count.h", "src/main.cpp"}) {
    INFO(path);
    const FileFacts& c = file(cold.report, path);
    CHECK_FALSE(c.syntax.empty());
    CHECK(file(warm.report, path).syntax == c.syntax);
  }
  // The header, owned by main.cpp's TU: its comments come through too.
  const FileFacts& h = file(warm.report, "src/count.h");
  CHECK(token_at(h.syntax, h.source.find("// a header")) ==
        std::make_pair(11, int{kSyntaxComment}));
  CHECK(token_at(h.syntax, h.source.find("/* trailing */")) ==
        std::make_pair(14, int{kSyntaxComment}));
}
