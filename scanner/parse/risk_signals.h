// Risk signals of one function body, from the same libclang pass that
// measures its complexity: calls of logging, metrics and tracing APIs, the
// findings silent-catch, unlogged-error-path and io-in-loop, the error exits,
// and the calls of repo functions (see docs/signals.md for the exact rules).
#pragma once

#include <clang-c/Index.h>

#include <string>
#include <vector>

#include "model/config.h"
#include "model/report.h"
#include "scanner/parse/clang_util.h"
#include "scanner/parse/signal_patterns.h"

namespace stepup {

/// The signals of one function.
struct RiskSignals {
  int log_calls = 0;
  std::vector<Finding> findings;       ///< sorted by line, then kind
  std::vector<ErrorExit> error_exits;  ///< sorted by line
  std::string usr;                     ///< the function's USR (with repo facts on)
  std::vector<CallSite> calls;         ///< calls of repo functions and macros, by line
  std::vector<IoCall> io_calls;        ///< round-trip I/O calls written in the function, by line
};

/// Walks fn's body (fn: a function, method or function template cursor
/// whose name is written in tokens' file). Findings only come from code
/// written in that file; log macros count wherever their name is written.
/// cache may be null (no memo, no repo facts); with cache->repo enabled the
/// function's and its callees' DeclFacts go to cache->repo.declarations.
RiskSignals scan_risk_signals(CXCursor fn, const FileTokens& tokens, const SignalMatcher& m,
                              CalleeCache* cache = nullptr);

}  // namespace stepup
