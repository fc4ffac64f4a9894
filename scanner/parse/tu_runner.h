// Running one phase of the parse: each TU's facts are reused from a
// shard's file or the cache when everything they depend on is unchanged,
// the rest are parsed costliest first on -j workers (each with its own
// CXIndex), and a reused TU that turns out to own a file it did not
// analyse is parsed again. clang_scan.cpp builds the phases and joins them.
#pragma once

#include <string>
#include <vector>

#include "model/tu_facts.h"
#include "scanner/cache/hash.h"
#include "scanner/parse/tu_visitor.h"

namespace stepup {

/// One phase's TUs and what became of each.
struct Phase {
  std::vector<ParseTask> tasks;
  int first_id = 0;  ///< claim id of tasks[i] is first_id + tasks[i].group
  std::vector<TuFacts> facts;
  std::vector<std::string> keys;  ///< cache keys
  std::vector<bool> reused;
};

/// What the phases of one scan add up.
struct PhaseTotals {
  int reused = 0, not_in_shards = 0;
  double busy_seconds = 0;   ///< summed over workers: time on TUs
  double parse_seconds = 0;  ///< wall time of the parses, times the workers they had
};

/// A path for a message: repo-relative when inside the repo.
std::string relative_for_message(const ScanShared& s, const std::string& abs);

/// Runs the phase: fills facts, keys and reused for every task.
void run_phase(ScanShared& s, Phase& phase, FileHashes& hashes, PhaseTotals& totals);

}  // namespace stepup
