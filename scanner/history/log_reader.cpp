#include "scanner/history/log_reader.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "scanner/common/git_command.h"

namespace stepup {
namespace {

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

void say(std::vector<Diagnostic>& diagnostics, Diagnostic::Level level, const std::string& message,
         std::optional<std::string> path = std::nullopt) {
  diagnostics.push_back({level, "history", message, std::move(path)});
}

/// A temporary file that is removed with the object.
class TempFile {
 public:
  TempFile() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/stepup-log-XXXXXX";
    int fd = mkstemp(path_.data());
    if (fd < 0) {
      path_.clear();
    } else {
      close(fd);
    }
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  bool ok() const { return !path_.empty(); }
  const std::string& path() const { return path_; }
  std::string read() const {
    std::string text;
    std::FILE* f = std::fopen(path_.c_str(), "rb");
    if (!f) return text;
    char chunk[1 << 16];
    for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;) text.append(chunk, n);
    std::fclose(f);
    return text;
  }

 private:
  std::string path_;
};

}  // namespace

std::optional<RepoFacts> read_repo_facts(const std::string& root, ProcessRunner& runner,
                                         std::vector<Diagnostic>& diagnostics) {
  ProcessResult head = runner.run(git_command(root, {"log", "-1", "--format=%ct"}), root);
  if (!head.started) {
    say(diagnostics, Diagnostic::Level::kWarning,
        "git could not be run (" + head.err + "); no history");
    return std::nullopt;
  }
  if (head.exit_code != 0) {
    say(diagnostics, Diagnostic::Level::kWarning,
        "no git history (" + first_line(head.err.empty() ? "no commits" : head.err) +
            "); history is null");
    return std::nullopt;
  }
  RepoFacts facts;
  facts.head_time = std::atoll(head.out.c_str());
  ProcessResult shallow =
      runner.run(git_command(root, {"rev-parse", "--is-shallow-repository"}), root);
  if (shallow.out.rfind("true", 0) == 0) {
    say(diagnostics, Diagnostic::Level::kWarning,
        "shallow clone: history is partial (fetch with --unshallow or fetch-depth: 0)");
  }
  ProcessResult tree =
      runner.run(git_command(root, {"ls-tree", "-r", "-z", "--name-only", "HEAD"}), root);
  facts.tracked_files = std::count(tree.out.begin(), tree.out.end(), '\0');
  return facts;
}

IgnoreRevs read_ignore_revs(const std::string& root, std::vector<Diagnostic>& diagnostics) {
  const std::string name = ".git-blame-ignore-revs";
  std::ifstream in(root + "/" + name, std::ios::binary);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  IgnoreRevs revs = parse_ignore_revs(text.str());
  if (revs.malformed > 0) {
    say(diagnostics, Diagnostic::Level::kWarning,
        std::to_string(revs.malformed) + " line(s) are not full object names (first: line " +
            std::to_string(revs.first_malformed_line) + "); skipped",
        name);
  }
  return revs;
}

std::vector<std::string> log_argv(const std::string& root, const HistoryConfig& config,
                                  std::optional<int64_t> since, size_t max_count) {
  std::vector<std::string> argv = git_command(
      root, {"-c", "core.quotePath=true", "log", "--no-merges", "-M", "-w", "--no-color",
             "--no-ext-diff", "--no-textconv"});
  if (since) argv.push_back("--since=@" + std::to_string(*since));
  if (max_count > 0) argv.push_back("--max-count=" + std::to_string(max_count));
  argv.push_back(kLogFormat);
  if (config.functions) {
    // Explicit prefixes: a user's diff.noprefix must not change the output.
    argv.insert(argv.end(), {"-p", "-U0", "--full-index", "--src-prefix=a/", "--dst-prefix=b/"});
  } else {
    argv.insert(argv.end(), {"-z", "--numstat"});
  }
  return argv;
}

LogRead read_log(const std::string& root, const HistoryConfig& config, std::optional<int64_t> since,
                 size_t max_count, ProcessRunner& runner) {
  std::vector<std::string> argv = log_argv(root, config, since, max_count);
  // git writes its log in many small pieces; through a pipe every piece
  // wakes this process (20,000 context switches on a 20,000-commit log).
  // Written to a temporary file it is read in one go.
  TempFile out_file;
  if (out_file.ok()) argv.push_back("--output=" + out_file.path());
  ProcessResult log = runner.run(argv, root);
  if (out_file.ok()) log.out = out_file.read();
  LogRead read;
  read.commits = config.functions ? parse_patch_log(log.out, &read.error)
                                  : parse_numstat_log(log.out, &read.error);
  if (log.exit_code != 0) {
    // A partial clone or a damaged mirror: keep what was read, name the commit.
    std::string last = read.commits.empty() ? "none" : read.commits.back().sha;
    say(read.diagnostics, Diagnostic::Level::kWarning,
        "git log stopped early (" + first_line(log.err) + "); history read up to commit " + last);
    if (read.error.empty()) read.error = "git log exited with " + std::to_string(log.exit_code);
  } else if (!read.error.empty()) {
    say(read.diagnostics, Diagnostic::Level::kWarning, "git log output: " + read.error);
  }
  return read;
}

std::optional<std::vector<Hunk>> BlobDiffer::operator()(const std::string& old_blob,
                                                        const std::string& new_blob) const {
  ProcessResult r = runner_.run(
      git_command(root_, {"diff", "-U0", "-w", "--no-color", "--no-ext-diff", "--no-textconv",
                          old_blob, new_blob}),
      root_);
  if (!r.started || r.exit_code != 0) return std::nullopt;
  return parse_hunks(r.out);
}

}  // namespace stepup
