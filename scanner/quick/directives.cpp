#include "scanner/quick/directives.h"

#include <cctype>
#include <vector>

namespace stepup {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

class Blanker {
 public:
  explicit Blanker(std::string_view text) : out_(text) {}

  std::string run() {
    while (i_ < out_.size()) {
      if (at_line_start_ && directive_here()) continue;
      char c = out_[i_];
      if (skipping()) {
        blank_char();
      } else if (c == '/' && next() == '/') {
        skip_until_newline();
      } else if (c == '/' && next() == '*') {
        block_comment();
      } else if (c == 'R' && next() == '"' && (i_ == 0 || !ident(out_[i_ - 1]))) {
        raw_string();
      } else if (c == '"' || c == '\'') {
        quoted(c);
      } else {
        advance();
      }
    }
    return std::move(out_);
  }

 private:
  static bool ident(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
  char next() const { return i_ + 1 < out_.size() ? out_[i_ + 1] : '\0'; }
  bool skipping() const { return !zero_.empty() && zero_.back(); }

  void advance() {
    char c = out_[i_++];
    if (c == '\n') {
      at_line_start_ = true;
    } else if (!space(c) && c != '\r') {
      at_line_start_ = false;
    }
  }
  void blank_char() {
    if (out_[i_] != '\n' && out_[i_] != '\r') out_[i_] = ' ';
    advance();
  }
  void skip_until_newline() {
    while (i_ < out_.size() && out_[i_] != '\n') {
      if (out_[i_] == '\\' && next() == '\n') ++i_;
      ++i_;
    }
  }
  void block_comment() {
    i_ += 2;
    while (i_ < out_.size() && !(out_[i_] == '*' && next() == '/')) ++i_;
    i_ = std::min(out_.size(), i_ + 2);
    // A comment keeps the line's start: `/* x */ #if` is still a directive.
  }
  void quoted(char q) {
    ++i_;
    while (i_ < out_.size() && out_[i_] != q && out_[i_] != '\n') {
      if (out_[i_] == '\\') ++i_;
      ++i_;
    }
    if (i_ < out_.size()) advance();
    at_line_start_ = false;
  }
  void raw_string() {
    size_t open = out_.find('(', i_ + 2);
    if (open == std::string::npos || open - (i_ + 2) > 16) {
      advance();
      return;
    }
    std::string close = ")" + out_.substr(i_ + 2, open - (i_ + 2)) + "\"";
    size_t end = out_.find(close, open);
    i_ = end == std::string::npos ? out_.size() : end + close.size();
    at_line_start_ = false;
  }

  // At a line's first non-blank: if it is '#', blank the directive (with
  // its continuation lines and any comment on it) and track #if 0.
  bool directive_here() {
    size_t j = i_;
    while (j < out_.size() && space(out_[j])) ++j;
    if (j >= out_.size() || out_[j] != '#') {
      if (j < out_.size() && out_[j] != '\n' && out_[j] != '\r') at_line_start_ = false;
      return false;
    }
    size_t k = j + 1;
    while (k < out_.size() && space(out_[k])) ++k;
    size_t w = k;
    while (w < out_.size() && ident(out_[w])) ++w;
    std::string word = out_.substr(k, w - k);
    size_t v = w;
    while (v < out_.size() && space(out_[v])) ++v;
    bool zero = word == "if" && v < out_.size() && out_[v] == '0' &&
                (v + 1 >= out_.size() || !ident(out_[v + 1]));
    track(word, zero);
    blank_directive(j);
    return true;
  }

  void track(const std::string& word, bool zero) {
    if (word == "if" || word == "ifdef" || word == "ifndef") {
      bool parent = skipping();
      zero_.push_back(parent || zero);
      parent_skip_.push_back(parent);
    } else if ((word == "else" || word == "elif" || word == "elifdef" || word == "elifndef") &&
               !zero_.empty()) {
      // After an `#if 0` branch the next one is read (we cannot know more).
      zero_.back() = parent_skip_.back();
    } else if (word == "endif" && !zero_.empty()) {
      zero_.pop_back();
      parent_skip_.pop_back();
    }
  }

  void blank_directive(size_t from) {
    i_ = from;
    bool in_comment = false;
    char prev = '\0';  // the last character before blanking, '\r' passed over
    while (i_ < out_.size()) {
      char c = out_[i_];
      if (c == '\n') {
        if (!in_comment && prev != '\\') break;
      } else if (!in_comment && c == '/' && next() == '*') {
        in_comment = true;
        out_[i_++] = ' ';
        c = '*';  // so that "/*/" does not close it
      } else if (in_comment && c == '*' && next() == '/') {
        in_comment = false;
        out_[i_++] = ' ';
        c = '/';
      }
      if (c != '\r') prev = c;
      if (out_[i_] != '\n' && out_[i_] != '\r') out_[i_] = ' ';
      ++i_;
    }
    at_line_start_ = false;
  }

  std::string out_;
  size_t i_ = 0;
  bool at_line_start_ = true;
  std::vector<bool> zero_;         // per open conditional: its branch is not read
  std::vector<bool> parent_skip_;  // per open conditional: the enclosing one is not read
};

}  // namespace

std::string blank_directives(std::string_view text) { return Blanker(text).run(); }

}  // namespace stepup
