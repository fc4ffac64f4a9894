// The state one scan shares across its libclang workers, and the walk of
// one parsed translation unit: which repo files it analyses, the functions
// defined there (metrics, traits, risk signals), their #include lines and
// the files its errors make unreliable. clang_scan.cpp schedules the TUs.
#pragma once

#include <clang-c/Index.h>

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "scanner/parse/clang_scan.h"
#include "scanner/parse/includes.h"
#include "scanner/parse/risk_signals.h"

namespace stepup {

/// One translation unit to parse.
struct ParseTask {
  std::string main_file;  ///< absolute
  std::string directory;
  std::vector<std::string> args;  ///< argv[0] first
  bool standalone = false;        ///< a file the database does not list
  bool compiled = false;          ///< a database entry: what it includes is built
  /// Claims are taken per group: the configurations of one source file
  /// (compile_db's variants) form one group and all analyse its files.
  int group = 0;
};

/// What one TU learned about repo files (indexes into input.files); merged
/// into the output under a lock, so workers never write shared bits.
struct TuFindings {
  std::vector<int> analysed, built, errors;
  std::vector<std::pair<int, std::vector<IncludeRef>>> includes;
};

/// Which TU group analyses which repo file: the first to see it.
class Claims {
 public:
  explicit Claims(size_t n) : owner_(n, -1) {}
  bool claim(int file, int tu) {
    std::lock_guard<std::mutex> lock(mu_);
    if (owner_[file] == -1) owner_[file] = tu;
    return owner_[file] == tu;
  }
  bool claimed(int file) {
    std::lock_guard<std::mutex> lock(mu_);
    return owner_[file] != -1;
  }

 private:
  std::mutex mu_;
  std::vector<int> owner_;
};

/// What the workers of one scan share; every write is under diag_mu.
struct ScanShared {
  const ClangScanInput& in;
  std::unordered_map<std::string, int> index_of;  ///< absolute path -> file
  Claims claims;
  std::mutex diag_mu;  ///< guards diagnostics, and out: the TUs of one group add to one file
  std::vector<Diagnostic> diagnostics;
  ClangScanOutput* out;
  std::atomic<int> done{0};
  int total = 0;
  const SignalMatcher* signals = nullptr;  ///< compiled once per scan; null: skip the walk

  void add(Diagnostic d) {
    std::lock_guard<std::mutex> lock(diag_mu);
    diagnostics.push_back(std::move(d));
  }

  void merge(TuFindings& f) {
    std::lock_guard<std::mutex> lock(diag_mu);
    for (int i : f.analysed) out->analysed[i] = true;
    for (int i : f.built) out->built[i] = true;
    for (int i : f.errors) out->parse_errors[i] = true;
    for (auto& [i, refs] : f.includes) out->includes[i] = std::move(refs);
  }

  /// [signals] One TU's repo declarations into the output; of two TUs'
  /// facts for one USR the one declared first (path, line) wins.
  void add_declarations(std::map<std::string, DeclFacts>& decls) {
    std::lock_guard<std::mutex> lock(diag_mu);
    for (auto& [usr, d] : decls) {
      auto [it, fresh] = out->declarations.emplace(usr, d);
      if (fresh) continue;
      DeclFacts& have = it->second;
      bool calls_log = have.calls_log || d.calls_log, known = have.known_log || d.known_log;
      if (std::tie(d.path, d.line) < std::tie(have.path, have.line)) have = d;
      have.calls_log = calls_log;
      have.known_log = known;
    }
  }
};

/// "unknown argument: '-fgcc-only'": a flag clang does not know, dropped
/// before a second parse.
bool is_unknown_argument(CXDiagnostic d);

/// Walks one parsed TU: claims its repo files, measures the functions
/// defined in those it owns (group: the claim's owner id), records their
/// #include lines and parse errors, and merges it all into shared.out.
void visit_tu(ScanShared& shared, CXTranslationUnit tu, int group, const ParseTask& task);

}  // namespace stepup
