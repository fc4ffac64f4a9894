// The project's own logging API, inferred from its declarations and calls
// (docs/signals.md, "Inferred log APIs"): a repo function or macro with a
// log-like name and a logging shape, or one that wraps a known log API.
#pragma once

#include <string>
#include <string_view>

#include "model/report.h"

namespace stepup {

/// The name reads as logging: a word log/logv/logf/logger/logging, a first
/// word trace, an upper-case LOG* name, or (weak) a first word that is a
/// reporting word (warn, warning, error, fatal, info, debug, notice,
/// verbose). *weak says which; setters and factories (set_logger,
/// NewLogger) are no log calls.
bool log_like_name(std::string_view name, bool* weak);

/// The result type allows logging: void or an integer (int, and for strong
/// names also bool and the other integer types); macros have none.
bool log_like_result(std::string_view result, bool weak);

/// Why the declaration is a log API by its own shape ("variadic with a
/// format parameter"...), or "" when it is not: a log-like name and
/// result, and variadic, a printf-style format parameter or a
/// logger/sink/stream parameter. A macro needs a variadic parameter list.
std::string log_shape_reason(const DeclFacts& d);

/// Whether a log-like declaration may be inferred from wrapping a known
/// log API (its body makes a known log call): name and result fit.
bool may_wrap_log(const DeclFacts& d);

/// The post-pass after every TU: finds the repo functions that wrap a known
/// log API (transitively), adds their call sites to the callers'
/// log_calls (and the files'), drops unlogged-error-path findings whose
/// path calls one, and fills report.log_apis with every inferred API
/// (by shape or by wrapping) and the calls counted. Pure over the facts.
void infer_log_apis(Report& report);

}  // namespace stepup
