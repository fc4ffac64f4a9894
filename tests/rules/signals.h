// Test support for rule tests: hand-built signals (a Report with files,
// functions and modules), so each rule is tested on exactly the evidence
// it is given.
#pragma once

#include <string>
#include <vector>

#include "model/report.h"
#include "rules/rule.h"

namespace stepup::test {

inline FunctionFacts function(const std::string& name, int cyclomatic, int line = 10,
                              int end_line = 30) {
  FunctionFacts f;
  f.name = name;
  f.qualified_name = "ns::" + name;
  f.cyclomatic = cyclomatic;
  f.cognitive = cyclomatic;
  f.line = line;
  f.end_line = end_line;
  f.params = 2;
  return f;
}

/// Coverage of `lines` lines (`covered` of them run) and `branches`
/// branches (`bcovered` taken); the uncovered lines are the last ones.
inline void cover(FunctionFacts& f, int lines, int covered, int branches = 0, int bcovered = 0) {
  Coverage c;
  c.lines_total = lines;
  c.lines_covered = covered;
  c.branches_total = branches;
  c.branches_covered = bcovered;
  f.coverage = c;
  f.uncovered_lines.clear();
  for (int i = covered; i < lines; ++i) f.uncovered_lines.push_back(f.line + 1 + i);
}

inline void churn(FunctionFacts& f, int64_t commits, int64_t fixes) {
  f.history = FunctionHistory{commits, fixes, false};
}

inline History file_history(int64_t commits, int64_t fixes) {
  History h;
  h.commits = commits;
  h.fix_commits = fixes;
  h.authors = 2;
  h.main_author = "Ann";
  h.main_author_share = 0.5;
  h.last_change = "2026-10-01";
  return h;
}

inline FileFacts file(const std::string& path, const std::string& module,
                      std::vector<FunctionFacts> fns = {}) {
  FileFacts f;
  f.path = path;
  f.module = module;
  f.code_lines = 100;
  f.functions = std::move(fns);
  return f;
}

/// src/app/main.cc, a program's main file: with it in a report, the
/// repository builds a program, so modules are application code unless the
/// repository also publishes headers under include/.
inline FileFacts program_main() {
  FunctionFacts main_fn = function("main", 2, 1, 20);
  main_fn.qualified_name = "main";
  FileFacts f = file("src/app/main.cc", "src/app", {main_fn});
  f.code_lines = 20;
  return f;
}

/// A report of these files, with one module per distinct module name, file
/// coverage summed from the functions', and module history summed from the
/// files' (as if no commit touched two files; tests of distinct counts set
/// their own).
inline Report report(std::vector<FileFacts> files, bool coverage = true, bool history = true) {
  Report r;
  r.signals.coverage = coverage;
  r.signals.history = history;
  r.signals.function_history = history;
  for (FileFacts& f : files) {
    if (f.is_test && f.role == "production") f.role = "test";  // as discovery would
    for (const FunctionFacts& fn : f.functions) {
      if (!fn.coverage) continue;
      if (!f.coverage) f.coverage = Coverage{};
      *f.coverage += *fn.coverage;
    }
    bool seen = false;
    for (ModuleFacts& m : r.modules) {
      if (m.name != f.module) continue;
      seen = true;
      ++m.files;
      m.code_lines += f.code_lines;
      m.log_calls += f.log_calls;
      if (f.history) {
        if (!m.history) m.history = History{};
        m.history->commits += f.history->commits;
        m.history->fix_commits += f.history->fix_commits;
      }
    }
    if (!seen) {
      r.modules.push_back(
          {f.module, 1, f.code_lines, std::nullopt, f.log_calls, {}, 0, std::nullopt, f.history});
    }
  }
  r.files = std::move(files);
  return r;
}

}  // namespace stepup::test
