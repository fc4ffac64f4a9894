#include "reports/source_view.h"

#include "model/report.h"

namespace stepup {
namespace {

using Json = nlohmann::ordered_json;

/// One character of the text as the page sees it: how many bytes it takes
/// and how many UTF-16 units it becomes.
struct Char {
  size_t bytes;
  int units;
};

// The character at s[i]. A sequence that is not UTF-8 becomes one U+FFFD,
// as nlohmann's serializer (error_handler_t::replace) writes it into the
// page's JSON: a stray byte alone, or a lead with the continuation bytes
// that fitted, the byte that broke it starting the next character.
Char next_char(const std::string& s, size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {1, 1};
  size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the first continuation byte's range
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    if (b == 0xE0) lo = 0xA0;  // no overlong form
    if (b == 0xED) hi = 0x9F;  // no surrogate
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
  } else {
    return {1, 1};
  }
  for (size_t k = 1; k <= need; ++k) {
    if (i + k >= s.size()) return {k, 1};
    auto c = static_cast<unsigned char>(s[i + k]);
    if (c < lo || c > hi) return {k, 1};
    lo = 0x80;
    hi = 0xBF;
  }
  return {need + 1, need == 3 ? 2 : 1};  // four bytes: a surrogate pair
}

/// Walks the text forward, keeping the line (1-based, split at '\n') and
/// the UTF-16 column (0-based) of the byte it stands on.
class Walker {
 public:
  explicit Walker(const std::string& text) : text_(text) {}
  void advance_to(size_t to) {
    while (pos_ < to) step();
  }
  void step() {
    if (text_[pos_] == '\n') {
      ++line_;
      col_ = 0;
      ++pos_;
      return;
    }
    Char c = next_char(text_, pos_);
    pos_ += c.bytes;
    col_ += c.units;
  }
  bool at_newline() const { return text_[pos_] == '\n'; }
  size_t pos() const { return pos_; }
  int line() const { return line_; }
  int col() const { return col_; }

 private:
  const std::string& text_;
  size_t pos_ = 0;
  int line_ = 1, col_ = 0;
};

/// Appends segments as the relative triples the script reads.
class Segments {
 public:
  void add(int line, int col, int len, int cls) {
    if (len <= 0) return;
    int dl = line - line_;
    out_.push_back(dl);
    out_.push_back(col - (dl == 0 ? end_ : 0));
    out_.push_back(len * 4 + cls);
    line_ = line;
    end_ = col + len;
  }
  Json take() { return std::move(out_); }

 private:
  Json out_ = Json::array();
  int line_ = 0, end_ = 0;
};

}  // namespace

Json syntax_segments_json(const std::string& text, const std::vector<int>& syntax) {
  Walker at(text);
  Segments out;
  for (size_t i = 0; i + 2 < syntax.size(); i += 3) {
    int offset = syntax[i], length = syntax[i + 1], cls = syntax[i + 2];
    if (offset < 0 || length <= 0 || cls < kSyntaxKeyword || cls > kSyntaxIdentifier) continue;
    size_t begin = static_cast<size_t>(offset), end = begin + static_cast<size_t>(length);
    if (begin < at.pos() || end > text.size()) continue;  // out of order or past the text
    at.advance_to(begin);
    int line = at.line(), col = at.col();
    while (at.pos() < end) {
      if (at.at_newline()) {  // a token over several lines: a segment on each
        out.add(line, col, at.col() - col, cls);
        at.step();
        line = at.line();
        col = 0;
      } else {
        at.step();
      }
    }
    out.add(line, col, at.col() - col, cls);
  }
  return out.take();
}

Json branch_counts_json(const std::map<int, std::vector<int64_t>>& counts) {
  Json out = Json::array();
  for (const auto& [line, outcomes] : counts) {
    if (outcomes.empty()) continue;
    Json row = Json::array({line});
    for (int64_t n : outcomes) row.push_back(n);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace stepup
