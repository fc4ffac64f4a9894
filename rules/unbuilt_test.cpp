#include "rules/unbuilt_test.h"

#include <cctype>

namespace stepup {
namespace {

const char kRule[] = "unbuilt-test";

// The words of a path, lower-cased: "util/env_windows_test.cc" -> util,
// env, windows, test, cc.
std::vector<std::string> words(const std::string& path) {
  std::vector<std::string> out(1);
  for (size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    bool upper = std::isupper(static_cast<unsigned char>(c)) != 0;
    if (!std::isalnum(static_cast<unsigned char>(c)) ||
        (upper && i > 0 &&
         (std::islower(static_cast<unsigned char>(path[i - 1])) ||
          std::isdigit(static_cast<unsigned char>(path[i - 1]))))) {
      if (!out.back().empty()) out.emplace_back();
      if (!std::isalnum(static_cast<unsigned char>(c))) continue;
    }
    out.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

}  // namespace

bool names_platform(const std::string& path) {
  static const char* const kPlatforms[] = {
      "win",    "win32",  "win64",      "windows", "msvc",  "mingw",   "cygwin",  "mac",
      "macos",  "osx",    "darwin",     "apple",   "ios",   "android", "freebsd", "openbsd",
      "netbsd", "bsd",    "solaris",    "sunos",   "aix",   "hpux",    "fuchsia", "zos",
      "qnx",    "wasm",   "emscripten", "haiku",   "uwp",   "arm",     "aarch64", "riscv",
      "cuda",   "hip",    "sycl",       "opencl",  "metal", "vulkan",  "neon",    "avx",
      "avx2",   "avx512", "sse",        "sse2",    "sse4"};
  for (const std::string& w : words(path)) {
    for (const char* p : kPlatforms) {
      if (w == p) return true;
    }
  }
  return false;
}

RuleInfo unbuilt_test_info() {
  return {kRule,
          "add-tests",
          "Test files the compile database shows no build compiles (not even included by a "
          "compiled file): tests that never run. Platform-specific names and databases that "
          "leave most tests out are skipped.",
          {{"scale", 400, 1, 1000000,
            "code lines of test that take the score 63% of the way from 30 to 100"},
           {"max_unbuilt_share", 0.5, 0, 1,
            "when more of the test files than this are unbuilt, the database probably leaves "
            "tests out: the rule stays quiet"}},
          &unbuilt_test};
}

std::vector<Candidate> unbuilt_test(const Report& signals, const RuleOptions& o) {
  std::vector<Candidate> out;
  int tests = 0, unbuilt = 0;
  for (const FileFacts& f : signals.files) {
    if (f.role != "test" || !f.built) continue;
    ++tests;
    unbuilt += !*f.built;
  }
  if (unbuilt == 0 || unbuilt > o.at("max_unbuilt_share") * tests) return out;
  for (const FileFacts& f : signals.files) {
    if (f.role != "test" || !f.built || *f.built || names_platform(f.path)) continue;
    if (f.code_lines == 0) continue;
    Candidate c;
    c.rule = kRule;
    c.kind = "add-tests";
    c.id = candidate_id(kRule, f.path, "");
    set_score(c, 30, f.code_lines / o.at("scale"));
    c.target = {f.module, f.path, std::nullopt, std::nullopt};
    c.title = "Build and run " + f.path + " again: no build target compiles it";
    c.why.push_back(count_of(f.code_lines, "code line") + " of tests in " + f.path +
                    " that no entry of the compile database compiles and no compiled file "
                    "includes");
    c.why.push_back(std::to_string(tests - unbuilt) + " of the repository's " +
                    count_of(tests, "test file") + " are built");
    if (f.history && f.history->commits > 0) {
      c.why.push_back("last changed " + f.history->last_change);
    }
    c.first_step = "Find why " + f.path +
                   " left the build (git log -S on its name in the build files), add it back to "
                   "the test target, run it, and fix or delete what fails.";
    c.effort = f.code_lines <= 300 ? "S" : "M";
    c.newcomer_friendly = true;  // one file, a clear done: it builds and passes in CI
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace stepup
