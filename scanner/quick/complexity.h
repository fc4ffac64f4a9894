// The control-flow measures of one function, from its tree-sitter node, with
// the semantic pass's definitions (docs/report-format.md, scanner/parse/metrics.cpp).
#pragma once

#include <string_view>

#include "scanner/common/complexity.h"
#include "scanner/quick/syntax_tree.h"

namespace stepup {

/// The calls that may be the function itself: its name, and how many
/// arguments it takes (max_args -1: any number, for a variadic one).
struct SelfCall {
  std::string_view name;
  int min_args = 0;
  int max_args = -1;
};

/// Walks a function_definition's body, its member initializers and, for a
/// function-try-block, its handlers. Lambdas count toward the function.
/// What a macro's body would add is not seen, as in the semantic pass;
/// a recursive call is one whose callee is spelled with the function's name
/// and whose argument count it accepts (no overload resolution beyond
/// that: docs/quick.md).
Complexity quick_complexity(const SyntaxTree& tree, TSNode fn, const SelfCall& self);

}  // namespace stepup
