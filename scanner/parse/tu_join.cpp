#include "scanner/parse/tu_join.h"

#include <algorithm>
#include <tuple>

namespace stepup {
namespace {

int index_of(const std::unordered_map<std::string, int>& rel_index, const std::string& path) {
  auto it = rel_index.find(path);
  return it == rel_index.end() ? -1 : it->second;
}

// Of two TUs' facts for one USR the one declared first (path, line) wins;
// calls_log and known_log add up.
void add_declarations(const std::map<std::string, DeclFacts>& decls,
                      std::map<std::string, DeclFacts>& into) {
  for (const auto& [usr, d] : decls) {
    auto [it, fresh] = into.emplace(usr, d);
    if (fresh) continue;
    DeclFacts& have = it->second;
    bool calls_log = have.calls_log || d.calls_log, known = have.known_log || d.known_log;
    if (std::tie(d.path, d.line) < std::tie(have.path, have.line)) have = d;
    have.calls_log = calls_log;
    have.known_log = known;
  }
}

// An error in a file the TU's group owns marks that file; one anywhere else
// (outside the repo, the command line, a file another group owns) marks
// the TU's main file, since what it declares may be missing there.
void mark_errors(const JoinedTu& tu, const std::vector<int>& owner,
                 const std::unordered_map<std::string, int>& rel_index, ClangScanOutput& out) {
  int main = index_of(rel_index, tu.main_path);
  for (const std::string& path : tu.facts->error_paths) {
    int i = path.empty() ? -1 : index_of(rel_index, path);
    if (i < 0 || owner[i] != tu.group) i = main;
    if (i >= 0 && owner[i] == tu.group) out.parse_errors[i] = true;
  }
}

}  // namespace

bool has_file(const TuFacts& facts, const std::string& path) {
  auto it = std::lower_bound(facts.files.begin(), facts.files.end(), path,
                             [](const TuFileFacts& f, const std::string& p) { return f.path < p; });
  return it != facts.files.end() && it->path == path;
}

void join_facts(const std::vector<JoinedTu>& tus, const std::vector<int>& owner,
                const std::unordered_map<std::string, int>& rel_index, ClangScanOutput& out) {
  std::vector<bool> have_includes(owner.size(), false);
  for (const JoinedTu& tu : tus) {
    const TuFacts& facts = *tu.facts;
    if (tu.compiled) {
      for (const std::string& path : facts.included) {
        int i = index_of(rel_index, path);
        if (i >= 0) out.built[i] = true;
      }
    }
    for (const TuFileFacts& file : facts.files) {
      int i = index_of(rel_index, file.path);
      if (i < 0 || owner[i] != tu.group) continue;
      auto& fns = out.functions[i];
      fns.insert(fns.end(), file.functions.begin(), file.functions.end());
      if (!file.functions.empty()) out.analysed[i] = true;
      if (!have_includes[i]) {
        out.includes[i] = file.includes;  // the group's first TU's reading
        out.syntax[i] = file.syntax;
        have_includes[i] = true;
      }
    }
    mark_errors(tu, owner, rel_index, out);
    add_declarations(facts.declarations, out.declarations);
    out.diagnostics.insert(out.diagnostics.end(), facts.diagnostics.begin(),
                           facts.diagnostics.end());
  }
}

}  // namespace stepup
