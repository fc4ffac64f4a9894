// What a `return` hands back, for error exits and unlogged-error-path:
// an error value (a Status or error_code factory, std::unexpected, an
// enumerator named by signals.error_values), a status variable, or one of
// the ambiguous false/-1/nullptr/NULL/std::nullopt (docs/signals.md).
#pragma once

#include <clang-c/Index.h>

#include <string>

#include "scanner/parse/signal_patterns.h"

namespace stepup {

/// The kinds of returned value that can report failure.
enum class ReturnValue {
  kOther,       ///< no error by itself (a value, OK(), a call's status)
  kAmbiguous,   ///< false, -1, nullptr, NULL, std::nullopt: an error only under a failed check
  kUnexpected,  ///< std::unexpected(...), tl::make_unexpected(...)...
  kErrorValue,  ///< Status::Corruption(...), absl::NotFoundError(...), make_error_code(...)
  kEnumerator,  ///< an enumerator matching signals.error_values
  kStatusVar,   ///< a Status/error_code variable: an error only under a `!s.ok()` check
};

/// value: the returned expression's cursor; text: it as written without
/// spaces. *detail receives the enumerator's name or the variable's name.
ReturnValue classify_return(CXCursor value, const std::string& text, const SignalMatcher& m,
                            std::string* detail);

/// The status variable `name` is tested as failed by this condition: `!s.ok()`,
/// `!s->ok()`, `ec` alone; or, for an else branch, `s.ok()`.
bool tests_failed_status(const std::string& condition, const std::string& name, bool is_else);

}  // namespace stepup
