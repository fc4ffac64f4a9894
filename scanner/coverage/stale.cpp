#include "scanner/coverage/stale.h"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <filesystem>

namespace stepup {
namespace {

namespace fs = std::filesystem;

std::string base_name(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string folder(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

// How many trailing folder names two folders share.
size_t common_folders(const std::string& a, const std::string& b) {
  size_t n = 0, i = a.size(), j = b.size();
  while (i > 0 && j > 0) {
    size_t si = a.rfind('/', i - 1), sj = b.rfind('/', j - 1);
    size_t bi = si == std::string::npos ? 0 : si + 1, bj = sj == std::string::npos ? 0 : sj + 1;
    if (a.compare(bi, i - bi, b, bj, j - bj) != 0) break;
    ++n;
    if (si == std::string::npos || sj == std::string::npos) break;
    i = si;
    j = sj;
  }
  return n;
}

std::string when(int64_t ns) {
  std::time_t t = static_cast<std::time_t>(ns / 1000000000);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", std::gmtime(&t));
  return buf;
}

// Whether the line's text starts like a function the compiler may leave
// out when nothing calls it.
bool maybe_dropped(std::string_view line) {
  size_t b = line.find_first_not_of(" \t");
  if (b == std::string_view::npos) return true;
  line.remove_prefix(b);
  for (std::string_view word : {"static", "inline", "constexpr", "template", "consteval"}) {
    if (line.substr(0, word.size()) == word) return true;
  }
  return false;
}

}  // namespace

int64_t modification_time(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return 0;
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

void add_notes_times(const std::string& build_dir, CoverageClock& clock) {
  std::error_code ec;
  fs::recursive_directory_iterator it(build_dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string path = it->path().string();
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".gcno") != 0) continue;
    int64_t t = modification_time(path);
    clock.notes.emplace_back(path, t);
    clock.newest_notes = std::max(clock.newest_notes, t);
  }
}

std::string stale_by_time(const std::string& path, int64_t mtime, bool changed,
                          const CoverageClock& clock) {
  if (mtime == 0) return {};
  if (!clock.notes.empty()) {
    // CMake names the notes of src/a.cc ".../src/a.cc.gcno", make "a.gcno".
    std::string base = base_name(path);
    std::string stem = base.substr(0, base.rfind('.'));
    size_t best = 0;
    int64_t compiled = -1;
    for (const auto& [notes, t] : clock.notes) {
      std::string name = base_name(notes);
      if (name != base + ".gcno" && name != stem + ".gcno") continue;
      size_t shared = common_folders(folder(notes), folder(path)) + 1;
      if (shared > best || (shared == best && t < compiled)) {
        best = shared;
        compiled = t;
      }
    }
    if (compiled >= 0 && mtime > compiled) {
      return "the source changed after it was compiled for coverage (source " + when(mtime) +
             ", its .gcno " + when(compiled) + " UTC): rebuild and rerun the tests";
    }
    if (compiled < 0 && mtime > clock.newest_notes) {
      return "the file changed after the last coverage build (" + when(mtime) + ", newest .gcno " +
             when(clock.newest_notes) + " UTC): rebuild and rerun the tests";
    }
  }
  if (clock.reports > 0 && changed && mtime > clock.reports) {
    return "the file differs from HEAD and changed after the coverage data was written (" +
           when(mtime) + ", coverage " + when(clock.reports) +
           " UTC): rerun the tests and write the coverage again";
  }
  return {};
}

std::string stale_by_content(const FileCoverage& fc, const std::vector<bool>& is_code,
                             const std::vector<FunctionFacts>& functions, bool header,
                             const std::vector<std::string_view>& lines) {
  for (const auto& [line, hits] : fc.lines) {
    if (line > static_cast<int>(is_code.size())) {
      return "the coverage data names line " + std::to_string(line) + " but the file has " +
             std::to_string(is_code.size()) + " lines";
    }
    if (!is_code[line - 1]) {
      return "the coverage data counts line " + std::to_string(line) +
             ", which now holds no code (blank or a comment)";
    }
  }
  if (header || fc.lines.empty()) return {};
  for (const FunctionFacts& fn : functions) {
    bool global = fn.qualified_name == fn.name && fn.name.find("operator") != 0;
    if (!global || fn.is_template || fn.is_constexpr || fn.internal_linkage || fn.from_macro ||
        !fn.trivial.empty() || fn.line < 1 || fn.line > static_cast<int>(lines.size()) ||
        maybe_dropped(lines[fn.line - 1]) || (fn.line > 1 && maybe_dropped(lines[fn.line - 2]))) {
      continue;
    }
    auto it = fc.lines.lower_bound(fn.line);
    if (it != fc.lines.end() && it->first <= fn.end_line) continue;
    int code = 0;
    for (int l = fn.line; l <= fn.end_line && l <= static_cast<int>(is_code.size()); ++l) {
      code += is_code[l - 1];
    }
    if (code < 2) continue;
    return "function " + fn.name + " (lines " + std::to_string(fn.line) + "-" +
           std::to_string(fn.end_line) +
           ") has no coverage data, though the compiler emits every such function";
  }
  return {};
}

}  // namespace stepup
