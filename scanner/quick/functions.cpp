#include "scanner/quick/functions.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "scanner/quick/complexity.h"

namespace stepup {
namespace {

// Whitespace dropped, template arguments too: "A<T> :: f" -> "A::f".
std::string plain_name(std::string_view text) {
  std::string out;
  int angle = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool op = out.size() >= 8 && out.compare(out.size() - 8, 8, "operator") == 0;
    if (c == '<' && !op && !(i > 0 && text[i - 1] == '<')) {
      ++angle;
    } else if (c == '>' && angle > 0) {
      --angle;
    } else if (angle == 0 && !std::isspace(static_cast<unsigned char>(c))) {
      out += c;
    } else if (angle == 0 && op && i + 1 < text.size() &&
               std::isalpha(static_cast<unsigned char>(text[i + 1]))) {
      out += ' ';  // operator bool, operator new
    }
  }
  return out;
}

// The function_declarator inside a definition's declarator (through
// pointer, reference, parenthesized and attributed declarators).
TSNode function_declarator(TSNode d) {
  for (int guard = 0; !ts_node_is_null(d) && guard < 16; ++guard) {
    std::string_view k = kind_of(d);
    if (k == "function_declarator") return d;
    TSNode inner = field(d, "declarator");
    if (ts_node_is_null(inner) && ts_node_named_child_count(d) > 0) {
      inner = ts_node_named_child(d, ts_node_named_child_count(d) - 1);
    }
    d = inner;
  }
  return TSNode{};
}

// A conversion function, `operator T()` or `A::operator T()`: its name and
// the node of its parameter list, which sit in an operator_cast.
bool conversion(const SyntaxTree& tree, TSNode top, std::string* qualified, TSNode* name,
                TSNode* params) {
  std::string prefix;
  TSNode n = top;
  while (!ts_node_is_null(n) && kind_of(n) == "qualified_identifier") {
    prefix += plain_name(tree.text_of(field(n, "scope"))) + "::";
    n = field(n, "name");
  }
  if (ts_node_is_null(n) || kind_of(n) != "operator_cast") return false;
  // The parameters sit in the abstract declarator, maybe under a '*' or '&'.
  TSNode p = field(n, "declarator");
  for (int guard = 0; !ts_node_is_null(p) && kind_of(p) != "parameter_list" && guard < 8; ++guard) {
    TSNode inner = field(p, "parameters");
    p = ts_node_is_null(inner) ? field(p, "declarator") : inner;
  }
  // The type as written: what stands between "operator" and the parameters.
  std::string_view text = tree.text_of(n);
  if (!ts_node_is_null(p)) text = text.substr(0, ts_node_start_byte(p) - ts_node_start_byte(n));
  if (text.substr(0, 8) == "operator") text.remove_prefix(8);
  std::string type;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      type += c;
    } else if (!type.empty() && type.back() != ' ') {
      type += ' ';
    }
  }
  while (!type.empty() && type.back() == ' ') type.pop_back();
  *qualified = prefix + "operator " + type;
  *name = n;
  *params = p;
  return true;
}

int count_params(TSNode params) {
  int n = 0;
  for (TSNode p : named_children(params)) {
    std::string_view k = kind_of(p);
    if (k == "parameter_declaration" || k == "optional_parameter_declaration" ||
        k == "variadic_parameter_declaration" || k == "optional_type_parameter_declaration") {
      ++n;
    }
  }
  if (n == 1 && ts_node_named_child_count(params) == 1) {
    TSNode p = ts_node_named_child(params, 0);
    if (kind_of(p) == "parameter_declaration" && ts_node_is_null(field(p, "declarator"))) {
      TSNode type = field(p, "type");
      if (!ts_node_is_null(type) && kind_of(type) == "primitive_type" &&
          ts_node_end_byte(type) - ts_node_start_byte(type) == 4) {
        return 0;  // f(void)
      }
    }
  }
  return n;
}

// The argument counts a call of the function may have.
SelfCall self_call(std::string_view name, TSNode params, int required) {
  SelfCall self{name, 0, 0};
  int optional = 0, pack = 0;
  bool variadic = false;
  if (!ts_node_is_null(params)) {
    for (uint32_t i = 0; i < ts_node_child_count(params); ++i) {
      std::string_view k = kind_of(ts_node_child(params, i));
      optional += k == "optional_parameter_declaration";
      pack += k == "variadic_parameter_declaration";  // Args... args: zero or more
      variadic |= k == "..." || k == "variadic_parameter_declaration";
    }
  }
  self.min_args = required - optional - pack;
  if (self.min_args < 0) self.min_args = 0;
  self.max_args = variadic ? -1 : required;
  return self;
}

class Finder {
 public:
  explicit Finder(const SyntaxTree& tree) : tree_(tree) {}

  void walk(TSNode n) {
    std::string_view k = kind_of(n);
    if (k == "function_definition") {
      add(n);
      return;  // what is inside counts toward it
    }
    bool scope = k == "namespace_definition" || k == "class_specifier" || k == "struct_specifier" ||
                 k == "union_specifier";
    if (scope) scopes_.push_back(scope_name(n));
    bool tmpl = k == "template_declaration";
    templates_ += tmpl;
    for (TSNode kid : named_children(n)) walk(kid);
    templates_ -= tmpl;
    if (scope) scopes_.pop_back();
  }

  std::vector<FunctionFacts> take() { return std::move(out_); }

 private:
  std::string scope_name(TSNode n) {
    TSNode name = field(n, "name");
    std::string_view k = kind_of(n);
    if (ts_node_is_null(name)) {
      return k == "namespace_definition" ? "(anonymous namespace)"
             : k == "union_specifier"    ? "(anonymous union)"
             : k == "class_specifier"    ? "(anonymous class)"
                                         : "(anonymous struct)";
    }
    return plain_name(tree_.text_of(name));
  }

  void add(TSNode def) {
    current_ = def;
    std::string qualified;
    TSNode name_node{}, params{};
    TSNode decl = function_declarator(field(def, "declarator"));
    if (!ts_node_is_null(decl)) {
      name_node = field(decl, "declarator");
      if (ts_node_is_null(name_node)) return;
      qualified = plain_name(tree_.text_of(name_node));
      params = field(decl, "parameters");
    } else if (!conversion(tree_, field(def, "declarator"), &qualified, &name_node, &params)) {
      return;
    }
    FunctionFacts f;
    size_t cut = qualified.rfind("::");
    f.name = cut == std::string::npos ? qualified : qualified.substr(cut + 2);
    // The line of the name, not of a qualifier or template header.
    TSNode last = name_node;
    while (kind_of(last) == "qualified_identifier" && !ts_node_is_null(field(last, "name"))) {
      last = field(last, "name");
    }
    f.line = first_line(last);
    f.end_line = std::max(f.line, last_line(def));
    std::string prefix;
    for (const std::string& s : scopes_) prefix += s + "::";
    f.qualified_name = prefix + qualified;
    f.params = ts_node_is_null(params) ? 0 : count_params(params);
    traits(def, f);
    if (f.trivial != "defaulted" && f.trivial != "deleted") {
      Complexity c = quick_complexity(tree_, def, self_call(f.name, params, f.params));
      f.cyclomatic = c.cyclomatic;
      f.cognitive = c.cognitive;
      f.max_nesting = c.max_nesting;
    }
    out_.push_back(std::move(f));
  }

  void traits(TSNode def, FunctionFacts& f) {
    bool typed = !ts_node_is_null(field(def, "type"));
    for (TSNode kid : named_children(def)) {
      std::string_view k = kind_of(kid);
      if (k == "default_method_clause") f.trivial = "defaulted";
      if (k == "delete_method_clause") f.trivial = "deleted";
      if (k == "storage_class_specifier" && tree_.text_of(kid) == "static" &&
          scopes_in_class() == 0)
        f.internal_linkage = true;
      if ((k == "type_qualifier" || k == "storage_class_specifier") &&
          tree_.text_of(kid) == "constexpr")
        f.is_constexpr = true;
    }
    TSNode body = field(def, "body");
    if (f.trivial.empty() && !ts_node_is_null(body) && kind_of(body) == "compound_statement" &&
        ts_node_named_child_count(body) == 0) {
      bool inits = false;
      for (TSNode kid : named_children(def)) inits |= kind_of(kid) == "field_initializer_list";
      if (!inits) f.trivial = "empty";
    }
    for (const std::string& s : scopes_) f.internal_linkage |= s == "(anonymous namespace)";
    f.is_template = templates_ > 0;
    // TEST(Suite, Name) { ... }: a macro writes the function (no return
    // type, an all-capitals name, at namespace scope).
    if (!typed && scopes_in_class() == 0) {
      bool caps = !f.name.empty();
      for (char c : f.name)
        caps &= std::isupper(static_cast<unsigned char>(c)) || c == '_' ||
                std::isdigit(static_cast<unsigned char>(c));
      f.from_macro = caps && f.qualified_name.find("::") == std::string::npos;
    }
  }

  int scopes_in_class() const {
    for (TSNode p = ts_node_parent(current_); !ts_node_is_null(p); p = ts_node_parent(p)) {
      std::string_view k = kind_of(p);
      if (k == "field_declaration_list") return 1;
      if (k == "declaration_list" || k == "translation_unit") return 0;
    }
    return 0;
  }

  const SyntaxTree& tree_;
  std::vector<std::string> scopes_;
  int templates_ = 0;
  TSNode current_{};
  std::vector<FunctionFacts> out_;
};

}  // namespace

std::vector<FunctionFacts> quick_functions(const SyntaxTree& tree) {
  if (!tree.ok()) return {};
  Finder finder(tree);
  finder.walk(tree.root());
  std::vector<FunctionFacts> fns = finder.take();
  std::stable_sort(fns.begin(), fns.end(), [](const FunctionFacts& a, const FunctionFacts& b) {
    if (a.line != b.line) return a.line < b.line;
    return a.end_line < b.end_line;
  });
  return fns;
}

}  // namespace stepup
