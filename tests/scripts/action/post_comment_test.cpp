// scripts/action/post-comment.sh against a local server playing GitHub's
// REST API (tests/support/fake_github_api.py): the first run POSTs, the
// second PATCHes the same comment; a fork's pull request, a read-only token
// and a push post nothing, and none of them fails the step.
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "scanner/common/process.h"
#include "tests/support/temp_repo.h"

using Json = nlohmann::json;
using namespace stepup::test;
using Catch::Contains;

namespace {

const std::string kSource = STEPUP_SOURCE_DIR;

/// The fake API, started in the background and stopped with the object.
class FakeGitHub {
 public:
  FakeGitHub() {
    std::string pid = run({"bash", "-c", "python3 \"$0\" \"$1\" > \"$1/server.log\" 2>&1 & echo $!",
                           kSource + "/tests/support/fake_github_api.py", dir_.path()},
                          dir_.path());
    pid_ = std::stoi(pid);
    for (int i = 0; i < 200 && !std::filesystem::exists(dir_.path() + "/port"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    REQUIRE(std::filesystem::exists(dir_.path() + "/port"));
    url_ = "http://127.0.0.1:" + read_text(dir_.path() + "/port");
  }
  ~FakeGitHub() { ::kill(pid_, SIGTERM); }
  FakeGitHub(const FakeGitHub&) = delete;
  FakeGitHub& operator=(const FakeGitHub&) = delete;
  const std::string& url() const { return url_; }
  /// Every request so far, oldest first.
  std::vector<Json> requests() const {
    std::vector<Json> out;
    std::string path = dir_.path() + "/requests.jsonl";
    if (!std::filesystem::exists(path)) return out;
    std::istringstream in(read_text(path));
    for (std::string line; std::getline(in, line);) out.push_back(Json::parse(line));
    return out;
  }

 private:
  TempDir dir_;
  int pid_ = 0;
  std::string url_;
};

struct Posted {
  stepup::ProcessResult result;
  std::vector<Json> requests;  ///< the ones this run made
  std::string outputs;         ///< what it wrote to $GITHUB_OUTPUT
};

Posted post(const FakeGitHub& api, const std::string& body, std::vector<std::string> env) {
  TempDir tmp;
  size_t before = api.requests().size();
  std::vector<std::string> argv = {"env",
                                   "-i",
                                   "PATH=" + std::string(getenv("PATH")),
                                   "GITHUB_API_URL=" + api.url(),
                                   "GITHUB_REPOSITORY=owner/repo",
                                   "GITHUB_OUTPUT=" + tmp.path() + "/outputs"};
  argv.insert(argv.end(), env.begin(), env.end());
  argv.insert(argv.end(), {"bash", kSource + "/scripts/action/post-comment.sh", body});
  stepup::SystemProcessRunner runner;
  Posted p{runner.run(argv, tmp.path()), {}, ""};
  std::vector<Json> all = api.requests();
  p.requests.assign(all.begin() + static_cast<long>(before), all.end());
  if (std::filesystem::exists(tmp.path() + "/outputs"))
    p.outputs = read_text(tmp.path() + "/outputs");
  return p;
}

std::string method_and_path(const Json& request) {
  return request["method"].get<std::string>() + " " + request["path"].get<std::string>();
}

}  // namespace

TEST_CASE("post-comment: POSTs once, then PATCHes its own comment in place") {
  FakeGitHub api;
  const std::string body = kSource + "/tests/fixtures/comment/hand-built.md";
  const std::vector<std::string> pr = {"GITHUB_TOKEN=secret-token", "STEPUP_PR_NUMBER=7",
                                       "STEPUP_PR_HEAD_REPO=owner/repo"};
  Posted first = post(api, body, pr);
  INFO(first.result.out << first.result.err);
  CHECK(first.result.exit_code == 0);
  // 120 comments: two pages, mallory's comment with the marker on the first
  // is not the action's, so a new one is posted.
  REQUIRE(first.requests.size() == 3);
  CHECK(method_and_path(first.requests[0]) ==
        "GET /repos/owner/repo/issues/7/comments?per_page=100&page=1");
  CHECK(method_and_path(first.requests[1]) ==
        "GET /repos/owner/repo/issues/7/comments?per_page=100&page=2");
  CHECK(method_and_path(first.requests[2]) == "POST /repos/owner/repo/issues/7/comments");
  CHECK(first.requests[2]["auth"] == "Bearer secret-token");
  CHECK(Json::parse(first.requests[2]["body"].get<std::string>())["body"] == read_text(body));
  CHECK(first.outputs == "comment-url=http://github.test/owner/repo/pull/7#issuecomment-1001\n");

  Posted second = post(api, body, pr);
  CHECK(second.result.exit_code == 0);
  REQUIRE(second.requests.size() == 3);
  CHECK(method_and_path(second.requests[2]) == "PATCH /repos/owner/repo/issues/comments/1001");
  CHECK(Json::parse(second.requests[2]["body"].get<std::string>())["body"] == read_text(body));
  CHECK(second.outputs == first.outputs);
}

TEST_CASE("post-comment: forks, read-only tokens and pushes post nothing and pass") {
  FakeGitHub api;
  const std::string body = kSource + "/tests/fixtures/comment/hand-built.md";
  Posted fork =
      post(api, body,
           {"GITHUB_TOKEN=secret-token", "STEPUP_PR_NUMBER=7", "STEPUP_PR_HEAD_REPO=fork/repo"});
  CHECK(fork.result.exit_code == 0);
  CHECK(fork.requests.empty());
  CHECK_THAT(fork.result.out, Contains("::notice") && Contains("fork"));
  // A deleted fork leaves the head repository empty: still not this one.
  Posted gone =
      post(api, body, {"GITHUB_TOKEN=secret-token", "STEPUP_PR_NUMBER=7", "STEPUP_PR_HEAD_REPO="});
  CHECK(gone.requests.empty());

  Posted read_only =
      post(api, body,
           {"GITHUB_TOKEN=read-only", "STEPUP_PR_NUMBER=8", "STEPUP_PR_HEAD_REPO=owner/repo"});
  CHECK(read_only.result.exit_code == 0);
  REQUIRE(read_only.requests.size() == 2);  // the listing, then the refused POST
  CHECK(method_and_path(read_only.requests[1]) == "POST /repos/owner/repo/issues/8/comments");
  CHECK_THAT(read_only.result.out, Contains("HTTP 403") && Contains("pull-requests: write"));
  CHECK(read_only.outputs.empty());

  Posted push = post(api, body, {"GITHUB_TOKEN=secret-token", "STEPUP_PR_NUMBER="});
  CHECK(push.result.exit_code == 0);
  CHECK(push.requests.empty());
  CHECK_THAT(push.result.out, Contains("not a pull request"));
}
