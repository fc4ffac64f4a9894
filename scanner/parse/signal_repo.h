// What the risk-signal walk records about the repository's own functions and
// macros, per translation unit: which files are the repo's, the DeclFacts of
// each repo declaration met (by USR), and the macros repo files define. The
// facts feed log-API inference (log_inference.h) and the call graph.
#pragma once

#include <clang-c/Index.h>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

#include "model/report.h"

namespace stepup {

/// A macro a repo file defines (the first definition met).
struct RepoMacro {
  std::string usr;  ///< "c:@macro@NAME"
  DeclFacts facts;
};

/// Per TU. Without a path function (the default) nothing is recorded.
class RepoFacts {
 public:
  using PathOf = std::function<std::string(CXFile)>;
  RepoFacts() = default;
  /// path_of: the repo-relative path of a file, "" outside the repository.
  RepoFacts(CXTranslationUnit tu, PathOf path_of) : tu_(tu), path_of_(std::move(path_of)) {}

  bool enabled() const { return static_cast<bool>(path_of_); }
  /// Memoised path_of; "" outside the repository or when not enabled.
  const std::string& path_of(CXFile file);
  /// The USR of a function declared in a repo file (its first declaration's
  /// file; a template specialization: its template's), recording its
  /// DeclFacts once; "" for anything else. known_log: log_functions matched.
  std::string record_function(CXCursor decl, bool known_log = false);
  /// The macro of that name defined in a repo file this TU includes, or null.
  const RepoMacro* macro(std::string_view name);
  /// Records a macro's DeclFacts (at its first expansion); calls_log and
  /// known_log (log_macros matched) OR in.
  void record_macro(const RepoMacro& m, bool calls_log, bool known_log = false);

  /// Everything recorded, by USR.
  std::map<std::string, DeclFacts> declarations;

 private:
  void load_macros();

  CXTranslationUnit tu_ = nullptr;
  PathOf path_of_;
  std::unordered_map<CXFile, std::string> paths_;
  bool macros_loaded_ = false;
  std::unordered_map<std::string, RepoMacro> macros_;
};

/// The #define lines of one file's text: name, line, variadic, format
/// parameter (a parameter named fmt or format). Exposed for tests.
std::vector<DeclFacts> macro_definitions(std::string_view text);

/// DeclFacts of a function declaration (path and line left to the caller).
DeclFacts function_decl_facts(CXCursor decl);

}  // namespace stepup
