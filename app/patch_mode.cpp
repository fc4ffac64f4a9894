#include "app/patch_mode.h"

#include <algorithm>
#include <map>
#include <set>

#include "rules/registry.h"
#include "scanner/parse/source_text.h"

namespace stepup {
namespace {

bool any_in(const std::vector<int>& sorted, int first, int last) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), first);
  return it != sorted.end() && *it <= last;
}

}  // namespace

void apply_patch_mode(Report& r, const ChangedLines& changed, const std::string& base) {
  PatchSummary p;
  p.base = base;
  std::set<std::string> changed_modules;
  std::map<std::string, const FileFacts*> by_path;
  for (const FileFacts& f : r.files) {
    auto it = changed.find(f.path);
    if (it == changed.end()) continue;
    by_path[f.path] = &f;
    const std::vector<int>& lines = it->second;
    ++p.files_changed;
    p.lines_changed += static_cast<int64_t>(lines.size());
    p.changed[f.path] = lines;
    changed_modules.insert(f.module);
    if (!f.coverage) {
      if (!f.is_test) p.files_without_coverage.push_back(f.path);
      continue;
    }
    PatchFileCoverage& fc = p.file_coverage.emplace_back();
    fc.path = f.path;
    if (f.coverage->stale) {
      // Old data cannot vouch for new lines: every changed line of code is
      // one the patch must cover, and none is counted covered.
      p.stale_files.push_back(f.path);
      fc.stale = true;
      TextFacts text = analyse_text(f.source);
      for (int line : lines) {
        if (line >= 1 && line <= static_cast<int>(text.code.size()) && text.code[line - 1]) {
          ++fc.executable_lines;
          fc.uncovered.push_back(line);
        }
      }
      continue;
    }
    for (int line : lines) {
      auto hit = f.line_hits.find(line);
      if (hit != f.line_hits.end()) {
        ++fc.executable_lines;
        fc.lines_covered += hit->second > 0;
        if (hit->second == 0) fc.uncovered.push_back(line);
      }
      auto br = f.line_branches.find(line);
      if (br != f.line_branches.end()) {
        p.branches_total += br->second.first;
        p.branches_covered += br->second.second;
      }
    }
  }
  for (const PatchFileCoverage& fc : p.file_coverage) {
    p.executable_lines += fc.executable_lines;
    p.lines_covered += fc.lines_covered;
  }
  if (p.executable_lines > 0) {
    p.line_coverage =
        static_cast<double>(p.lines_covered) / static_cast<double>(p.executable_lines);
  }
  if (p.branches_total > 0) {
    p.branch_coverage =
        static_cast<double>(p.branches_covered) / static_cast<double>(p.branches_total);
  }

  auto on_changed_code = [&](const Candidate& c) {
    if (!c.target.file) return changed_modules.count(c.target.module) > 0;
    auto f = by_path.find(*c.target.file);
    if (f == by_path.end()) return false;
    if (!c.target.function) return true;
    const std::vector<int>& lines = changed.at(*c.target.file);
    for (const FunctionFacts& fn : f->second->functions) {
      if (fn.qualified_name == *c.target.function && any_in(lines, fn.line, fn.end_line)) {
        return true;
      }
    }
    return false;
  };
  std::vector<Candidate> kept;
  for (Candidate& c : r.candidates) {
    if (on_changed_code(c)) kept.push_back(std::move(c));
  }
  r.candidates = std::move(kept);
  // Modules keep the whole module's score: one outside the patch is not
  // healthy just because its tasks were left out. in_patch tells them apart.
  std::map<std::string, int> whole;
  for (const ModuleFacts& m : r.modules) whole[m.name] = m.score;
  number_candidates(r);
  for (ModuleFacts& m : r.modules) {
    m.score = whole[m.name];
    m.in_patch = changed_modules.count(m.name) > 0;
  }
  r.patch = std::move(p);
}

}  // namespace stepup
