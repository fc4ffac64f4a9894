#include "tests/support/coverage_fixture.h"

#include <filesystem>
#include <map>
#include <memory>
#include <sstream>

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

/// A built fixture and the temporary folder that holds it.
struct BuiltEntry {
  TempDir dir;
  BuiltRepo built;
};

}  // namespace

const BuiltRepo& built_fixture(const std::string& name, const std::string& coverage_option) {
  static std::map<std::string, std::unique_ptr<BuiltEntry>> built;
  std::unique_ptr<BuiltEntry>& entry = built[name];
  if (entry) return entry->built;
  auto made = std::make_unique<BuiltEntry>();
  BuiltRepo& b = made->built;
  b.repo = made->dir.path() + "/" + name;
  b.build = b.repo + "/build";
  b.coverage = b.build + "/coverage.json";
  run({"bash",
       (fs::path(STEPUP_SOURCE_DIR) / "tests" / "fixtures" / name / "make-repo.sh").string(),
       b.repo},
      made->dir.path());
  run({"cmake", "-S", b.repo, "-B", b.build, "-DCMAKE_BUILD_TYPE=Debug",
       "-D" + coverage_option + "=ON"},
      b.repo);
  run({"cmake", "--build", b.build, "-j2"}, b.repo);
  run({"ctest", "--test-dir", b.build, "--output-on-failure"}, b.build);
  run({"gcovr", "--root", b.repo, "--json", "--output", b.coverage, "--object-directory", b.build,
       b.build},
      b.build);
  entry = std::move(made);
  return entry->built;
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
