// End to end: the facts cache and sharded scans give report.json the very
// bytes of a plain scan (cold, warm, off; N = 1, 2, 3 shards merged), and
// the cache's faults (a cut-off entry, a deleted header, entries that
// cannot be written, two scans at once) cost time, never a wrong fact.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/temp_repo.h"

using stepup::test::read_text;
using stepup::test::run;
using stepup::test::run_stepup;

namespace fs = std::filesystem;

namespace {

/// A synthetic repository (bench/make-synthetic-repo.py) of n TUs.
std::string synthetic(const stepup::test::TempDir& dir, int tus) {
  std::string repo = dir.path() + "/syn";
  run({"python3", std::string(STEPUP_SOURCE_DIR) + "/bench/make-synthetic-repo.py", repo, "--tus",
       std::to_string(tus)},
      dir.path());
  return repo;
}

/// Scans repo into out with the extra options; returns report.json and
/// the console's stderr.
std::pair<std::string, std::string> scan(const std::string& repo, const std::string& out,
                                         std::vector<std::string> extra) {
  std::vector<std::string> args = {"scan", repo, "-o", out};
  if (std::find(extra.begin(), extra.end(), "--format") == extra.end()) {
    args.insert(args.end(), {"--format", "json"});
  }
  args.insert(args.end(), extra.begin(), extra.end());
  if (std::find(extra.begin(), extra.end(), "-j") == extra.end()) {
    args.insert(args.end(), {"-j", "2"});
  }
  auto r = run_stepup(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return {read_text(out + "/report.json"), r.err};
}

// The page less the one value that differs from scan to scan: when it ran.
std::string without_scan_time(std::string html) {
  const std::string key = "\"scanned_at\":\"";
  size_t at = html.find(key);
  REQUIRE(at != std::string::npos);
  return html.erase(at, html.find('"', at + key.size()) + 1 - at);
}

bool says(const std::string& err, const std::string& text) {
  return err.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("the example's report is the same bytes with a cold, a warm and no cache",
          "[cache][e2e]") {
  stepup::test::TempDir dir;
  const std::string repo = dir.path() + "/shop";
  run({"bash", std::string(STEPUP_SOURCE_DIR) + "/examples/make-history.sh", repo}, dir.path());
  // The compile database is written at configure time: no build needed.
  run({"cmake", "-S", repo, "-B", repo + "/build", "-DCMAKE_BUILD_TYPE=Debug"}, repo);
  const std::string cache = dir.path() + "/cache";
  auto [plain, plain_err] = scan(repo, dir.path() + "/plain", {"--no-cache"});
  auto [cold, cold_err] = scan(repo, dir.path() + "/cold", {"--cache", cache});
  auto [warm, warm_err] = scan(repo, dir.path() + "/warm", {"--cache", cache});
  auto [one, one_err] = scan(repo, dir.path() + "/j1", {"--no-cache", "-j", "1"});
  CHECK(cold == plain);
  CHECK(warm == plain);
  CHECK(one == plain);
  CHECK(says(cold_err, " 0 reused"));
  CHECK(says(warm_err, "0 TU(s) parsed"));
}

TEST_CASE(
    "the example's index.html, token classes and all, is the same bytes from the cache "
    "and from merged shards",
    "[cache][e2e][syntax]") {
  stepup::test::TempDir dir;
  const std::string repo = dir.path() + "/shop";
  run({"bash", std::string(STEPUP_SOURCE_DIR) + "/examples/make-history.sh", repo}, dir.path());
  run({"cmake", "-S", repo, "-B", repo + "/build", "-DCMAKE_BUILD_TYPE=Debug"}, repo);
  const std::string cache = dir.path() + "/cache";
  auto page = [&](const std::string& out, std::vector<std::string> extra) {
    scan(repo, dir.path() + out, [&] {
      extra.insert(extra.end(), {"--format", "json,html"});
      return extra;
    }());
    return without_scan_time(read_text(dir.path() + out + "/index.html"));
  };
  std::string plain = page("/plain", {"--no-cache"});
  // Segments are there to compare: embedded files' first tokens, on line 1.
  CHECK(says(plain, "\"syntax\":[1,"));
  CHECK(page("/cold", {"--cache", cache}) == plain);
  CHECK(page("/warm", {"--cache", cache}) == plain);
  std::vector<std::string> merge = {"merge"};
  for (const char* k : {"1/2", "2/2"}) {
    std::string facts = dir.path() + "/shard-" + std::string(1, k[0]) + ".facts";
    auto r = run_stepup({"scan", repo, "--shard", k, "--facts-out", facts, "--no-cache"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    merge.push_back(facts);
  }
  merge.insert(merge.end(),
               {repo, "-o", dir.path() + "/merged", "--format", "json,html", "--no-cache"});
  auto r = run_stepup(merge);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(without_scan_time(read_text(dir.path() + "/merged/index.html")) == plain);
}

// One repository, one cold scan, then each case in an order where every
// case leaves a cache the next can use (sections would scan again each).
TEST_CASE("a synthetic repo: cache, shards and the cache's faults keep the bytes", "[cache][e2e]") {
  stepup::test::TempDir dir;
  const std::string repo = synthetic(dir, 8);
  const std::string cache = dir.path() + "/cache";
  auto [plain, plain_err] = scan(repo, dir.path() + "/plain", {"--no-cache"});
  auto [cold, cold_err] = scan(repo, dir.path() + "/cold", {"--cache", cache});
  CHECK(cold == plain);

  {
    INFO("warm");
    auto [warm, err] = scan(repo, dir.path() + "/warm", {"--cache", cache});
    CHECK(warm == plain);
    CHECK(says(err, "0 TU(s) parsed, 8 reused"));
  }
  {
    INFO("sharded over N = 1, 2, 3 jobs and merged");
    for (int n = 1; n <= 3; ++n) {
      std::vector<std::string> merge = {"merge"};
      int parsed = 0;
      for (int k = 1; k <= n; ++k) {
        std::string facts = dir.path() + "/shard-" + std::to_string(k) + ".facts";
        auto r = run_stepup({"scan", repo, "--shard", std::to_string(k) + "/" + std::to_string(n),
                             "--facts-out", facts, "--no-cache", "-j", "2"});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        CHECK_FALSE(fs::exists(dir.path() + "/shard-out"));
        size_t at = r.err.find(": ", r.err.find("stepup: shard ") + 14);  // "shard K/N: T TUs"
        parsed += std::stoi(r.err.substr(at + 2));
        merge.push_back(facts);
      }
      CHECK(parsed == 8);  // each TU in exactly one shard
      std::string out = dir.path() + "/merged-" + std::to_string(n);
      for (auto a : {repo, std::string("-o"), out, std::string("--format"), std::string("json"),
                     std::string("--no-cache")}) {
        merge.push_back(a);
      }
      auto r = run_stepup(merge);
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
      CHECK(says(r.err, "0 TU(s) parsed, 8 reused"));
      CHECK(read_text(out + "/report.json") == plain);
      for (int k = 1; k <= n; ++k)
        fs::remove(dir.path() + "/shard-" + std::to_string(k) + ".facts");
    }
  }
  {
    INFO("patch mode with a warm cache parses only the TU the change touches");
    std::ofstream(repo + "/src/mod2/unit_0.cpp", std::ios::app)
        << "\nint added_for_the_patch() { return 1; }\n";
    auto r = run_stepup({"scan", repo, "-o", dir.path() + "/patch", "--format", "json", "--cache",
                         cache, "--diff-base", "HEAD"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(says(r.err, "1 TU(s) parsed, 7 reused"));
  }
  run({"git", "-C", repo, "checkout", "-q", "--", "."}, repo);
  {
    INFO("truncated entries are misses, said on the console");
    for (const auto& e : fs::recursive_directory_iterator(cache + "/entries")) {
      if (e.is_regular_file()) fs::resize_file(e.path(), fs::file_size(e.path()) / 2);
    }
    auto [again, err] = scan(repo, dir.path() + "/again", {"--cache", cache});
    CHECK(again == plain);
    CHECK(says(err, "unreadable"));
    CHECK(says(err, "8 TU(s) parsed, 0 reused"));
  }
  {
    INFO("a header the manifest names is deleted");
    fs::remove(repo + "/src/mod1/pair_0.h");
    auto [fresh, fresh_err] = scan(repo, dir.path() + "/fresh", {"--no-cache"});
    auto [cached, err] = scan(repo, dir.path() + "/cached", {"--cache", cache});
    CHECK(cached == fresh);
    CHECK(cached != plain);
    CHECK(says(err, "1 TU(s) parsed, 7 reused"));
  }
  run({"git", "-C", repo, "checkout", "-q", "--", "."}, repo);
  {
    INFO("entries cannot be written (a full disk)");
    fs::remove_all(cache);
    fs::create_directories(cache + "/entries");
    const char* hex = "0123456789abcdef";
    for (int a = 0; a < 16; ++a) {
      for (int b = 0; b < 16; ++b) std::ofstream(cache + "/entries/" + hex[a] + hex[b]) << "x";
    }
    auto [full, err] = scan(repo, dir.path() + "/full", {"--cache", cache});
    CHECK(full == plain);
    CHECK(says(err, "cannot write cache entries"));
  }
  {
    INFO("two scans share one cache folder at once");
    fs::remove_all(cache);
    std::string cmd;
    for (const char* out : {"/a", "/b"}) {
      cmd += std::string(STEPUP_BINARY) + " scan " + repo + " -o " + dir.path() + out +
             " --format json -j 1 --cache " + cache + " 2>" + dir.path() + out + ".err & p" +
             (out + 1) + "=$!; ";
    }
    run({"bash", "-c", cmd + "wait $pa && wait $pb"}, dir.path());
    CHECK(read_text(dir.path() + "/a/report.json") == plain);
    CHECK(read_text(dir.path() + "/b/report.json") == plain);
    auto [warm, err] = scan(repo, dir.path() + "/warm", {"--cache", cache});
    CHECK(warm == plain);
    CHECK(says(err, "0 TU(s) parsed, 8 reused"));
  }
}

TEST_CASE("merge refuses shards that do not belong together", "[cache][e2e]") {
  stepup::test::TempDir dir;
  const std::string repo = synthetic(dir, 2);
  auto shard = [&](const std::string& k, const std::string& file, std::vector<std::string> extra) {
    std::vector<std::string> args = {
        "scan", repo, "--shard", k, "--facts-out", dir.path() + "/" + file, "--no-cache"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_stepup(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  };
  dir.write("other.json", R"({"signals": {"stderr_is_logging": true}})");
  shard("1/2", "a.facts", {});
  shard("2/2", "b.facts", {});
  shard("2/2", "c.facts", {"--config", dir.path() + "/other.json"});
  auto merge = [&](std::vector<std::string> facts) {
    std::vector<std::string> args = {"merge"};
    args.insert(args.end(), facts.begin(), facts.end());
    for (auto a : {repo, std::string("-o"), dir.path() + "/out", std::string("--no-cache")}) {
      args.push_back(a);
    }
    return run_stepup(args);
  };
  auto missing = merge({dir.path() + "/a.facts"});
  CHECK(missing.exit_code == 3);
  CHECK(says(missing.err, "shard 2/2 is missing"));
  auto twice = merge({dir.path() + "/a.facts", dir.path() + "/a.facts"});
  CHECK(twice.exit_code == 3);
  CHECK(says(twice.err, "is also"));
  auto config = merge({dir.path() + "/a.facts", dir.path() + "/c.facts"});
  CHECK(config.exit_code == 3);
  CHECK(says(config.err, "c.facts: made with another configuration"));
  std::ofstream(dir.path() + "/cut.facts") << read_text(dir.path() + "/b.facts").substr(0, 100);
  auto cut = merge({dir.path() + "/a.facts", dir.path() + "/cut.facts"});
  CHECK(cut.exit_code == 3);
  CHECK(says(cut.err, "cut.facts: not a usable stepup facts file"));
  CHECK_FALSE(fs::exists(dir.path() + "/out/report.json"));
  auto ok = merge({dir.path() + "/a.facts", dir.path() + "/b.facts"});
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
}

TEST_CASE("the sharded CI examples' scripts, run here with N = 3, report the plain bytes",
          "[cache][e2e]") {
  stepup::test::TempDir dir;
  const std::string repo = synthetic(dir, 6);
  const std::string ci = std::string(STEPUP_SOURCE_DIR) + "/docs/ci/";
  const std::string stepup = std::string("STEPUP=") + STEPUP_BINARY;
  const std::string xdg = "XDG_CACHE_HOME=" + dir.path() + "/xdg";
  const std::string facts = dir.path() + "/stepup-facts";
  for (int k = 1; k <= 3; ++k) {
    // What each job of GitHub's matrix and GitLab's parallel: 3 runs.
    run({"env", stepup, "STEPUP_FACTS_DIR=" + facts, "STEPUP_CACHE=" + dir.path() + "/cache",
         "bash", ci + "stepup-shard.sh", repo, std::to_string(k), "3"},
        dir.path());
  }
  for (int k = 1; k <= 3; ++k) CHECK(fs::exists(facts + "/shard-" + std::to_string(k) + ".facts"));
  // The merge job, and one unsharded run of the same script to compare.
  stepup::SystemProcessRunner runner;
  auto merged = runner.run(
      {"env", stepup, xdg, "STEPUP_FACTS_DIR=" + facts, "STEPUP_OUT=" + dir.path() + "/merged",
       "bash", ci + "stepup-ci.sh", repo, "HEAD"},
      dir.path());
  auto plain = runner.run({"env", stepup, xdg, "STEPUP_OUT=" + dir.path() + "/plain", "bash",
                           ci + "stepup-ci.sh", repo, "HEAD"},
                          dir.path());
  INFO(merged.err);
  CHECK(merged.exit_code == plain.exit_code);
  CHECK(says(merged.err, "0 TU(s) parsed, 6 reused"));
  CHECK(read_text(dir.path() + "/merged/report.json") ==
        read_text(dir.path() + "/plain/report.json"));
}
