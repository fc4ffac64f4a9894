#include "tests/support/coverage_fixture.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

namespace stepup::test {

namespace fs = std::filesystem;

CoverageFixture::CoverageFixture() {
  fs::path from = fs::path(STEPUP_SOURCE_DIR) / "tests" / "fixtures" / "coverage";
  for (const auto& entry : fs::directory_iterator(from)) {
    fs::copy_file(entry.path(), fs::path(dir()) / entry.path().filename());
  }
  run({"g++", "--coverage", "-O0", "-o", "prog", "main.cpp", "other.cpp"}, dir());
  run({"./prog"}, dir());
}

std::string CoverageFixture::source(const std::string& rel) const {
  return read_text((fs::path(dir()) / rel).string());
}

namespace {

/// FNV-1a, so a cache key does not depend on the standard library.
std::string fnv1a_hex(const std::string& text) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

/// An exclusive lock on a file, held while the object lives: test
/// processes that run at once (ctest -j) build a fixture only once.
class FileLock {
 public:
  explicit FileLock(const std::string& path) : fd_(::open(path.c_str(), O_CREAT | O_RDWR, 0644)) {
    REQUIRE(fd_ >= 0);
    REQUIRE(::flock(fd_, LOCK_EX) == 0);
  }
  ~FileLock() {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

/// The text of every file a fixture's `inputs` list names (one path of the
/// source tree a line, a folder taken whole in path order), so an edit of
/// what make-repo.sh copies builds the fixture anew.
std::string inputs_text(const fs::path& fixture) {
  std::string out;
  std::ifstream list(fixture / "inputs");
  for (std::string rel; std::getline(list, rel);) {
    if (rel.empty()) continue;
    fs::path from = fs::path(STEPUP_SOURCE_DIR) / rel;
    std::vector<fs::path> files;
    if (fs::is_directory(from)) {
      for (const auto& e : fs::recursive_directory_iterator(from)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
    } else {
      files.push_back(from);
    }
    for (const fs::path& f : files) out += f.string() + "\n" + read_text(f.string());
  }
  return out;
}

void build_into(const std::string& coverage_option, const BuiltRepo& b, const fs::path& script) {
  run({"bash", script.string(), b.repo}, fs::path(b.repo).parent_path().string());
  run({"cmake", "-S", b.repo, "-B", b.build, "-DCMAKE_BUILD_TYPE=Debug",
       "-D" + coverage_option + "=ON"},
      b.repo);
  run({"cmake", "--build", b.build, "-j2"}, b.repo);
  run({"ctest", "--test-dir", b.build, "--output-on-failure"}, b.build);
  run({"gcovr", "--root", b.repo, "--json", "--output", b.coverage, "--object-directory", b.build,
       b.build},
      b.build);
}

}  // namespace

const BuiltRepo& built_fixture(const std::string& name, const std::string& coverage_option) {
  static std::map<std::string, BuiltRepo> built;
  auto found = built.find(name);
  if (found != built.end()) return found->second;
  const fs::path fixtures = fs::path(STEPUP_SOURCE_DIR) / "tests" / "fixtures";
  const fs::path script = fixtures / name / "make-repo.sh";
  // Kept beside the test binary, keyed by what makes the fixture: a test
  // run builds it once however many test processes use it, and an edit of
  // the script builds it anew.
  const std::string key = fnv1a_hex(read_text(script.string()) +
                                    read_text((fixtures / "lib" / "git-fixture.sh").string()) +
                                    coverage_option + inputs_text(fixtures / name));
  // STEPUP_FIXTURE_CACHE: another build's (scripts/test.sh's sanitizer run
  // reuses the first run's; the key covers everything that makes a fixture).
  const char* shared = std::getenv("STEPUP_FIXTURE_CACHE");
  const fs::path cache = shared && *shared
                             ? fs::path(shared)
                             : fs::path(STEPUP_BINARY).parent_path() / "tests" / "fixture-cache";
  const fs::path root = cache / (name + "-" + key);
  fs::create_directories(cache);
  BuiltRepo b;
  b.repo = (root / name).string();
  b.build = b.repo + "/build";
  b.coverage = b.build + "/coverage.json";
  {
    FileLock lock(root.string() + ".lock");
    if (!fs::exists(root / "READY")) {
      fs::remove_all(root);
      fs::create_directories(root);
      build_into(coverage_option, b, script);
      std::ofstream(root / "READY") << "built\n";
    }
  }
  return built[name] = b;
}

std::map<int, std::string> annotations(const std::string& text, const std::string& key) {
  std::map<int, std::string> out;
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    size_t comment = line.find("//");
    // A comment on a line of its own describes the file, not a line.
    if (comment == std::string::npos || line.find_first_not_of(" ") == comment) continue;
    size_t at = line.find(key + ": ", comment);
    if (at == std::string::npos) continue;
    std::string value = line.substr(at + key.size() + 2);
    // Stop at the next "word:" so "hits: 3 branches: 1 2" splits in two.
    std::istringstream words(value);
    std::string word, kept;
    while (words >> word && word.back() != ':') kept += (kept.empty() ? "" : " ") + word;
    out[n] = kept;
  }
  return out;
}

}  // namespace stepup::test
