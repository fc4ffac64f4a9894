// The function definitions of one file's syntax tree, measured like the
// semantic pass measures them (FunctionFacts; docs/quick.md says which
// fields the quick mode cannot fill).
#pragma once

#include <vector>

#include "model/report.h"
#include "scanner/quick/syntax_tree.h"

namespace stepup {

/// Every function definition outside other functions' bodies (those in
/// local classes and lambdas count toward their holder), sorted by line:
/// name, qualified name, lines, params, cyclomatic, cognitive, nesting and
/// the traits a structural parse can see (defaulted, deleted, empty,
/// internal linkage, constexpr, template, written by a macro).
std::vector<FunctionFacts> quick_functions(const SyntaxTree& tree);

}  // namespace stepup
