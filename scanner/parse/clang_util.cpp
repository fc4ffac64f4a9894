#include "scanner/parse/clang_util.h"

#include <algorithm>
#include <cctype>

#include "model/report.h"

namespace stepup {

std::string take_string(CXString s) {
  const char* c = clang_getCString(s);
  std::string out = c ? c : "";
  clang_disposeString(s);
  return out;
}

std::vector<CXCursor> children_of(CXCursor c) {
  std::vector<CXCursor> kids;
  clang_visitChildren(
      c,
      [](CXCursor child, CXCursor, CXClientData data) {
        static_cast<std::vector<CXCursor>*>(data)->push_back(child);
        return CXChildVisit_Continue;
      },
      &kids);
  return kids;
}

FilePos file_pos(CXSourceLocation loc) {
  FilePos p;
  unsigned column = 0;
  clang_getFileLocation(loc, &p.file, &p.line, &column, &p.offset);
  return p;
}

FileTokens::FileTokens(CXTranslationUnit tu, CXFile file) : file_(file) {
  size_t size = 0;
  const char* data = clang_getFileContents(tu, file, &size);
  if (!data) return;
  text_ = std::string_view(data, size);
  CXSourceRange range =
      clang_getRange(clang_getLocationForOffset(tu, file, 0),
                     clang_getLocationForOffset(tu, file, static_cast<unsigned>(size)));
  CXToken* tokens = nullptr;
  unsigned count = 0;
  clang_tokenize(tu, range, &tokens, &count);
  starts_.reserve(count);
  lengths_.reserve(count);
  kinds_.reserve(count);
  for (unsigned i = 0; i < count; ++i) {
    CXSourceRange extent = clang_getTokenExtent(tu, tokens[i]);
    unsigned begin = 0, end = 0;
    clang_getFileLocation(clang_getRangeStart(extent), nullptr, nullptr, nullptr, &begin);
    clang_getFileLocation(clang_getRangeEnd(extent), nullptr, nullptr, nullptr, &end);
    if (end < begin || end > size) continue;
    if (!starts_.empty() && begin <= starts_.back()) continue;  // keep sorted
    starts_.push_back(begin);
    lengths_.push_back(end - begin);
    kinds_.push_back(clang_getTokenKind(tokens[i]));
  }
  if (tokens) clang_disposeTokens(tu, tokens, count);
}

std::vector<int> FileTokens::syntax() const {
  std::vector<int> out;
  for (size_t i = 0; i < starts_.size(); ++i) {
    int cls;
    switch (kinds_[i]) {
      case CXToken_Keyword:
        cls = kSyntaxKeyword;
        break;
      case CXToken_Literal:
        cls = kSyntaxLiteral;
        break;
      case CXToken_Comment:
        cls = kSyntaxComment;
        break;
      case CXToken_Identifier:
        cls = kSyntaxIdentifier;
        break;
      default:
        continue;  // punctuation stays plain
    }
    if (lengths_[i] == 0) continue;
    out.insert(out.end(), {static_cast<int>(starts_[i]), static_cast<int>(lengths_[i]), cls});
  }
  return out;
}

std::string_view FileTokens::token_at(unsigned offset) const {
  auto it = std::lower_bound(starts_.begin(), starts_.end(), offset);
  if (it == starts_.end() || *it != offset) return {};
  size_t i = static_cast<size_t>(it - starts_.begin());
  return text_.substr(starts_[i], lengths_[i]);
}

std::string_view FileTokens::token_before(unsigned offset) const {
  auto it = std::lower_bound(starts_.begin(), starts_.end(), offset);
  if (it == starts_.begin()) return {};
  size_t i = static_cast<size_t>(it - starts_.begin()) - 1;
  return text_.substr(starts_[i], lengths_[i]);
}

unsigned FileTokens::offset_before(unsigned offset) const {
  auto it = std::lower_bound(starts_.begin(), starts_.end(), offset);
  return it == starts_.begin() ? 0 : *(it - 1);
}

std::vector<std::string_view> FileTokens::tokens_from(unsigned offset, size_t count) const {
  std::vector<std::string_view> out;
  auto it = std::lower_bound(starts_.begin(), starts_.end(), offset);
  for (size_t i = static_cast<size_t>(it - starts_.begin());
       i < starts_.size() && out.size() < count; ++i) {
    out.push_back(text_.substr(starts_[i], lengths_[i]));
  }
  return out;
}

std::vector<std::string_view> FileTokens::tokens_between(unsigned begin, unsigned end) const {
  std::vector<std::string_view> out;
  auto it = std::lower_bound(starts_.begin(), starts_.end(), begin);
  for (size_t i = static_cast<size_t>(it - starts_.begin()); i < starts_.size() && starts_[i] < end;
       ++i) {
    out.push_back(text_.substr(starts_[i], lengths_[i]));
  }
  return out;
}

// libclang 14 has no "is this a macro location" call (its
// clang_getSpellingLocation returns the file location). A CXSourceLocation
// carries clang's raw SourceLocation in int_data, whose top bit is
// SourceLocation::MacroIDBit, set for every location inside a macro
// expansion (its body or its arguments).
bool is_macro_location(CXSourceLocation loc) { return (loc.int_data & (1u << 31)) != 0; }

// Drops what stands between an expression and its value: implicit
// conversions, parentheses.
CXCursor strip_implicit(CXCursor c) {
  for (;;) {
    CXCursorKind k = clang_getCursorKind(c);
    if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr) return c;
    std::vector<CXCursor> kids = children_of(c);
    if (kids.size() != 1) return c;
    c = kids[0];
  }
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    out += c;
  }
  return out;
}

std::string type_text(CXType t) {
  std::string s = take_string(clang_getTypeSpelling(t));
  for (const char* junk : {"std::__cxx11::", "std::__1::"}) {
    for (size_t at = s.find(junk); at != std::string::npos; at = s.find(junk)) {
      s.replace(at, std::string(junk).size(), "std::");
    }
  }
  for (const char* tail : {" &", " *"}) {
    for (size_t at = s.find(tail); at != std::string::npos; at = s.find(tail)) s.erase(at, 1);
  }
  return s;
}

}  // namespace stepup
