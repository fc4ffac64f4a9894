#include "scanner/parse/db_remap.h"

#include <filesystem>
#include <map>

#include "scanner/common/path_match.h"
#include "scanner/common/path_resolver.h"

namespace fs = std::filesystem;

namespace stepup {
namespace {

// Rewrites every occurrence of the directory `from` (at the start of a word
// or of an option's value) to `to`.
std::string rewritten(const std::string& text, const std::string& from, const std::string& to) {
  std::string out;
  size_t pos = 0;
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, pos)) {
    size_t end = at + from.size();
    bool boundary = end == text.size() || text[end] == '/';
    bool starts =
        at == 0 || text[at - 1] == '=' || text[at - 1] == '@' || (text[0] == '-' && at <= 16);
    out += text.substr(pos, at - pos);
    out += boundary && starts ? to : from;
    pos = end;
  }
  return out + text.substr(pos);
}

void rewrite_entries(CompileDatabase& db, const std::string& from, const std::string& to) {
  for (CompileCommand& cmd : db.commands) {
    cmd.file = rewritten(cmd.file, from, to);
    cmd.directory = rewritten(cmd.directory, from, to);
    for (std::string& a : cmd.args) a = rewritten(a, from, to);
  }
}

size_t missing_files(const CompileDatabase& db, std::string* first) {
  size_t missing = 0;
  for (const CompileCommand& cmd : db.commands) {
    std::error_code ec;
    if (fs::exists(cmd.file, ec)) continue;
    if (missing++ == 0) *first = cmd.file;
  }
  return missing;
}

// The folder most missing entries were written under: each entry that ends
// in a repository file's path (matched by suffix) votes for what precedes it.
std::string foreign_prefix(const CompileDatabase& db, const std::string& root,
                           const std::vector<SourceFile>& files) {
  static const std::vector<PathMapping> kNoRules;
  PathResolver resolver(root, files, kNoRules);
  std::map<std::string, size_t> votes;
  for (const CompileCommand& cmd : db.commands) {
    std::error_code ec;
    if (fs::exists(cmd.file, ec)) continue;
    PathMiss miss = PathMiss::kNone;
    int idx = resolver.resolve(cmd.file, {}, &miss);
    if (idx < 0) continue;
    const std::string& rel = files[idx].path;
    std::string file = normalize_written_path(cmd.file);
    if (file.size() > rel.size() + 1 &&
        file.compare(file.size() - rel.size() - 1, std::string::npos, "/" + rel) == 0) {
      ++votes[file.substr(0, file.size() - rel.size() - 1)];
    }
  }
  std::string best;
  size_t most = 0;
  for (const auto& [prefix, n] : votes) {
    if (n > most) {
      best = prefix;
      most = n;
    }
  }
  return best;
}

}  // namespace

bool remap_compile_database(CompileDatabase& db, const std::string& root,
                            const std::vector<SourceFile>& files,
                            const std::vector<PathMapping>& path_map,
                            std::vector<Diagnostic>& diagnostics) {
  for (const PathMapping& rule : path_map) {
    std::string from = normalize_written_path(rule.from);
    while (from.size() > 1 && from.back() == '/') from.pop_back();
    if (!from.empty()) rewrite_entries(db, from, join_path(root, rule.to.empty() ? "." : rule.to));
  }
  std::string first;
  size_t total = db.commands.size();
  size_t missing = missing_files(db, &first);
  if (total == 0 || missing * 2 <= total) return true;
  auto say = [&](const std::string& message) {
    diagnostics.push_back(
        {Diagnostic::Level::kError, "compile-db", db.path + ": " + message, std::nullopt});
  };
  std::string what = std::to_string(missing) + " of its " + std::to_string(total) +
                     " entries name files that do not exist on this machine (first: " + first + ")";
  std::string prefix = foreign_prefix(db, root, files);
  if (prefix.empty()) {
    say(what +
        ", and none ends in a repository file's path, so it is not used: files are "
        "parsed with guessed flags. Give this checkout's database with -p, or add a "
        "path_map rule ({\"from\": \"/where/it/was/built/\", \"to\": \"\"}) to .stepup.json");
    return false;
  }
  rewrite_entries(db, prefix, root);
  size_t still = missing_files(db, &first);
  say(what + "; they were written under " + prefix + "/ and are read here under " + root +
      "/ (matched by suffix; " + std::to_string(missing - still) +
      " now found). To say so yourself, add {\"from\": \"" + prefix +
      "/\", \"to\": \"\"} to path_map in .stepup.json");
  return true;
}

}  // namespace stepup
