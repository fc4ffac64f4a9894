// The quick mode's pass (docs/quick.md): every source file parsed on its
// own by tree-sitter, in parallel, with no build and no compile database.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/report.h"
#include "scanner/common/discover.h"

namespace stepup {

/// What the quick pass needs.
struct QuickScanInput {
  std::string root;  ///< absolute repo root
  const std::vector<SourceFile>* files = nullptr;
  std::vector<bool> skip;  ///< per file: do not parse (binary...)
  int jobs = 1;
  /// Called from worker threads after each file: (done, total).
  std::function<void(int, int)> progress;
};

/// What it found, per file (indexed like input.files).
struct QuickScanOutput {
  std::vector<std::vector<FunctionFacts>> functions;
  /// tree-sitter's tree holds ERROR or MISSING nodes: metrics may be off.
  std::vector<bool> parse_errors;
  std::vector<Diagnostic> diagnostics;  ///< one summary of the files with errors
  int files_parsed = 0;
};

/// Parses every file not skipped, headers included, each once.
QuickScanOutput quick_scan(const QuickScanInput& input);

/// The functions of one file's text (the fuzz target's entry point).
/// `*errors` is set when the tree holds ERROR or MISSING nodes.
std::vector<FunctionFacts> quick_scan_text(std::string_view text, bool* errors);

}  // namespace stepup
