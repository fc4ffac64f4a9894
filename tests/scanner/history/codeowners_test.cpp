#include "scanner/history/codeowners.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/support/temp_repo.h"

using namespace stepup;
using Strings = std::vector<std::string>;

namespace {

// Owners of `path` under a CODEOWNERS text that must parse without warnings.
Strings owners(const std::string& text, const std::string& path) {
  std::vector<Diagnostic> diagnostics;
  CodeOwners parsed = parse_codeowners(text, "CODEOWNERS", diagnostics);
  REQUIRE(diagnostics.empty());
  return owners_of(parsed, path);
}

// Whether a one-rule file owns `path`.
bool matches(const std::string& pattern, const std::string& path) {
  return !owners(pattern + " @o\n", path).empty();
}

}  // namespace

TEST_CASE("codeowners: a pattern without a slash matches at any depth") {
  CHECK(matches("*.js", "app.js"));
  CHECK(matches("*.js", "web/src/app.js"));
  CHECK_FALSE(matches("*.js", "web/app.jsx"));
  CHECK(matches("*.h", "include/stepup/deep/a.h"));
  CHECK_FALSE(matches("*.h", "include/a.hpp"));
  // A name matches a file or a directory, and everything below the latter.
  CHECK(matches("docs", "docs"));
  CHECK(matches("docs", "docs/a.md"));
  CHECK(matches("docs", "web/docs/sub/a.md"));
  CHECK_FALSE(matches("docs", "docs.md"));
  CHECK_FALSE(matches("docs", "mydocs/a.md"));
}

TEST_CASE("codeowners: a leading or middle slash anchors to the root") {
  CHECK(matches("/build/", "build/out.o"));
  CHECK_FALSE(matches("/build/", "src/build/out.o"));
  CHECK(matches("build/", "src/build/out.o"));
  CHECK(matches("docs/getting-started.md", "docs/getting-started.md"));
  CHECK_FALSE(matches("docs/getting-started.md", "x/docs/getting-started.md"));
  CHECK(matches("apps/github", "apps/github/app.rb"));
  CHECK_FALSE(matches("apps/github", "apps/githubber/app.rb"));
  CHECK_FALSE(matches("apps/github", "lib/apps/github/app.rb"));
  CHECK(matches("/Makefile", "Makefile"));
  CHECK_FALSE(matches("/Makefile", "src/Makefile"));
}

TEST_CASE("codeowners: a trailing slash matches a directory, never a file") {
  CHECK(matches("apps/", "apps/a.cc"));
  CHECK(matches("apps/", "src/apps/deep/a.cc"));
  CHECK_FALSE(matches("apps/", "apps.cc"));
  CHECK_FALSE(matches("apps/", "apps"));  // a file named apps
  CHECK(matches("build/logs/", "build/logs/x/today.log"));
  CHECK_FALSE(matches("build/logs/", "src/build/logs/today.log"));
}

TEST_CASE("codeowners: '*', '?' and '**'") {
  // docs/* owns the files directly in docs, not those in subfolders.
  CHECK(matches("docs/*", "docs/a.md"));
  CHECK_FALSE(matches("docs/*", "docs/sub/b.md"));
  CHECK_FALSE(matches("docs/*", "docs"));
  CHECK(matches("/*", "README.md"));
  CHECK_FALSE(matches("/*", "src/a.cc"));
  CHECK(matches("src/*.cc", "src/a.cc"));
  CHECK_FALSE(matches("src/*.cc", "src/sub/a.cc"));
  CHECK(matches("*", "any/thing/at/all.txt"));
  CHECK(matches("test_?.cc", "t/test_1.cc"));
  CHECK(matches("test_?.cc", "t/test_\xC3\xA9.cc"));  // one character, two bytes
  CHECK_FALSE(matches("test_?.cc", "t/test_12.cc"));
  CHECK(matches("**/logs", "logs/a.log"));
  CHECK(matches("**/logs", "deeply/nested/logs/a.log"));
  CHECK_FALSE(matches("**/logs", "deeply/nested/catalogs/a.log"));
  CHECK(matches("docs/**", "docs/a/b/c.md"));
  CHECK_FALSE(matches("docs/**", "docs"));
  CHECK_FALSE(matches("docs/**", "src/docs/a.md"));
  CHECK(matches("a/**/b", "a/b"));
  CHECK(matches("a/**/b", "a/x/y/b/c.txt"));
  CHECK_FALSE(matches("a/**/b", "a/x/bb"));
  CHECK_FALSE(matches("a/**/b", "z/a/b"));
  CHECK(matches("**", "a.txt"));
  CHECK(matches("**/", "dir/a.txt"));
  CHECK_FALSE(matches("**/", "a.txt"));
  CHECK_FALSE(matches("/", "a.txt"));
}

TEST_CASE("codeowners: the last matching rule wins, an ownerless one clears") {
  const std::string text =
      "*            @everyone\n"
      "/src/        @core @org/reviewers\n"
      "src/generated/\n"
      "*.md         docs@example.com\n";
  CHECK(owners(text, "README") == Strings{"@everyone"});
  CHECK(owners(text, "src/a.cc") == Strings{"@core", "@org/reviewers"});
  CHECK(owners(text, "src/generated/a.cc").empty());
  CHECK(owners(text, "src/generated/notes.md") == Strings{"docs@example.com"});
  CHECK(owners("/apps/ @octocat\n", "lib/a.cc").empty());  // nothing matches
}

TEST_CASE("codeowners: comments, blank lines, escapes and line numbers") {
  const std::string text =
      "# owners of everything\r\n"
      "\r\n"
      "   \t\n"
      "*.cc @cc  # C++ owners\n"
      "\\#notes.txt @hash\n"
      "my\\ dir/ @spaced\n";
  std::vector<Diagnostic> diagnostics;
  CodeOwners parsed = parse_codeowners(text, ".github/CODEOWNERS", diagnostics);
  CHECK(diagnostics.empty());
  CHECK(parsed.path == ".github/CODEOWNERS");
  REQUIRE(parsed.rules.size() == 3);
  CHECK(parsed.rules[0].pattern == "*.cc");
  CHECK(parsed.rules[0].owners == Strings{"@cc"});
  CHECK(parsed.rules[0].line == 4);
  CHECK(parsed.rules[1].line == 5);
  CHECK(owners_of(parsed, "a/#notes.txt") == Strings{"@hash"});
  CHECK(owners_of(parsed, "my dir/a.txt") == Strings{"@spaced"});
  CHECK(owners_of(parsed, "notes.txt").empty());
}

TEST_CASE("codeowners: invalid owners and unsupported syntax are warnings") {
  const std::string text =
      "*.cc @good nobody @org/ a@b not@mail@x.com @org/team dev@x.io\n"
      "!*.h @neg\n"
      "*.[ch] @range\n"
      "\\!bang @literal\n";
  std::vector<Diagnostic> diagnostics;
  CodeOwners parsed = parse_codeowners(text, "CODEOWNERS", diagnostics);
  REQUIRE(parsed.rules.size() == 2);
  CHECK(parsed.rules[0].owners == Strings{"@good", "@org/team", "dev@x.io"});
  CHECK(parsed.rules[1].pattern == "\\!bang");
  CHECK(owners_of(parsed, "!bang") == Strings{"@literal"});
  REQUIRE(diagnostics.size() == 6);
  for (const Diagnostic& d : diagnostics) {
    CHECK(d.level == Diagnostic::Level::kWarning);
    CHECK(d.source == "codeowners");
    CHECK(d.path == std::optional<std::string>("CODEOWNERS"));
  }
  CHECK_THAT(diagnostics[0].message, Catch::StartsWith("CODEOWNERS:1: 'nobody'"));
  CHECK_THAT(diagnostics[3].message, Catch::Contains("not@mail@x.com"));
  CHECK_THAT(diagnostics[4].message, Catch::StartsWith("CODEOWNERS:2: negation"));
  CHECK_THAT(diagnostics[5].message, Catch::StartsWith("CODEOWNERS:3: character"));
}

TEST_CASE("codeowners: hostile input is processed without throwing") {
  std::vector<Diagnostic> diagnostics;
  std::string long_line(20000, '*');
  long_line += "/a/**/b? @o \\";  // a lone backslash ends the line
  CodeOwners parsed = parse_codeowners(long_line, "CODEOWNERS", diagnostics);
  CHECK(parsed.rules.size() == 1);
  CHECK(owners_of(parsed, "x/a/y/bz") == Strings{"@o"});
  CHECK(diagnostics.size() == 1);  // the backslash is no owner
  diagnostics.clear();
  std::string big;
  while (big.size() < 3 * 1024 * 1024 + 10) big += "src/x/*.cc @a\n";
  parsed = parse_codeowners(big, "CODEOWNERS", diagnostics);
  CHECK(owners_of(parsed, "src/x/a.cc") == Strings{"@a"});
  CHECK(diagnostics.empty());
}

TEST_CASE("codeowners: rules built by hand are compiled on use") {
  CodeOwners hand{"CODEOWNERS", {OwnerRule{"docs/*", {"@d"}, 1, nullptr}}};
  CHECK(owners_of(hand, "docs/a.md") == Strings{"@d"});
  CHECK(owners_of(hand, "docs/sub/a.md").empty());
}

TEST_CASE("codeowners: 500 rules x 20,000 paths") {
  std::string text;
  for (int i = 0; i < 500; ++i) {
    switch (i % 4) {
      case 0:
        text += "/mod" + std::to_string(i) + "/ @t" + std::to_string(i);
        break;
      case 1:
        text += "*.ext" + std::to_string(i) + " @t" + std::to_string(i);
        break;
      case 2:
        text += "**/dir" + std::to_string(i) + "/** a" + std::to_string(i) + "@x.io";
        break;
      default:
        text += "lib/*/f" + std::to_string(i) + "_?.cc @o/t" + std::to_string(i);
    }
    text += '\n';
  }
  std::vector<Diagnostic> diagnostics;
  CodeOwners parsed = parse_codeowners(text, "CODEOWNERS", diagnostics);
  REQUIRE(diagnostics.empty());
  REQUIRE(parsed.rules.size() == 500);
  size_t owned = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string path =
        "src/part" + std::to_string(i % 37) + "/sub/file" + std::to_string(i) + ".cc";
    owned += owners_of(parsed, path).size();
  }
  CHECK(owned == 0);  // none of the rules names these paths: the worst case
  CHECK(owners_of(parsed, "a/dir2/b/c.txt") == Strings{"a2@x.io"});
  CHECK(owners_of(parsed, "lib/x/f3_1.cc") == Strings{"@o/t3"});
}

TEST_CASE("find_codeowners looks where GitHub looks, in its order") {
  test::TempDir repo;
  CHECK_FALSE(find_codeowners(repo.path()).has_value());
  repo.write("docs/CODEOWNERS", "* @d\n");
  CHECK(find_codeowners(repo.path()) == std::optional<std::string>("docs/CODEOWNERS"));
  repo.write("CODEOWNERS", "* @r\n");
  CHECK(find_codeowners(repo.path()) == std::optional<std::string>("CODEOWNERS"));
  repo.write(".github/CODEOWNERS", "* @g\n");
  CHECK(find_codeowners(repo.path()) == std::optional<std::string>(".github/CODEOWNERS"));
  CHECK_FALSE(find_codeowners(repo.path() + "/missing").has_value());
}
