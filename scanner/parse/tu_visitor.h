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

#include "model/tu_facts.h"
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

/// Which TU group analyses which repo file: the first group, in task
/// order, whose TU includes it. A TU claims every repo file it includes
/// and analyses those it holds at that moment; a group of lower rank may
/// take a file over later, and the joining step keeps only the owner's
/// facts, so the result does not depend on which TU ran first (or which
/// was a cache hit). Lock-free: one atomic per file.
class Claims {
 public:
  explicit Claims(size_t n) : owner_(n) {
    for (auto& o : owner_) o.store(kNobody, std::memory_order_relaxed);
  }
  /// True when `tu` holds the file now (it may lose it to a lower one).
  bool claim(int file, int tu) {
    int have = owner_[file].load(std::memory_order_relaxed);
    while (tu < have && !owner_[file].compare_exchange_weak(have, tu)) {
    }
    return owner_[file].load() == tu;
  }
  bool claimed(int file) const { return owner_[file].load() != kNobody; }
  int owner(int file) const { return owner_[file].load(); }

 private:
  static constexpr int kNobody = 1 << 30;
  std::vector<std::atomic<int>> owner_;
};

/// What the workers of one scan share. Each TU writes only its own
/// TuFacts; the claims are the one shared, lock-free state.
struct ScanShared {
  const ClangScanInput& in;
  std::unordered_map<std::string, int> index_of;  ///< absolute path -> file
  Claims claims;
  std::mutex diag_mu;  ///< guards diagnostics
  std::vector<Diagnostic> diagnostics;
  std::atomic<int> done{0};
  int total = 0;
  const SignalMatcher* signals = nullptr;  ///< compiled once per scan; null: skip the walk

  void add(Diagnostic d) {
    std::lock_guard<std::mutex> lock(diag_mu);
    diagnostics.push_back(std::move(d));
  }

  /// The repo file at an absolute path (with_canonical: or at its
  /// canonical path), -1 for none.
  int lookup(const std::string& abs, bool with_canonical) const;
};

/// "unknown argument: '-fgcc-only'": a flag clang does not know, dropped
/// before a second parse.
bool is_unknown_argument(CXDiagnostic d);

/// Walks one parsed TU: claims its repo files, measures the functions
/// defined in those it holds (group: its claim id), records their #include
/// lines, its parse errors, the repo declarations it met and what it
/// depends on, into facts.
void visit_tu(ScanShared& shared, CXTranslationUnit tu, int group, const ParseTask& task,
              TuFacts& facts);

}  // namespace stepup
