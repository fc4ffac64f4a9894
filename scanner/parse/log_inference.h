// The project's own logging API, inferred from its declarations and calls
// (docs/signals.md, "Inferred log APIs"): a repo function or macro with a
// log-like name and a logging shape, or one that wraps a known log API.
#pragma once

#include <string>
#include <string_view>

#include "model/report.h"

namespace stepup {

/// How a name reads as logging.
enum class LogName {
  kNone,
  kHasLogWord,    ///< a word log/logv/logf/logger/logging somewhere: MyLogMessage
  kLeadsWithLog,  ///< the first word is one of those, or trace: Log, Logv, log_error
  kReporting,     ///< (weak) the first word reports: Error, Warning, Info, debug_print
};

/// The name's LogName. A first word that is a setter, factory or lifecycle
/// verb (set_logger, NewLogger, open_log) makes it kNone.
LogName log_name(std::string_view name);

/// Shorthand: log_name is not kNone; *weak: it is kReporting.
bool log_like_name(std::string_view name, bool* weak);

/// The result type allows logging: void or int; for names with a log word
/// also bool and the other integer types.
bool log_like_result(std::string_view result, bool weak);

/// Why the declaration is a log API by its own shape ("variadic with a
/// format parameter"...), or "" when it is not: a log-like name and
/// result, and variadic or a printf-style format parameter; or a name that
/// leads with a log word and a logger/sink/stream parameter. A macro needs
/// a variadic parameter list.
std::string log_shape_reason(const DeclFacts& d);

/// Whether a declaration may be inferred from wrapping a known log API (its
/// body makes a known log call): its name leads with a log or reporting
/// word (ConvertLogFilesToTables, about a log file, does not) and its
/// result fits.
bool may_wrap_log(const DeclFacts& d);

/// The post-pass after every TU: finds the repo functions that wrap a known
/// log API (transitively), adds their call sites to the callers'
/// log_calls (and the files'), drops unlogged-error-path findings whose
/// path calls one, and fills report.log_apis with every inferred API
/// (by shape or by wrapping) and the calls counted. Pure over the facts.
void infer_log_apis(Report& report);

}  // namespace stepup
