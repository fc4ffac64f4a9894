// The #include directives written in a file's text, found without a
// preprocessor: the directives in every #if branch, taken or not.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/report.h"

namespace stepup {

/// One #include (or #include_next, #import) directive as written.
struct IncludeDirective {
  int line = 0;         ///< line of the '#'
  int name_line = 0;    ///< line of the file name (differs after a '\' continuation)
  std::string spelled;  ///< between the quotes or brackets; a macro name as written
  bool angled = false;
};

/// The directives of a C or C++ file, in order. Comments, string literals
/// (raw ones included) and line continuations are understood, so a
/// directive inside a comment or a string is not one.
std::vector<IncludeDirective> scan_include_directives(std::string_view text);

/// The include folders a command line names (-I, -iquote, -isystem,
/// -idirafter; joined or separate), in order, as written (compile_db made
/// them absolute).
std::vector<std::string> include_dirs_of(const std::vector<std::string>& args);

/// Where a directive the preprocessor did not enter (an #if branch not
/// taken, a header skipped by its include guard) would lead: the
/// includer's folder for a quoted name, then each include folder; the first
/// path `exists` accepts, or "".
std::string resolve_include(const IncludeDirective& d, const std::string& includer_dir,
                            const std::vector<std::string>& include_dirs,
                            const std::function<bool(const std::string&)>& exists);

/// A file's directives as IncludeRefs. `entered(line)` gives the
/// repo-relative path of the file the preprocessor entered for the
/// directive whose name is on that line ("" outside the repo), or nullopt
/// when it entered none; such a directive is looked up with
/// resolve_include, where `scanned(abs)` gives a scanned file's
/// repo-relative path ("" for any other path).
std::vector<IncludeRef> include_refs(std::string_view text,
                                     const std::function<std::optional<std::string>(int)>& entered,
                                     const std::string& includer_dir,
                                     const std::vector<std::string>& include_dirs,
                                     const std::function<std::string(const std::string&)>& scanned);

}  // namespace stepup
