#include "scanner/coverage/gcovr_run.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "model/errors.h"
#include "scanner/common/path_match.h"
#include "scanner/coverage/import.h"

namespace stepup {
namespace {

constexpr size_t kQuotedLines = 8;

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    start = end + 1;
  }
  return out;
}

std::string trimmed(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

// Quoted the way Python's shlex.split reads it back.
std::string shell_quoted(const std::string& word) {
  if (!word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                              "0123456789_./+-=:,@") == std::string::npos) {
    return word;
  }
  std::string out = "'";
  for (char c : word) {
    if (c == '\'') {
      out += "'\"'\"'";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Keeps a long log in a file so the console gets a few lines of it.
std::string save_log(const std::string& text) {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/stepup-gcovr-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  int fd = mkstemp(buf.data());
  if (fd < 0) return {};
  bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  close(fd);
  return ok ? std::string(buf.data()) : std::string();
}

// The first lines of a log, and where the rest is.
std::string excerpt(const std::string& log) {
  std::vector<std::string_view> lines = lines_of(log);
  std::string out;
  for (size_t i = 0; i < lines.size() && i < kQuotedLines; ++i) {
    out += "\n  " + std::string(lines[i].substr(0, 300));
  }
  if (lines.size() > kQuotedLines) {
    std::string file = save_log(log);
    out += "\n  ... " + std::to_string(lines.size() - kQuotedLines) + " more line(s)" +
           (file.empty() ? std::string() : ", all of them in " + file);
  }
  return out;
}

}  // namespace

std::string gcov_command(const std::string& given) {
  std::string text = given.empty() ? "gcov" : given;
  size_t b = text.find_first_not_of(" \t");
  size_t e = b == std::string::npos ? b : text.find_first_of(" \t", b);
  std::string program = b == std::string::npos ? "" : text.substr(b, e - b);
  std::string rest = e == std::string::npos ? "" : text.substr(e);
  if (text.find('/') != std::string::npos && !find_program(text).empty()) {
    program = text;  // a path with a space in it, not a program and its arguments
    rest.clear();
  }
  std::string path = find_program(program);
  if (path.empty()) {
    throw InputError("--coverage-build: gcov program '" + program +
                     "' not found in PATH's absolute folders (install gcc's gcov, or name it "
                     "with --gcov-executable, e.g. --gcov-executable 'llvm-cov gcov')");
  }
  return shell_quoted(path) + rest;
}

std::vector<Diagnostic> gcovr_warnings(std::string_view err, const std::string& root,
                                       const std::string& name) {
  constexpr std::string_view kUnrecognized = "Unrecognized GCOV output for ";
  std::map<std::string, std::pair<int, std::string>> skipped;  // file -> count, first line
  int other = 0;
  std::string first_other;
  std::vector<std::string_view> lines = lines_of(err);
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t at = lines[i].find(kUnrecognized);
    if (at != std::string_view::npos) {
      std::string file = trimmed(lines[i].substr(at + kUnrecognized.size()));
      std::string rel = relative_to(root, file);
      auto& [count, first] = skipped[rel.empty() ? file : rel];
      // The skipped gcov lines follow, each indented by a tab and two spaces.
      for (; i + 1 < lines.size() && lines[i + 1].substr(0, 3) == "\t  "; ++i) {
        if (count++ == 0) first = trimmed(lines[i + 1]);
      }
      continue;
    }
    bool warning = lines[i].find("(WARNING)") != std::string_view::npos ||
                   lines[i].find("(ERROR)") != std::string_view::npos;
    // gcovr 5 follows each skipped block with its exception, already counted.
    bool echo =
        i + 1 < lines.size() && lines[i].find("Exception during parsing") != std::string_view::npos;
    if (echo) {
      ++i;
      continue;
    }
    if (warning && other++ == 0) first_other = trimmed(lines[i]);
  }
  std::vector<Diagnostic> out;
  for (const auto& [file, what] : skipped) {
    out.push_back({Diagnostic::Level::kWarning, "coverage",
                   name + ": gcovr skipped " + std::to_string(what.first) +
                       " gcov line(s) it could not read (negative counts come from "
                       "threads racing on counters); first: '" +
                       what.second + "'",
                   file});
  }
  if (other > 0) {
    out.push_back({Diagnostic::Level::kWarning, "coverage",
                   name + ": gcovr printed " + std::to_string(other) +
                       " other warning(s); first: " + first_other.substr(0, 300),
                   std::nullopt});
  }
  return out;
}

CoverageData run_gcovr(const GcovrRun& run, ProcessRunner& runner) {
  std::error_code ec;
  if (!std::filesystem::is_directory(run.build_dir, ec)) {
    throw InputError(run.build_dir + ": --coverage-build needs a build directory");
  }
  std::string dir = std::filesystem::absolute(run.build_dir, ec).string();
  if (find_program("gcovr").empty()) {
    throw InputError(
        "gcovr could not be run (not found in PATH's absolute folders); install it: "
        "apt-get install gcovr (or pip install gcovr)");
  }
  std::string gcov = gcov_command(run.gcov);
  ProcessResult r =
      runner.run({"gcovr", "--config", "/dev/null", "--root", run.root, "--gcov-executable", gcov,
                  "--gcov-ignore-parse-errors", "--json", "--object-directory", dir, dir},
                 dir);
  if (!r.started) {
    throw InputError("gcovr could not be run (" + r.err +
                     "); install it: apt-get install gcovr (or pip install gcovr)");
  }
  std::string name = "gcovr over " + run.build_dir;
  if (r.exit_code != 0) {
    throw InputError("gcovr failed with exit code " + std::to_string(r.exit_code) + " over " + dir +
                     ":" + excerpt(r.err));
  }
  CoverageData data = import_coverage(r.out, "gcovr --json over " + dir);
  std::vector<Diagnostic> warnings = gcovr_warnings(r.err, run.root, name);
  data.diagnostics.insert(data.diagnostics.end(), warnings.begin(), warnings.end());
  return data;
}

}  // namespace stepup
