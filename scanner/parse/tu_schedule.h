// Which TUs a scan parses, and in what order: the facts cache's key of a
// TU, its expected cost (the parse time measured last, else its size and
// #include count), the longest-first order that keeps every worker busy to
// the end, and the balanced split of the TUs over --shard K/N.
#pragma once

#include <string>
#include <vector>

#include "scanner/cache/hash.h"

namespace stepup {

struct ClangScanInput;
struct ParseTask;

/// The cache key (ccache's direct mode): stepup's version, the facts
/// format, libclang's version, the config that changes facts, the
/// effective command line and the main file's content.
std::string task_key(const ClangScanInput& in, const ParseTask& task, FileHashes& hashes);

/// A TU's identity across edits (main file and command line), under which
/// its last parse time is kept.
std::string task_identity(const ParseTask& task);

/// The cost guessed without a measurement: bytes of the main file plus
/// 4 KiB per #include directive in it. The same on every machine.
double estimated_cost(const ParseTask& task);

/// For each of `groups` (each a list of task indexes, one source file's
/// configurations), the shard 0..shards-1 that parses it: the greediest
/// balance (longest first onto the least loaded shard) of the estimated
/// costs, ties broken by position, so every machine computes the same split.
std::vector<int> split_shards(const std::vector<double>& group_costs, int shards);

/// Task indexes, costliest first (ties: by index).
std::vector<size_t> costliest_first(const std::vector<double>& costs);

}  // namespace stepup
