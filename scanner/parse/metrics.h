// Complexity of one function body, from its libclang cursor.
#pragma once

#include <clang-c/Index.h>

#include "scanner/common/complexity.h"
#include "scanner/parse/clang_util.h"

namespace stepup {

/// Walks the body of fn (a function, method or function template cursor).
/// Only constructs whose keyword or operator is written in tokens' file
/// count: control flow from a macro's body is neither counted nor nested.
Complexity measure_complexity(CXCursor fn, const FileTokens& tokens);

}  // namespace stepup
