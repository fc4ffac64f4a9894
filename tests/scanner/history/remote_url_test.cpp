#include "scanner/history/remote_url.h"

#include <catch2/catch.hpp>
#include <string>

using namespace stepup;

namespace {

const std::string kSha = "0123456789abcdef0123456789abcdef01234567";

// The web address a remote URL gives, or "refused: <why>".
std::string web(const std::string& url) {
  std::string why;
  std::optional<RemoteUrl> r = parse_remote_url(url, &why);
  return r ? web_address(*r) : "refused: " + why;
}

Links links_of(const std::string& url, const LinksConfig& config = {}) {
  std::string why;
  bool refused = false;
  std::optional<Links> l = make_links(url, kSha, config, &why, &refused);
  INFO(why);
  REQUIRE(l);
  CHECK_FALSE(refused);
  return *l;
}

std::string why_none(const std::optional<std::string>& url, const LinksConfig& config,
                     bool* refused) {
  std::string why;
  CHECK_FALSE(make_links(url, kSha, config, &why, refused));
  return why;
}

}  // namespace

TEST_CASE("remote URL forms give the repository's web address", "[links]") {
  CHECK(web("https://github.com/acme/shop.git") == "https://github.com/acme/shop");
  CHECK(web("https://github.com/acme/shop") == "https://github.com/acme/shop");
  CHECK(web("https://github.com/acme/shop/") == "https://github.com/acme/shop");
  CHECK(web("git@github.com:acme/shop.git") == "https://github.com/acme/shop");
  CHECK(web("github.com:acme/shop") == "https://github.com/acme/shop");
  CHECK(web("ssh://git@gitlab.com:2222/group/sub/deeper/repo.git") ==
        "https://gitlab.com/group/sub/deeper/repo");
  CHECK(web("git+ssh://git@bitbucket.org/team/repo.git") == "https://bitbucket.org/team/repo");
  CHECK(web("git://codeberg.org/owner/repo.git") == "https://codeberg.org/owner/repo");
  CHECK(web("HTTP://Git.Example.COM:8080/a/b.git") == "http://git.example.com:8080/a/b");
}

TEST_CASE("credentials never reach the web address", "[links]") {
  CHECK(web("https://user:ghp_s3cr3tT0ken@github.com/acme/shop.git") ==
        "https://github.com/acme/shop");
  CHECK(web("https://x-access-token:abc@def@github.com/acme/shop") ==
        "https://github.com/acme/shop");
  CHECK(web("https://oauth2:glpat-xyz@gitlab.com/g/r.git") == "https://gitlab.com/g/r");
  CHECK(web("ssh://deploy:pw@gitea.com:22/o/r") == "https://gitea.com/o/r");
  Links l = links_of("https://user:tok3n@github.com/acme/shop.git");
  CHECK(l.remote.find("tok3n") == std::string::npos);
  CHECK(l.file_url.find("tok3n") == std::string::npos);
  CHECK(l.file_url.find('@') == std::string::npos);
}

TEST_CASE("hostile or local remotes are refused", "[links]") {
  for (const char* url : {"javascript:alert(1)",
                          "JavaScript:alert(document.cookie)//x/y",
                          "javascript:x/y",
                          "data:text/html,x/y",
                          "vbscript:msgbox/x",
                          "file:///srv/repo.git",
                          "ftp://host/o/r",
                          "https://github.com/acme/shop\"onmouseover=\"x",
                          "https://github.com/acme/'x'/r",
                          "https://github.com/acme/shop\nhttps://evil/x",
                          "https://github.com/a/b\r",
                          "https://github.com/a b/c",
                          "https://github.com/a/<script>",
                          "https://github.com/a/b`",
                          "https://github.com/a\\b/c",
                          "https://github.com/acme",
                          "https://github.com/",
                          "https://github.com",
                          "https://github.com/a/../b",
                          "https://github.com/a/b?token=x",
                          "https://github.com/a/b#frag",
                          "https://:80/a/b",
                          "https://-x.com/a/b",
                          "https://github.com:port/a/b",
                          "/srv/git/repo.git",
                          "../repo",
                          "repo",
                          "",
                          "C:\\repos\\x",
                          "git@github.com:",
                          "https://github.com/a/b\xC3\xA9"}) {
    std::string why;
    INFO(url);
    CHECK_FALSE(parse_remote_url(url, &why));
    CHECK_FALSE(why.empty());
  }
}

TEST_CASE("each host's templates at the scanned commit", "[links]") {
  Links gh = links_of("git@github.com:acme/shop.git");
  CHECK(gh.host == "github");
  CHECK(gh.from == "remote origin");
  CHECK(gh.commit == kSha);
  CHECK(file_link(gh, "src/a b/c#d.cc", 12) ==
        "https://github.com/acme/shop/blob/" + kSha + "/src/a%20b/c%23d.cc#L12");
  CHECK(file_link(gh, "src/x.cc", 0) == "https://github.com/acme/shop/blob/" + kSha + "/src/x.cc");
  CHECK(commit_link(gh, "abc1234") == "https://github.com/acme/shop/commit/abc1234");

  Links gl = links_of("https://gitlab.com/group/sub/repo.git");
  CHECK(gl.host == "gitlab");
  CHECK(file_link(gl, "a.cc", 3) ==
        "https://gitlab.com/group/sub/repo/-/blob/" + kSha + "/a.cc#L3");
  CHECK(commit_link(gl, "abc1234") == "https://gitlab.com/group/sub/repo/-/commit/abc1234");

  Links bb = links_of("git@bitbucket.org:team/repo.git");
  CHECK(bb.host == "bitbucket");
  CHECK(file_link(bb, "a.cc", 7) ==
        "https://bitbucket.org/team/repo/src/" + kSha + "/a.cc#lines-7");
  CHECK(commit_link(bb, "abc1234") == "https://bitbucket.org/team/repo/commits/abc1234");

  Links gt = links_of("https://codeberg.org/owner/repo.git");
  CHECK(gt.host == "gitea");
  CHECK(file_link(gt, "a.cc", 7) ==
        "https://codeberg.org/owner/repo/src/commit/" + kSha + "/a.cc#L7");
  CHECK(commit_link(gt, "abc1234") == "https://codeberg.org/owner/repo/commit/abc1234");
}

TEST_CASE("unknown hosts link only when the config says how", "[links]") {
  bool refused = false;
  std::string why = why_none("git@git.example.com:team/repo.git", {}, &refused);
  CHECK(refused);
  CHECK(why.find("git.example.com") != std::string::npos);
  CHECK(why.find("report.links.host") != std::string::npos);

  LinksConfig gitlab;
  gitlab.host = "gitlab";
  Links l = links_of("ssh://git@git.example.com:2222/team/sub/repo.git", gitlab);
  CHECK(l.host == "gitlab");
  CHECK(file_link(l, "a.cc", 1) ==
        "https://git.example.com/team/sub/repo/-/blob/" + kSha + "/a.cc#L1");

  LinksConfig custom;
  custom.file_url = "https://code.example.com/browse/{path}?at={sha}&line={line}";
  custom.commit_url = "https://code.example.com/commit/{sha}";
  l = links_of("git@git.example.com:team/repo.git", custom);
  CHECK(l.host == "custom");
  CHECK(l.from == "config");
  CHECK(file_link(l, "d/a+b.cc", 9) ==
        "https://code.example.com/browse/d/a%2Bb.cc?at=" + kSha + "&line=9");
  CHECK(file_link(l, "a.cc", 0) == "https://code.example.com/browse/a.cc?at=" + kSha + "&line=1");

  // Templates alone, without any remote.
  std::string w;
  bool r = false;
  CHECK(make_links(std::nullopt, kSha, custom, &w, &r));
}

TEST_CASE("no links without a remote, a commit or a usable URL", "[links]") {
  bool refused = true;
  std::string why = why_none(std::nullopt, {}, &refused);
  CHECK_FALSE(refused);
  CHECK(why.find("no remote named 'origin'") != std::string::npos);

  why = why_none(std::string("javascript:alert(1)//a/b"), {}, &refused);
  CHECK(refused);
  CHECK(why.find("alert") == std::string::npos);  // the URL itself is not repeated

  std::string w;
  CHECK_FALSE(make_links(std::string("https://github.com/a/b"), std::nullopt, {}, &w, &refused));
  CHECK_FALSE(
      make_links(std::string("https://github.com/a/b"), std::string("HEAD"), {}, &w, &refused));
}

TEST_CASE("config templates are held to the page's rules", "[links]") {
  CHECK(check_link_template("https://h.example/{path}#L{line}", "{path}").empty());
  CHECK(check_link_template("https://h.example/commit/{sha}", "{sha}").empty());
  CHECK_FALSE(check_link_template("https://h.example/x", "{path}").empty());
  CHECK_FALSE(check_link_template("javascript:alert('{path}')", "{path}").empty());
  CHECK_FALSE(check_link_template("https://h.example/{path}\"><script>", "{path}").empty());
  CHECK_FALSE(check_link_template("https://h.example/{path}\n", "{path}").empty());
  CHECK_FALSE(check_link_template("https://u:p@h.example/{path}", "{path}").empty());
  CHECK_FALSE(check_link_template("https://h.example/{path}/{branch}", "{path}").empty());
  CHECK_FALSE(check_link_template("//h.example/{path}", "{path}").empty());
}

TEST_CASE("percent-encoding keeps only unreserved characters and '/'", "[links]") {
  CHECK(percent_encode_path("a/b c/d%e?f#g&h'i\"j<k>.cc") ==
        "a/b%20c/d%25e%3Ff%23g%26h%27i%22j%3Ck%3E.cc");
  CHECK(percent_encode_path("t\xC3\xA9st/~x_y-z.h") == "t%C3%A9st/~x_y-z.h");
  CHECK(safe_web_url("https://github.com/a/b/blob/x/" + percent_encode_path("<\"'>\n"), nullptr));
}
