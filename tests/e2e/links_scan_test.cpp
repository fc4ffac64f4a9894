// Links to the code end to end: a real repository whose remote is set with
// `git remote add`, scanned by the built binary. report.json's links point
// at the scanned commit without the remote's credentials; a hostile remote
// gives no links, a warning and a console line; --html-source picks what
// the page holds.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/temp_repo.h"

using namespace stepup;
using Json = nlohmann::json;
using Catch::Contains;

namespace {

struct Repo {
  test::TempDir dir;
  std::string sha;
  Repo() {
    dir.write("src/calc.cpp", R"(int calc(int a, int b, int c) {
  int n = 0;
  for (int i = 0; i < a; ++i) {
    if (i % 2 == 0 && b > 0) {
      for (int j = 0; j < b; ++j) {
        if (j > c || j == i) {
          while (n < 100) {
            if (n % 3 == 0) { n += 2; } else if (n % 5 == 0) { n += 3; } else { ++n; }
          }
        } else if (c > 4) {
          n -= j;
        }
      }
    } else if (b < 0 || c < 0) {
      n += i;
    }
  }
  return n;  // calc's last line
}
)");
    test::git_commit_all(dir.path(), "calc");
    sha = test::run({"git", "rev-parse", "HEAD"}, dir.path());
    sha = sha.substr(0, sha.find('\n'));
  }
  void git(const std::vector<std::string>& args) const {
    std::vector<std::string> argv = {"git", "-C", dir.path()};
    argv.insert(argv.end(), args.begin(), args.end());
    test::run(argv, dir.path());
  }
  // Scans into OUT; returns the run (report.json and index.html in OUT).
  ProcessResult scan(const std::string& out, std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"scan",      dir.path(),  "-o", dir.path() + "/" + out,
                                     "--format",  "json,html", "-j", "1",
                                     "--no-cache"};
    args.insert(args.end(), extra.begin(), extra.end());
    return test::run_stepup(args);
  }
  Json report(const std::string& out) const {
    return Json::parse(test::read_text(dir.path() + "/" + out + "/report.json"));
  }
};

bool has_links_warning(const Json& doc) {
  for (const auto& d : doc["diagnostics"]) {
    if (d["source"] == "links" && d["level"] == "warning") return true;
  }
  return false;
}

}  // namespace

TEST_CASE("links: a GitLab remote with a token links at the scanned commit, token-free",
          "[links][e2e]") {
  Repo r;
  r.git({"remote", "add", "origin", "https://oauth2:glpat-S3CRET@gitlab.com/group/sub/shop.git"});
  ProcessResult run = r.scan("out");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  Json links = r.report("out")["links"];
  CHECK(links["host"] == "gitlab");
  CHECK(links["from"] == "remote origin");
  CHECK(links["remote"] == "https://gitlab.com/group/sub/shop");
  CHECK(links["commit"] == r.sha);
  CHECK(links["file_url"] ==
        "https://gitlab.com/group/sub/shop/-/blob/" + r.sha + "/{path}#L{line}");
  CHECK(links["commit_url"] == "https://gitlab.com/group/sub/shop/-/commit/{sha}");
  for (const char* file : {"/out/report.json", "/out/index.html"}) {
    CHECK(test::read_text(r.dir.path() + file).find("S3CRET") == std::string::npos);
  }
  CHECK(run.err.find("no links") == std::string::npos);
  CHECK(run.err.find("S3CRET") == std::string::npos);
}

TEST_CASE("links: hostile, unknown and missing remotes give no links and say why", "[links][e2e]") {
  Repo r;
  ProcessResult none = r.scan("none");
  REQUIRE(none.exit_code == 0);
  CHECK(r.report("none")["links"].is_null());
  CHECK_THAT(none.err, Contains("index.html has no links to the code: the repository has no "
                                "remote named 'origin'"));

  r.git({"remote", "add", "origin", "javascript:alert(1)//x/y"});
  ProcessResult js = r.scan("js");
  REQUIRE(js.exit_code == 0);
  Json doc = r.report("js");
  CHECK(doc["links"].is_null());
  CHECK(has_links_warning(doc));
  CHECK_THAT(js.err, Contains("is refused"));
  CHECK(test::read_text(r.dir.path() + "/js/index.html").find("alert(1)") == std::string::npos);

  r.git({"remote", "set-url", "origin", "https://github.com/a/b\"onclick=\"x"});
  CHECK(r.report("js")["links"].is_null());
  REQUIRE(r.scan("quote").exit_code == 0);
  CHECK(r.report("quote")["links"].is_null());
  CHECK(has_links_warning(r.report("quote")));

  // A self-hosted host links only once the config names its kind.
  r.git({"remote", "set-url", "origin", "git@git.example.com:team/shop.git"});
  ProcessResult unknown = r.scan("unknown");
  CHECK_THAT(unknown.err, Contains("report.links.host"));
  CHECK(r.report("unknown")["links"].is_null());
  r.dir.write(".stepup.json", R"({"report": {"links": {"host": "gitea"}}})");
  REQUIRE(r.scan("gitea").exit_code == 0);
  CHECK(r.report("gitea")["links"]["file_url"] ==
        "https://git.example.com/team/shop/src/commit/" + r.sha + "/{path}#L{line}");

  // A hostile template in the repository's config stops the run (exit 3).
  r.dir.write(".stepup.json", R"x({"report": {"links": {"file_url": "javascript:x('{path}')"}}})x");
  CHECK(r.scan("bad").exit_code == 3);
}

TEST_CASE("links: --html-source embed, link and none", "[links][e2e]") {
  Repo r;
  r.git({"remote", "add", "origin", "git@github.com:acme/shop.git"});
  r.dir.write("calc.info", "TN:\nSF:src/calc.cpp\nDA:1,1\nDA:2,1\nend_of_record\n");
  for (const char* mode : {"embed", "link", "none"}) {
    std::string out = std::string("out-") + mode;
    // Covered files are the ones the page embeds.
    REQUIRE(r.scan(out, {"--html-source", mode, "-c", r.dir.path() + "/calc.info"}).exit_code == 0);
    std::string html = test::read_text(r.dir.path() + "/" + out + "/index.html");
    bool embedded = html.find("calc's last line") != std::string::npos;
    CHECK(embedded == (std::string(mode) == "embed"));
    CHECK(html.find(std::string("\"source_mode\":\"") + mode + "\"") != std::string::npos);
    CHECK(r.report(out)["links"]["host"] == "github");
  }
  CHECK(r.scan("bad", {"--html-source", "inline"}).exit_code == 2);
}
