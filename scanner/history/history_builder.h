// Turns the commits of the window, newest first, into per-file history:
// counts from the counted commits, line maps through every commit.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/config.h"
#include "scanner/history/file_history.h"
#include "scanner/history/git_log.h"

namespace stepup {

/// Hunks between two blobs (old, new), or nullopt when they cannot be had.
using BlobDiff =
    std::function<std::optional<std::vector<Hunk>>(const std::string&, const std::string&)>;

/// Walks `commits` (newest first) and fills out.commits, out.authors and
/// out.files for the HEAD `paths`; fix[i] says commit i is a defect fix. A
/// commit with counted[i] false (a mass
/// change, an ignored revision) counts nowhere, but its hunks still carry
/// older line numbers forward, and renames through it are followed. A path
/// deleted and later re-created keeps its history from before the deletion;
/// with patches, `blob_diff` maps the older version's lines onto the
/// re-created one.
void build_history(const std::vector<Commit>& commits, const std::vector<bool>& counted,
                   const std::vector<bool>& fix, const std::set<std::string>& paths,
                   const HistoryConfig& config, const BlobDiff& blob_diff, GitHistory& out);

/// Sets authors, main_author, main_author_share and fragmentation from
/// commits per author (h.commits must hold their sum).
void set_author_stats(History& h, const std::map<std::string, int64_t>& commits_by_author);

}  // namespace stepup
