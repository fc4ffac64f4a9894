#include "rules/unbuilt_test.h"

#include <algorithm>
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
          "compiled file): tests that never run. Platform tests, fuzz targets, tests whose "
          "subject is not built either and databases that leave most tests out are skipped; "
          "three or more make one task.",
          {{"scale", 400, 1, 1000000,
            "code lines of test that take the score 63% of the way from 30 to 100"},
           {"max_unbuilt_share", 0.5, 0, 1,
            "when more of the test files than this are unbuilt, the database probably leaves "
            "tests out: the rule stays quiet"},
           {"rollup_min", 3, 2, 1000, "unbuilt test files that make one task together"}},
          &unbuilt_test};
}

namespace {

// A fuzz target is built by the fuzzing infrastructure (OSS-Fuzz's build
// script, a -fsanitize=fuzzer configuration), not by the test build.
bool fuzz_target(const std::string& path) {
  for (const std::string& w : words(path)) {
    if (w == "fuzz" || w == "fuzzer" || w == "fuzzers" || w == "fuzzing") return true;
  }
  return false;
}

// "src/includes_normalize_test.cc" -> "includes_normalize".
std::string subject_stem(const std::string& path) {
  std::string base = path.substr(path.rfind('/') + 1);
  base = base.substr(0, base.find('.'));
  for (const char* suffix : {"_unittest", "_tests", "_test", "-test", "Tests", "Test"}) {
    std::string x = suffix;
    if (base.size() > x.size() && base.compare(base.size() - x.size(), x.size(), x) == 0) {
      return base.substr(0, base.size() - x.size());
    }
  }
  if (base.rfind("test_", 0) == 0) return base.substr(5);
  return "";
}

// The code a test is named after is not built here either (every file
// named like it, includes_normalize.h and includes_normalize-win32.cc, is
// unbuilt): the test belongs to a platform or option this build leaves out.
bool subject_unbuilt(const Report& r, const std::string& test_path) {
  std::string stem = subject_stem(test_path);
  if (stem.empty()) return false;
  int subjects = 0;
  for (const FileFacts& f : r.files) {
    if (f.role == "test" || !f.built) continue;
    std::string base = f.path.substr(f.path.rfind('/') + 1);
    if (base.size() <= stem.size() || base.compare(0, stem.size(), stem) != 0) continue;
    char next = base[stem.size()];
    if (next != '.' && next != '-' && next != '_') continue;
    if (*f.built) return false;
    ++subjects;
  }
  return subjects > 0;
}

Candidate base_candidate(const FileFacts& f) {
  Candidate c;
  c.rule = kRule;
  c.kind = "add-tests";
  c.target = {f.module, f.path, std::nullopt, std::nullopt};
  c.first_step = "Find why " + f.path +
                 " left the build (git log -S on its name in the build files), add it back to "
                 "the test target, run it, and fix or delete what fails.";
  return c;
}

Candidate file_candidate(const FileFacts& f, int tests, int unbuilt, const RuleOptions& o) {
  Candidate c = base_candidate(f);
  c.id = candidate_id(kRule, f.path, "");
  set_score(c, 30, static_cast<double>(f.code_lines) / o.at("scale"));
  c.title = "Build and run " + f.path + " again: no build target compiles it";
  c.why.push_back(count_of(f.code_lines, "code line") + " of tests in " + f.path +
                  " that no entry of the compile database compiles and no compiled file "
                  "includes");
  c.why.push_back(std::to_string(tests - unbuilt) + " of the repository's " +
                  count_of(tests, "test file") + " are built");
  if (f.history && f.history->commits > 0)
    c.why.push_back("last changed " + f.history->last_change);
  c.effort = f.code_lines <= 300 ? "S" : "M";
  c.newcomer_friendly = true;  // one file, a clear done: it builds and passes in CI
  return c;
}

// Several unbuilt tests: one task listing them, the largest first.
Candidate rollup_candidate(std::vector<const FileFacts*> fs, int tests, int unbuilt,
                           const RuleOptions& o) {
  std::stable_sort(fs.begin(), fs.end(), [](const FileFacts* a, const FileFacts* b) {
    return a->code_lines > b->code_lines;
  });
  int64_t lines = 0;
  std::string names;
  for (const FileFacts* f : fs) {
    lines += f->code_lines;
    if (names.size() < 160) names += (names.empty() ? "" : ", ") + f->path;
  }
  Candidate c = base_candidate(*fs.front());
  c.id = candidate_id(kRule, "", "");
  set_score(c, 30, static_cast<double>(lines) / o.at("scale"));
  c.title = "Build and run the " + std::to_string(fs.size()) +
            " test files no build target compiles (" + fs.front()->path + " and " +
            std::to_string(fs.size() - 1) + " more)";
  c.why.push_back(count_of(lines, "code line") + " of tests in " + std::to_string(fs.size()) +
                  " files that no entry of the compile database compiles and no compiled file "
                  "includes: " +
                  names);
  c.why.push_back(std::to_string(tests - unbuilt) + " of the repository's " +
                  count_of(tests, "test file") + " are built");
  c.first_step = "Start with the largest: " + c.first_step;
  c.effort = lines <= 1000 ? "M" : "L";
  c.newcomer_friendly = false;  // several files
  return c;
}

}  // namespace

std::vector<Candidate> unbuilt_test(const Report& signals, const RuleOptions& o) {
  std::vector<Candidate> out;
  int tests = 0, unbuilt = 0;
  for (const FileFacts& f : signals.files) {
    if (f.role != "test" || !f.built) continue;
    ++tests;
    unbuilt += !*f.built;
  }
  if (unbuilt == 0 || unbuilt > o.at("max_unbuilt_share") * tests) return out;
  std::vector<const FileFacts*> found;
  for (const FileFacts& f : signals.files) {
    if (f.role != "test" || !f.built || *f.built || f.code_lines == 0) continue;
    if (names_platform(f.path) || fuzz_target(f.path) || subject_unbuilt(signals, f.path)) continue;
    found.push_back(&f);
  }
  if (found.size() >= o.at("rollup_min")) {
    out.push_back(rollup_candidate(found, tests, unbuilt, o));
  } else {
    for (const FileFacts* f : found) out.push_back(file_candidate(*f, tests, unbuilt, o));
  }
  return out;
}

}  // namespace stepup
