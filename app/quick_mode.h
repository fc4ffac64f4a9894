// The quick mode's place in the pipeline (docs/quick.md): the tree-sitter
// pass in the shape the semantic pass returns, so everything after the
// parse is the same.
#pragma once

#include <vector>

#include "model/report.h"
#include "scanner/common/discover.h"
#include "scanner/parse/clang_scan.h"

namespace stepup {

/// Parses every file of `discovery` not skipped with tree-sitter; includes
/// are read from the text and resolved with the guessed include folders.
/// `diags` gains the mode's note (a warning when `automatic`: no compile
/// database was found) and the quick pass's own.
ClangScanOutput quick_parse(const Discovery& discovery, const std::vector<bool>& skip, int jobs,
                            bool automatic, const std::function<void(int, int)>& progress,
                            std::vector<Diagnostic>& diags);

}  // namespace stepup
