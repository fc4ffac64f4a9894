// Joining the TUs' facts into per-file facts. A repo file belongs to the
// first TU group, in task order, that includes it (Claims); only that
// group's facts about it are kept, whichever TU ran first, was a cache hit
// or came from another shard, so the output is the same bytes every time.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "model/tu_facts.h"
#include "scanner/parse/clang_scan.h"

namespace stepup {

/// One TU's facts and its place in the order.
struct JoinedTu {
  int group = 0;          ///< claim id: lower wins a file
  bool compiled = false;  ///< a database entry: what it includes is built
  std::string main_path;  ///< repo-relative
  const TuFacts* facts = nullptr;
};

/// owner[i]: the group that owns files[i], or a value above every group.
/// rel_index: repo-relative path -> file index.
void join_facts(const std::vector<JoinedTu>& tus, const std::vector<int>& owner,
                const std::unordered_map<std::string, int>& rel_index, ClangScanOutput& out);

/// Whether facts hold what the TU analysed about `path` (a cached TU may
/// have met a file while a lower group held it, and not analysed it).
bool has_file(const TuFacts& facts, const std::string& path);

}  // namespace stepup
