#include "scanner/parse/includes.h"

#include <cctype>

#include "scanner/common/path_match.h"

namespace stepup {
namespace {

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// A cursor over the text that steps over backslash-newline pairs and
/// counts lines, the way translation phase 2 sees the file.
class Reader {
 public:
  explicit Reader(std::string_view text) : t_(text) {}

  bool done() { return skip_splices(), i_ >= t_.size(); }
  char peek(size_t ahead = 0) {
    skip_splices();
    size_t j = i_;
    for (size_t n = 0; j < t_.size(); ++j) {
      if (splice_at(j)) {
        j += t_[j + 1] == '\r' ? 2 : 1;
        continue;
      }
      if (n++ == ahead) return t_[j];
    }
    return '\0';
  }
  char get() {
    skip_splices();
    if (i_ >= t_.size()) return '\0';
    char c = t_[i_++];
    if (c == '\n') ++line_;
    return c;
  }
  int line() const { return line_; }

 private:
  // A backslash followed by a newline (or CR LF) joins two lines.
  bool splice_at(size_t j) const {
    return t_[j] == '\\' && j + 1 < t_.size() &&
           (t_[j + 1] == '\n' || (t_[j + 1] == '\r' && j + 2 < t_.size() && t_[j + 2] == '\n'));
  }
  void skip_splices() {
    while (i_ < t_.size() && splice_at(i_)) {
      i_ += t_[i_ + 1] == '\r' ? 3 : 2;
      ++line_;
    }
  }

  std::string_view t_;
  size_t i_ = 0;
  int line_ = 1;
};

class Scanner {
 public:
  explicit Scanner(std::string_view text) : r_(text) {}

  std::vector<IncludeDirective> run() {
    bool line_start = true;
    while (!r_.done()) {
      char c = r_.peek();
      if (c == '\n') {
        r_.get();
        line_start = true;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        r_.get();
      } else if (skip_comment()) {
        // a comment is whitespace: it keeps line_start as it was
      } else if (c == '#' && line_start) {
        r_.get();
        directive();
        line_start = false;
      } else {
        token();
        line_start = false;
      }
    }
    return std::move(out_);
  }

 private:
  bool skip_comment() {
    if (r_.peek() != '/') return false;
    if (r_.peek(1) == '/') {
      while (!r_.done() && r_.peek() != '\n') r_.get();
      return true;
    }
    if (r_.peek(1) == '*') {
      r_.get();
      r_.get();
      while (!r_.done() && !(r_.peek() == '*' && r_.peek(1) == '/')) r_.get();
      r_.get();
      r_.get();
      return true;
    }
    return false;
  }

  void skip_blanks() {
    for (;;) {
      char c = r_.peek();
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        r_.get();
      } else if (c == '/' && r_.peek(1) == '*') {
        skip_comment();
      } else {
        return;
      }
    }
  }

  std::string identifier() {
    std::string id;
    while (ident_char(r_.peek())) id += r_.get();
    return id;
  }

  void directive() {
    int line = r_.line();
    skip_blanks();
    std::string name = identifier();
    if (name != "include" && name != "include_next" && name != "import") return;
    skip_blanks();
    IncludeDirective d;
    d.line = line;
    d.name_line = r_.line();
    char open = r_.peek();
    if (open == '"' || open == '<') {
      r_.get();
      d.angled = open == '<';
      char close = d.angled ? '>' : '"';
      while (!r_.done() && r_.peek() != close && r_.peek() != '\n') d.spelled += r_.get();
      if (r_.peek() != close) return;  // not a complete directive
      r_.get();
    } else {
      d.spelled = identifier();  // #include MACRO
      if (d.spelled.empty()) return;
    }
    out_.push_back(std::move(d));
  }

  // One token of ordinary code; literals are skipped whole so that what
  // they hold is never mistaken for a comment or a directive.
  void token() {
    char c = r_.peek();
    if (ident_char(c)) {
      std::string id = identifier();
      if (r_.peek() == '"' && raw_prefix(id)) {
        raw_string();
      } else if (r_.peek() == '\'' && !std::isdigit(static_cast<unsigned char>(id[0]))) {
        quoted('\'');  // u'x', L'x'; after a digit it is a digit separator
      }
      return;
    }
    if (c == '"' || c == '\'') {
      quoted(c);
      return;
    }
    r_.get();
  }

  static bool raw_prefix(const std::string& id) {
    return id == "R" || id == "u8R" || id == "uR" || id == "UR" || id == "LR";
  }

  void quoted(char quote) {
    r_.get();
    while (!r_.done() && r_.peek() != quote && r_.peek() != '\n') {
      if (r_.get() == '\\' && !r_.done() && r_.peek() != '\n') r_.get();
    }
    if (r_.peek() == quote) r_.get();
  }

  // R"delim( ... )delim"
  void raw_string() {
    r_.get();
    std::string delim;
    while (!r_.done() && r_.peek() != '(' && r_.peek() != '\n' && delim.size() <= 16) {
      delim += r_.get();
    }
    if (r_.peek() != '(') return;
    r_.get();
    std::string close = ")" + delim + "\"";
    std::string window;
    while (!r_.done()) {
      window += r_.get();
      if (window.size() > close.size()) window.erase(0, 1);
      if (window == close) return;
    }
  }

  Reader r_;
  std::vector<IncludeDirective> out_;
};

}  // namespace

std::vector<IncludeDirective> scan_include_directives(std::string_view text) {
  return Scanner(text).run();
}

std::vector<std::string> include_dirs_of(const std::vector<std::string>& args) {
  static const char* const kOptions[] = {"-I", "-iquote", "-isystem", "-idirafter"};
  std::vector<std::string> dirs;
  for (size_t i = 1; i < args.size(); ++i) {
    for (const char* opt : kOptions) {
      std::string_view o(opt);
      if (args[i] == o && i + 1 < args.size()) {
        dirs.push_back(args[++i]);
        break;
      }
      if (o.size() == 2 && args[i].size() > 2 && args[i].compare(0, 2, o) == 0) {
        dirs.push_back(args[i].substr(2));
        break;
      }
    }
  }
  return dirs;
}

std::string resolve_include(const IncludeDirective& d, const std::string& includer_dir,
                            const std::vector<std::string>& include_dirs,
                            const std::function<bool(const std::string&)>& exists) {
  if (d.spelled.empty()) return "";
  if (!d.angled) {
    std::string here = join_path(includer_dir, d.spelled);
    if (exists(here)) return here;
  }
  for (const auto& dir : include_dirs) {
    std::string there = join_path(dir, d.spelled);
    if (exists(there)) return there;
  }
  return "";
}

std::vector<IncludeRef> include_refs(
    std::string_view text, const std::function<std::optional<std::string>(int)>& entered,
    const std::string& includer_dir, const std::vector<std::string>& include_dirs,
    const std::function<std::string(const std::string&)>& scanned) {
  auto exists = [&](const std::string& abs) { return !scanned(abs).empty(); };
  std::vector<IncludeRef> refs;
  for (const IncludeDirective& d : scan_include_directives(text)) {
    IncludeRef r{d.line, d.spelled, d.angled, ""};
    if (std::optional<std::string> path = entered(d.name_line)) {
      r.path = *path;
    } else if (std::string abs = resolve_include(d, includer_dir, include_dirs, exists);
               !abs.empty()) {
      r.path = scanned(abs);
    }
    refs.push_back(std::move(r));
  }
  return refs;
}

}  // namespace stepup
