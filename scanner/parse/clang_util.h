// Small helpers over the libclang C API shared by the scanner's files.
#pragma once

#include <clang-c/Index.h>

#include <string>
#include <string_view>
#include <vector>

namespace stepup {

/// Takes ownership of a CXString and returns its text.
std::string take_string(CXString s);

/// The direct children of a cursor, in source order.
std::vector<CXCursor> children_of(CXCursor c);

/// Where a location lies in real file text: for a macro argument the place
/// the argument is written, for a macro body the place of the expansion.
struct FilePos {
  CXFile file = nullptr;
  unsigned offset = 0;
  unsigned line = 0;
};
FilePos file_pos(CXSourceLocation loc);

/// The raw tokens of one file, for asking which token is written where.
class FileTokens {
 public:
  FileTokens(CXTranslationUnit tu, CXFile file);
  /// Text of the token that starts exactly at offset, or "".
  std::string_view token_at(unsigned offset) const;
  /// Text of the last token that starts before offset, or "".
  std::string_view token_before(unsigned offset) const;
  /// Offset of that token (only meaningful when token_before is not "").
  unsigned offset_before(unsigned offset) const;
  /// The texts of up to `count` tokens that start at or after offset.
  std::vector<std::string_view> tokens_from(unsigned offset, size_t count) const;
  /// The texts of the tokens that start in [begin, end).
  std::vector<std::string_view> tokens_between(unsigned begin, unsigned end) const;
  /// The keywords, literals, comments and identifiers as FileFacts::syntax
  /// triples (byte offset, byte length, SyntaxClass); punctuation left out.
  std::vector<int> syntax() const;
  CXFile file() const { return file_; }
  /// The file's whole text (valid while the translation unit lives).
  std::string_view text() const { return text_; }

 private:
  CXFile file_;
  std::string_view text_;
  std::vector<unsigned> starts_;
  std::vector<unsigned> lengths_;
  std::vector<CXTokenKind> kinds_;
};

/// A location inside a macro expansion (its body or its arguments).
bool is_macro_location(CXSourceLocation loc);

/// Drops what stands between an expression and its value: implicit
/// conversions, parentheses.
CXCursor strip_implicit(CXCursor c);

/// s without its whitespace: "std::vector<int> &" and "std::vector<int>&" compare equal.
std::string collapse_spaces(std::string_view s);

/// The spelling of a type with libstdc++/libc++ inline namespaces folded to
/// "std::" and no space before '&' or '*'.
std::string type_text(CXType t);

}  // namespace stepup
