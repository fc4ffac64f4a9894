// What a test skeleton reads from the source text: the header that
// declares a function and how a test spells it, a declaration for a
// function no header declares, whether a test can reach a member, and the
// path helpers these share (docs/tickets.md).
#pragma once

#include <regex>
#include <string>
#include <vector>

#include "model/report.h"

namespace stepup {

/// Whether a repo path names a header (.h, .hpp, .hh, ...).
bool is_header(const std::string& path);

/// text with the characters ECMAScript regexes treat specially escaped.
std::string regex_escape(const std::string& text);

/// "src/net" for "src/net/http.cpp"; "" for a file at the root.
std::string dir_of(const std::string& path);

/// "http.cpp" for "src/net/http.cpp".
std::string base_of(const std::string& path);

/// "http" for "src/net/http.cpp".
std::string stem_of(const std::string& path);

/// dir/rel, normalised ("a/./b/../c" is "a/c").
std::string join(const std::string& dir, const std::string& rel);

/// The report's file with this repo path, or null.
const FileFacts* file_named(const Report& report, const std::string& path);

/// s between backticks: code in the prose of a ticket.
std::string code(const std::string& s);

/// How a header is written in an #include, and why.
struct Spelling {
  std::string text;
  bool angled = false;
  std::string why;
};

/// How a test in folder dir spells an include of header (a repo path):
/// from the most specific folder the tests write paths from that the test
/// build reaches, else from one of the build's include folders, else
/// relative to the test file.
Spelling spell(const TestFramework& framework, const std::string& header, const std::string& dir);

/// Headers that may declare file's functions: its same-named header, then
/// the repo headers it includes.
std::vector<std::string> header_candidates(const Report& report, const TestFramework& framework,
                                           const FileFacts& file);

/// The header that declares fn (a repo path; file itself when it is a
/// header), or "" with the reason in why. Never a file that does not exist
/// or does not name fn.
std::string header_of(const Report& report, const TestFramework& framework, const FileFacts& file,
                      const FunctionFacts& fn, std::string& why);

/// A free function whose definition says `static`: internal linkage read
/// from the text, where the scan did not record it.
bool static_by_text(const FileFacts& file, const FunctionFacts& fn);

/// fn's declaration as written at its definition, inside its namespaces,
/// for a test to carry when no header declares fn; "" when fn is not a
/// plain free function.
std::string declaration_of(const FileFacts& file, const FunctionFacts& fn);

/// The includes of file (spelled for a test in dir, with delimiters), which
/// the declaration's types need.
std::vector<std::string> declaration_includes(const Report& report, const TestFramework& framework,
                                              const FileFacts& file, const std::string& dir);

/// "Parser" for "net::Parser::parse"; "" for an unscoped name.
std::string last_scope(const std::string& qualified);

/// What a test takes the address of (&ns::f) so the compiler checks that
/// the include declares fn; "" where that fails for a reason of its own
/// (overloads, templates, constructors, operators). text: the declaring
/// header or declaration.
std::string address_check(const Report& report, const FunctionFacts& fn, const std::string& text);

/// Matches the head of class (or struct) cls's definition, up to its brace.
std::regex class_head(const std::string& cls);

/// The access of name's declaration in the body of class cls in text:
/// "public", "private" or "protected"; "" when that body or name is not found.
std::string access_of(const std::string& text, const std::string& cls, const std::string& name);

}  // namespace stepup
