// One file's syntax tree from tree-sitter's C++ grammar: the quick mode's
// error-tolerant, structural parse (docs/quick.md). tree-sitter's headers
// are included only in scanner/quick/.
#pragma once

#include <tree_sitter/api.h>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace stepup {

/// A parsed file: owns tree-sitter's parser and tree, borrows the text.
class SyntaxTree {
 public:
  explicit SyntaxTree(std::string_view text);
  ~SyntaxTree();
  SyntaxTree(const SyntaxTree&) = delete;
  SyntaxTree& operator=(const SyntaxTree&) = delete;

  /// False when tree-sitter gave up (a cancelled or impossible parse).
  bool ok() const { return tree_ != nullptr; }
  TSNode root() const { return ts_tree_root_node(tree_); }
  /// The tree holds ERROR or MISSING nodes: the text is not plain C++ here
  /// (an unknown macro, a dialect, a cut-off file).
  bool has_error() const { return ok() && ts_node_has_error(root()); }
  std::string_view text() const { return text_; }
  std::string_view text_of(TSNode n) const;

 private:
  std::string_view text_;
  TSParser* parser_ = nullptr;
  TSTree* tree_ = nullptr;
};

// Each helper takes a null node (a missing field) and answers "", 0 or a
// null node: tree-sitter's own functions would read through its NULL.

/// The node's grammar symbol: "if_statement", "&&".
inline std::string_view kind_of(TSNode n) { return ts_node_is_null(n) ? "" : ts_node_type(n); }
/// 1-based line of the node's first and last character.
inline int first_line(TSNode n) {
  return ts_node_is_null(n) ? 0 : static_cast<int>(ts_node_start_point(n).row) + 1;
}
inline int last_line(TSNode n) {
  return ts_node_is_null(n) ? 0 : static_cast<int>(ts_node_end_point(n).row) + 1;
}
/// The child in a grammar field ("body", "condition"); a null node if none.
inline TSNode field(TSNode n, const char* name) {
  if (ts_node_is_null(n)) return n;
  return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::strlen(name)));
}
/// The named children, in order.
std::vector<TSNode> named_children(TSNode n);

}  // namespace stepup
