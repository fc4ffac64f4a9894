// The control-flow measures of one function, from its tree-sitter node, with
// the semantic pass's definitions (CONTRACT.md, scanner/parse/metrics.cpp).
#pragma once

#include <string_view>

#include "scanner/quick/syntax_tree.h"

namespace stepup {

/// Cyclomatic, cognitive (SonarSource) and the deepest nesting.
struct QuickComplexity {
  int cyclomatic = 1;
  int cognitive = 0;
  int max_nesting = 0;
};

/// Walks a function_definition's body, its member initializers and, for a
/// function-try-block, its handlers. Lambdas count toward the function.
/// What a macro's body would add is not seen, as in the semantic pass;
/// a recursive call is one whose callee is spelled `name` (no overload
/// resolution: docs/quick.md).
QuickComplexity quick_complexity(const SyntaxTree& tree, TSNode fn, std::string_view name);

}  // namespace stepup
