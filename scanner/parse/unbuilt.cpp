#include "scanner/parse/unbuilt.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "scanner/parse/includes.h"

namespace stepup {
namespace {

std::string examples_of(const std::vector<std::string>& paths) {
  std::string out;
  for (size_t i = 0; i < paths.size() && i < 5; ++i) out += (i ? ", " : "") + paths[i];
  if (paths.size() > 5) out += ", ...";
  return out;
}

}  // namespace

bool parse_unbuilt(const SourceFile& file, bool parse_all) {
  return parse_all || (file.is_header && file.path.rfind("include/", 0) == 0);
}

std::vector<IncludeRef> unbuilt_includes(const std::string& root, const std::string& abs,
                                         const std::vector<std::string>& args,
                                         const std::vector<SourceFile>& files,
                                         const std::unordered_map<std::string, int>& index_of) {
  std::ifstream in(abs, std::ios::binary);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  std::string rel = abs.substr(root.size() + 1);
  std::string dir = root + "/" + rel.substr(0, rel.rfind('/') + 1);
  auto never = [](int) { return std::optional<std::string>(); };
  auto scanned = [&](const std::string& path) {
    auto it = index_of.find(path);
    return it == index_of.end() ? std::string() : files[it->second].path;
  };
  return include_refs(text.str(), never, dir, include_dirs_of(args), scanned);
}

Diagnostic unbuilt_summary(const std::vector<std::string>& parsed,
                           const std::vector<std::string>& skipped) {
  size_t total = parsed.size() + skipped.size();
  std::string msg = std::to_string(total) +
                    " file(s) are not built: no compile command compiles them and no compiled "
                    "file includes them; they are marked built: false.";
  if (!skipped.empty()) {
    msg += " " + std::to_string(skipped.size()) +
           " were not parsed, so they have no functions (set scan.unbuilt to \"parse\" to "
           "parse them): " +
           examples_of(skipped) + ".";
  }
  if (!parsed.empty()) {
    msg += " " + std::to_string(parsed.size()) +
           " were parsed on their own with borrowed flags (public headers under include/, or "
           "scan.unbuilt is \"parse\"): " +
           examples_of(parsed) + ".";
  }
  return {Diagnostic::Level::kInfo, "compile-db", msg, std::nullopt};
}

}  // namespace stepup
