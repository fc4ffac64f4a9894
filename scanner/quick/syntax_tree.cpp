#include "scanner/quick/syntax_tree.h"

#include <algorithm>
#include <cstdint>

extern "C" const TSLanguage* tree_sitter_cpp(void);

namespace stepup {

SyntaxTree::SyntaxTree(std::string_view text) : text_(text) {
  parser_ = ts_parser_new();
  if (!ts_parser_set_language(parser_, tree_sitter_cpp())) return;  // ABI mismatch
  tree_ = ts_parser_parse_string(parser_, nullptr, text.data(),
                                 static_cast<uint32_t>(std::min<size_t>(text.size(), UINT32_MAX)));
}

SyntaxTree::~SyntaxTree() {
  if (tree_) ts_tree_delete(tree_);
  ts_parser_delete(parser_);
}

std::string_view SyntaxTree::text_of(TSNode n) const {
  if (ts_node_is_null(n)) return {};
  uint32_t begin = ts_node_start_byte(n), end = ts_node_end_byte(n);
  if (begin > end || end > text_.size()) return {};
  return text_.substr(begin, end - begin);
}

std::vector<TSNode> named_children(TSNode n) {
  // A cursor walks the siblings in one pass; ts_node_named_child(i) would
  // start from the first child for every i.
  std::vector<TSNode> out;
  if (ts_node_is_null(n)) return out;
  TSTreeCursor cursor = ts_tree_cursor_new(n);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      TSNode kid = ts_tree_cursor_current_node(&cursor);
      if (ts_node_is_named(kid)) out.push_back(kid);
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

}  // namespace stepup
