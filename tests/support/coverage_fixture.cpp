#include "tests/support/coverage_fixture.h"

#include <filesystem>
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
