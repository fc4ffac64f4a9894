// The semantic pass's place in the pipeline: the compile database found,
// loaded and remapped, then libclang over its translation units through the
// facts cache (docs/cache.md) or a shard's facts. app/quick_mode is the
// other way to the same ClangScanOutput.
#pragma once

#include <optional>
#include <vector>

#include "app/pipeline.h"
#include "model/config.h"
#include "scanner/common/discover.h"
#include "scanner/parse/clang_scan.h"
#include "scanner/parse/compile_db.h"

namespace stepup {

/// Parses `discovery`'s files with libclang: over the compile database's
/// TUs when one is found (`db` is set to it), else each file on its own with
/// guessed flags (a warning in `diags`). Files whose `skip` is true (binary)
/// are not parsed. `stats`
/// gains the cache's counts and the parse's busy and wall seconds.
ClangScanOutput semantic_parse(const Discovery& discovery, const std::vector<bool>& skip,
                               const ScanOptions& options, const Config& config,
                               std::optional<CompileDatabase>& db, std::vector<Diagnostic>& diags,
                               ParseStats& stats);

}  // namespace stepup
