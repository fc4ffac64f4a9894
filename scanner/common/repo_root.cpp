#include "scanner/common/repo_root.h"

#include <algorithm>
#include <filesystem>

#include "model/errors.h"
#include "scanner/common/git_command.h"
#include "scanner/common/path_match.h"

namespace fs = std::filesystem;

namespace stepup {
namespace {

std::string first_lines(const std::string& text, size_t n) {
  std::string out;
  size_t start = 0;
  for (size_t i = 0; i < n && start < text.size(); ++i) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out += (i ? " " : "") + text.substr(start, end - start);
    start = end + 1;
  }
  return out;
}

// The repo-relative folder of `dir` with a trailing '/', "" for the root
// itself, nullopt outside it.
std::optional<std::string> folder_in(const std::string& root, const std::string& dir) {
  if (dir == root) return std::string();
  std::string rel = relative_to(root, dir);
  if (rel.empty()) return std::nullopt;
  return rel + "/";
}

}  // namespace

RepoLocation locate_repo(const std::string& start, const std::vector<std::string>& paths,
                         ProcessRunner& runner) {
  RepoLocation out;
  std::error_code ec;
  fs::path canonical = fs::canonical(start, ec);
  if (ec || !fs::is_directory(canonical, ec)) {
    out.root = start;  // discovery says what is wrong with it
    return out;
  }
  std::string here = canonical.string();
  out.root = here;
  ProcessResult r = runner.run(git_command(here, {"rev-parse", "--show-toplevel"}), here);
  if (r.started && r.exit_code == 0) {
    std::string top = r.out.substr(0, r.out.find('\n'));
    fs::path real = fs::canonical(top, ec);
    if (!ec) out.root = real.string();
  } else if (r.started && r.err.find("dubious ownership") != std::string::npos) {
    out.refused =
        Diagnostic{Diagnostic::Level::kError, "discover",
                   "git refuses this repository: " + first_lines(r.err, 1) +
                       " It is scanned as a plain folder, without history. If you trust it: "
                       "git config --global --add safe.directory " +
                       here,
                   std::nullopt};
  }
  if (paths.empty()) {
    std::optional<std::string> below = folder_in(out.root, here);
    if (below && !below->empty()) out.scope.push_back(*below);
    return out;
  }
  for (const std::string& p : paths) {
    fs::path dir = fs::canonical(p, ec);
    if (ec || !fs::is_directory(dir, ec)) throw InputError("--path " + p + ": not a folder");
    std::optional<std::string> rel = folder_in(out.root, dir.string());
    if (!rel) throw InputError("--path " + p + ": not inside the repository " + out.root);
    if (rel->empty()) {  // the top itself: everything
      out.scope.clear();
      return out;
    }
    out.scope.push_back(*rel);
  }
  return out;
}

bool in_scope(const std::vector<std::string>& scope, const std::string& path) {
  if (scope.empty()) return true;
  for (const std::string& s : scope) {
    if (path.compare(0, s.size(), s) == 0) return true;
  }
  return false;
}

void limit_to_scope(Discovery& discovery, const RepoLocation& where) {
  if (where.refused) discovery.diagnostics.push_back(*where.refused);
  if (where.scope.empty()) return;
  size_t before = discovery.files.size();
  discovery.files.erase(
      std::remove_if(discovery.files.begin(), discovery.files.end(),
                     [&](const SourceFile& f) { return !in_scope(where.scope, f.path); }),
      discovery.files.end());
  std::string scope = describe_scope(where.scope);
  discovery.diagnostics.push_back(
      {Diagnostic::Level::kInfo, "discover",
       "scanning " + scope + " only, " + std::to_string(discovery.files.size()) + " of the " +
           std::to_string(before) + " source files of the repository at " + discovery.root +
           " (paths stay relative to it; start at the top, or drop --path, to scan it all)",
       std::nullopt});
  if (discovery.files.empty() && before > 0) {
    discovery.diagnostics.push_back({Diagnostic::Level::kError, "discover",
                                     "no C or C++ source file in " + scope +
                                         " (the repository has " + std::to_string(before) +
                                         " elsewhere)",
                                     std::nullopt});
  }
}

std::string describe_scope(const std::vector<std::string>& scope) {
  std::string out;
  for (size_t i = 0; i < scope.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == scope.size() ? " and " : ", ") + scope[i];
  }
  return out;
}

}  // namespace stepup
