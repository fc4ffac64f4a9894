#include "scanner/quick/complexity.h"

#include <vector>

namespace stepup {
namespace {

class Walker {
 public:
  Walker(const SyntaxTree& tree, const SelfCall& self) : tree_(tree), self_(self) {}

  Complexity result() const { return c_; }

  void visit(TSNode n, int nesting) {
    std::string_view k = kind_of(n);
    if (k == "if_statement") {
      visit_if(n, nesting, false);
    } else if (k == "for_statement" || k == "for_range_loop" || k == "while_statement" ||
               k == "do_statement") {
      visit_structure(n, nesting, /*cyclomatic=*/true);
    } else if (k == "switch_statement") {
      visit_structure(n, nesting, /*cyclomatic=*/false);
    } else if (k == "catch_clause") {
      visit_structure(n, nesting, /*cyclomatic=*/true);
    } else if (k == "conditional_expression") {
      visit_conditional(n, nesting);
    } else if (k == "binary_expression" && logical_op(n)) {
      visit_logical(n, nesting);
    } else if (k == "lambda_expression") {
      visit_children(n, enter(nesting));
    } else {
      if (k == "case_statement" && !ts_node_is_null(field(n, "value"))) ++c_.cyclomatic;
      if (k == "goto_statement") ++c_.cognitive;
      if (k == "call_expression" && calls_self(n)) ++c_.cognitive;
      visit_children(n, nesting);
    }
  }

  void visit_children(TSNode n, int nesting) {
    for (TSNode kid : named_children(n)) visit(kid, nesting);
  }

 private:
  int enter(int nesting) {
    int inner = nesting + 1;
    if (inner > c_.max_nesting) c_.max_nesting = inner;
    return inner;
  }

  // '&' for && (and), '|' for || (or), 0 for any other binary operator.
  static char logical_op(TSNode n) {
    TSNode op = field(n, "operator");
    if (ts_node_is_null(op)) return 0;
    std::string_view k = kind_of(op);
    if (k == "&&" || k == "and") return '&';
    if (k == "||" || k == "or") return '|';
    return 0;
  }

  void visit_if(TSNode n, int nesting, bool else_if) {
    ++c_.cyclomatic;
    c_.cognitive += else_if ? 1 : 1 + nesting;
    TSNode then = field(n, "consequence");
    TSNode other = field(n, "alternative");
    int body = enter(nesting);
    for (TSNode kid : named_children(n)) {
      if (ts_node_eq(kid, then)) {
        visit(kid, body);
      } else if (!ts_node_eq(kid, other)) {
        visit(kid, nesting);  // the condition, its init-statement
      }
    }
    if (ts_node_is_null(other)) return;
    // Older grammars put the statement itself in "alternative"; this one
    // wraps it in an else_clause.
    TSNode stmt = other;
    if (kind_of(other) == "else_clause") {
      if (ts_node_named_child_count(other) == 0) return;
      stmt = ts_node_named_child(other, 0);
    }
    if (kind_of(stmt) == "if_statement") {
      visit_if(stmt, nesting, /*else_if=*/true);
      return;
    }
    ++c_.cognitive;  // else
    visit(stmt, body);
  }

  // Loops, switch and catch: an increment with nesting; the body nested.
  void visit_structure(TSNode n, int nesting, bool cyclomatic) {
    if (cyclomatic) ++c_.cyclomatic;
    c_.cognitive += 1 + nesting;
    TSNode body = field(n, "body");
    for (TSNode kid : named_children(n)) {
      visit(kid, ts_node_eq(kid, body) ? enter(nesting) : nesting);
    }
  }

  void visit_conditional(TSNode n, int nesting) {
    ++c_.cyclomatic;
    c_.cognitive += 1 + nesting;
    TSNode cond = field(n, "condition");
    for (TSNode kid : named_children(n)) {
      visit(kid, ts_node_eq(kid, cond) ? nesting : enter(nesting));
    }
  }

  // A tree of && and || joined directly or through parentheses is one
  // sequence: +1 cognitive for its first operator and each change.
  void visit_logical(TSNode n, int nesting) {
    std::vector<char> ops;
    std::vector<TSNode> operands;
    flatten(n, ops, operands);
    add_logical_sequence(ops, c_);
    for (TSNode operand : operands) visit(operand, nesting);
  }

  void flatten(TSNode n, std::vector<char>& ops, std::vector<TSNode>& operands) {
    std::string_view k = kind_of(n);
    if (k == "parenthesized_expression" && ts_node_named_child_count(n) == 1 &&
        is_logical_tree(ts_node_named_child(n, 0))) {
      flatten(ts_node_named_child(n, 0), ops, operands);
      return;
    }
    if (k == "binary_expression") {
      if (char op = logical_op(n)) {
        flatten(field(n, "left"), ops, operands);
        ops.push_back(op);
        flatten(field(n, "right"), ops, operands);
        return;
      }
    }
    if (!ts_node_is_null(n)) operands.push_back(n);
  }

  bool is_logical_tree(TSNode n) const {
    std::string_view k = kind_of(n);
    if (k == "binary_expression") return logical_op(n) != 0;
    if (k == "parenthesized_expression" && ts_node_named_child_count(n) == 1) {
      return is_logical_tree(ts_node_named_child(n, 0));
    }
    return false;
  }

  // The callee's last name is the function's own (f(x), this->f(x),
  // A::f(x)), and the function takes that many arguments.
  bool calls_self(TSNode call) const {
    int args = 0;
    for (TSNode a : named_children(field(call, "arguments"))) args += kind_of(a) != "comment";
    if (args < self_.min_args || (self_.max_args >= 0 && args > self_.max_args)) return false;
    TSNode callee = field(call, "function");
    for (int guard = 0; !ts_node_is_null(callee) && guard < 8; ++guard) {
      std::string_view k = kind_of(callee);
      if (k == "identifier" || k == "field_identifier") return tree_.text_of(callee) == self_.name;
      if (k == "qualified_identifier" || k == "template_function" || k == "template_method") {
        callee = field(callee, "name");
      } else if (k == "field_expression") {
        callee = field(callee, "field");
      } else {
        return false;
      }
    }
    return false;
  }

  const SyntaxTree& tree_;
  const SelfCall& self_;
  Complexity c_;
};

}  // namespace

Complexity quick_complexity(const SyntaxTree& tree, TSNode fn, const SelfCall& self) {
  Walker walker(tree, self);
  for (TSNode kid : named_children(fn)) {
    std::string_view k = kind_of(kid);
    if (k == "compound_statement" || k == "try_statement" || k == "field_initializer_list") {
      walker.visit(kid, 0);
    }
  }
  return walker.result();
}

}  // namespace stepup
