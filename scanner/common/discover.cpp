#include "scanner/common/discover.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "model/errors.h"
#include "scanner/common/git_command.h"
#include "scanner/common/path_match.h"

namespace fs = std::filesystem;

namespace stepup {
namespace {

struct Extension {
  const char* ext;
  bool header;
  bool c;
};

constexpr Extension kExtensions[] = {
    {".c", false, true},    {".cc", false, false},  {".cpp", false, false},
    {".cxx", false, false}, {".c++", false, false}, {".h", true, false},
    {".hh", true, false},   {".hpp", true, false},  {".hxx", true, false},
    {".ipp", true, false},  {".inl", true, false},
};

// git ls-files prints paths relative to the directory it runs in.
bool list_with_git(const std::string& root, ProcessRunner& runner,
                   std::vector<std::string>& paths) {
  ProcessResult r = runner.run(
      git_command(root, {"ls-files", "-z", "--cached", "--others", "--exclude-standard"}), root);
  if (!r.started || r.exit_code != 0) return false;
  size_t start = 0;
  while (start < r.out.size()) {
    size_t end = r.out.find('\0', start);
    if (end == std::string::npos) end = r.out.size();
    if (end > start) paths.emplace_back(r.out, start, end - start);
    start = end + 1;
  }
  // --cached and --others never overlap, but a file staged for deletion is
  // listed while missing; the stat below drops it.
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  return true;
}

// A walk that never follows directory symlinks, so loops cannot trap it.
void list_with_walk(const std::string& root, const Config& config,
                    std::vector<std::string>& paths, Discovery& out) {
  std::error_code ec;
  fs::recursive_directory_iterator it(
      root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string rel = relative_to(root, it->path().string());
    if (rel.empty()) continue;
    if (it->is_directory(ec) && !it->is_symlink(ec) &&
        path_matches_any(config.exclude, rel + "/")) {
      it.disable_recursion_pending();
      continue;
    }
    paths.push_back(rel);
  }
  if (ec) {
    out.diagnostics.push_back({Diagnostic::Level::kWarning, "discover",
                               "directory walk stopped early: " + ec.message(),
                               std::nullopt});
  }
  std::sort(paths.begin(), paths.end());
}

}  // namespace

bool is_cxx_source_name(const std::string& path, bool* is_header, bool* is_c) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return false;
  }
  std::string ext = path.substr(dot);
  for (const auto& e : kExtensions) {
    if (ext == e.ext) {
      if (is_header) *is_header = e.header;
      if (is_c) *is_c = e.c;
      return true;
    }
  }
  return false;
}

std::string module_of(const std::string& path, const Config& config) {
  const ModuleMapping* best = nullptr;
  for (const auto& m : config.module_map) {
    if (path.compare(0, m.prefix.size(), m.prefix) == 0 &&
        (!best || m.prefix.size() > best->prefix.size())) {
      best = &m;
    }
  }
  if (best) return best->name;
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  std::string dir = path.substr(0, slash);
  if (config.module_depth > 0) {
    size_t pos = 0;
    for (int i = 0; i < config.module_depth; ++i) {
      pos = dir.find('/', pos);
      if (pos == std::string::npos) return dir;
      if (i + 1 < config.module_depth) ++pos;
    }
    return dir.substr(0, pos);
  }
  return dir;
}

Discovery discover(const std::string& repo, const Config& config,
                   ProcessRunner& runner) {
  Discovery out;
  std::error_code ec;
  fs::path canonical = fs::canonical(repo, ec);
  if (ec) throw InputError(repo + ": repository not found: " + ec.message());
  if (!fs::is_directory(canonical, ec)) {
    throw InputError(repo + ": not a directory");
  }
  out.root = canonical.string();

  std::vector<std::string> paths;
  out.in_git = list_with_git(out.root, runner, paths);
  if (!out.in_git) list_with_walk(out.root, config, paths, out);

  int symlinks = 0;
  for (const auto& rel : paths) {
    SourceFile f;
    if ((rel == ".gitattributes" ||
         (rel.size() > 15 && rel.compare(rel.size() - 15, 15, "/.gitattributes") == 0)) &&
        !path_matches_any(config.exclude, rel)) {
      out.attributes.push_back(rel);
    }
    if (!is_cxx_source_name(rel, &f.is_header, &f.is_c)) continue;
    if (path_matches_any(config.exclude, rel)) continue;
    struct stat st;
    std::string abs = out.root + "/" + rel;
    if (lstat(abs.c_str(), &st) != 0) continue;  // deleted in the work tree
    if (S_ISLNK(st.st_mode)) {
      ++symlinks;
      continue;
    }
    if (!S_ISREG(st.st_mode)) continue;
    if (access(abs.c_str(), R_OK) != 0) {
      out.diagnostics.push_back({Diagnostic::Level::kWarning, "discover",
                                 "file is not readable; skipped", rel});
      continue;
    }
    f.path = rel;
    f.module = module_of(rel, config);
    f.is_test = path_matches_any(config.tests, rel);
    out.files.push_back(std::move(f));
  }
  if (!out.in_git) {
    out.diagnostics.push_back(
        {Diagnostic::Level::kInfo, "discover",
         "not a git checkout: files found by walking the directory", std::nullopt});
  }
  if (symlinks > 0) {
    out.diagnostics.push_back(
        {Diagnostic::Level::kInfo, "discover",
         std::to_string(symlinks) +
             " symbolic link(s) to sources skipped; their targets are scanned "
             "where they live in the repo",
         std::nullopt});
  }
  if (out.files.empty()) {
    std::string excluded;
    for (const auto& e : config.exclude) excluded += " " + e;
    out.diagnostics.push_back(
        {Diagnostic::Level::kError, "discover",
         "no C or C++ source file found in " + out.root + ": looked for .c .cc .cpp .cxx .c++ "
             ".h .hh .hpp .hxx .ipp .inl among the " + std::to_string(paths.size()) + " files " +
             (out.in_git ? "git ls-files lists" : "in the folder") + ", excluding" + excluded,
         std::nullopt});
  }
  return out;
}

}  // namespace stepup
