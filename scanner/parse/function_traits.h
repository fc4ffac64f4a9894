// What a function definition is, beyond its measures: written by a macro,
// trivial (defaulted, deleted, empty, an accessor), internal, constexpr, a
// template. The rules read these to leave functions no one would test.
#pragma once

#include <clang-c/Index.h>

#include <string>

#include "scanner/parse/clang_util.h"

namespace stepup {

/// The traits FunctionFacts carries (docs/signals.md, "Function traits").
struct FunctionTraits {
  bool from_macro = false;
  std::string trivial;  ///< "defaulted", "deleted", "empty", "accessor" or ""
  bool internal_linkage = false;
  bool is_constexpr = false;
  bool is_template = false;
};

/// "defaulted" for a declaration written `= default`, "deleted" for one
/// written `= delete`, "" for anything else. Such declarations have no
/// body, and libclang does not call the in-class ones definitions.
std::string defaulted_or_deleted(CXCursor fn, const FileTokens& tokens);

/// The traits of the function fn. `special` is defaulted_or_deleted's
/// answer for it; tokens are the tokens of the file the function is in.
FunctionTraits function_traits(CXCursor fn, const FileTokens& tokens, const std::string& special);

}  // namespace stepup
