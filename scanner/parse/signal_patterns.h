// The patterns of docs/signals.md compiled for matching, and the name
// classes the risk-signal walker asks about: which callee logs, does I/O,
// may fail or reports an error.
#pragma once

#include <clang-c/Index.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/config.h"
#include "scanner/parse/signal_repo.h"

namespace stepup {

/// '*' matches any run of characters, "::" included; nothing else is special.
bool name_glob_match(std::string_view pattern, std::string_view text);

/// One list of SignalConfig globs, sorted once by how each is matched.
class PatternSet {
 public:
  PatternSet() = default;
  explicit PatternSet(const std::vector<std::string>& patterns);
  /// A callee, class or enumerator: patterns without "::" test the plain
  /// name (never for a name in namespace std), "::x" the whole qualified
  /// name, "a::x" the qualified name or any tail of it after a "::".
  bool matches(std::string_view name, std::string_view qualified, bool in_std) const;
  /// The patterns holding "::" (rooted or not); plain ones are ignored.
  bool matches_qualified(std::string_view qualified) const;
  /// A constructed class: only the "a::X" patterns, which name a namespace.
  bool matches_class(std::string_view qualified) const;
  /// A macro name: only the patterns without "::" apply.
  bool matches_name(std::string_view name) const;
  bool empty() const { return plain_.empty() && rooted_.empty() && anywhere_.empty(); }

 private:
  std::vector<std::string> plain_;     // no "::": the plain name
  std::vector<std::string> rooted_;    // "::x", stored without the "::"
  std::vector<std::string> anywhere_;  // "a::x": at any namespace boundary
};

/// SignalConfig compiled once per scan; read-only, shared by the workers.
struct SignalMatcher {
  explicit SignalMatcher(const SignalConfig& config);
  PatternSet log_macros, log_functions, io_functions, error_values;
  bool stderr_is_logging = false;
  bool infer_log_apis = true;
  bool call_graph = true;  ///< record calls' loops and round-trip I/O calls
};

/// What kind of I/O a callee matching io_functions does, for io-in-loop.
enum class IoKind {
  kRoundTrip,  ///< a query, request, open or stat: one round trip per call
  kStream,     ///< read/write/send/recv on an open handle: one chunk of a stream
  kSleep,      ///< sleep, usleep, sleep_for: a delay, not a round trip
};

/// What a called declaration is, worked out once per declaration.
struct CalleeInfo {
  std::string name;  ///< plain name ("Open"; a constructor: its class)
  bool log = false;  ///< matches log_functions
  bool io = false;   ///< matches io_functions (a constructor: its class)
  IoKind io_kind = IoKind::kRoundTrip;
  std::string repo_usr;  ///< USR when declared in a repo file, else ""
  /// A repo function whose own shape makes it a log API (log_inference.h).
  bool inferred_log = false;
  /// abort, exit, _exit, quick_exit, std::terminate, or a repo function
  /// named fatal/die/panic: the process ends here.
  bool fatal = false;
  bool constructor = false;
  bool action = false;      ///< may fail: not std, not const, not predicate-named
  bool reporting = false;   ///< its name says it reports: log, warn, error...
  bool assignment = false;  ///< operator=, operator+=...
};

/// Per translation unit: CalleeInfo by declaration, and the repo facts
/// recorded. Declarations are only unique inside one TU, so a worker keeps
/// one cache per TU it visits.
struct CalleeCache {
  std::unordered_map<const void*, CalleeInfo> by_decl;
  RepoFacts repo;  ///< not enabled: no call sites or declarations recorded
};

/// The words of a snake_case or camelCase name, lower-cased: "LogError" ->
/// {"log", "error"}.
std::vector<std::string> name_words(std::string_view name);

/// A function that decodes or validates input (parse*, decode*, read*,
/// consume*, scan*...): its false or nullptr answers "bad input".
bool decoder_name(std::string_view name);

/// A parser's name (parse*, decode*, consume*, scan*, lex*...): its failure
/// says the input does not match, not that an operation failed.
bool parser_name(std::string_view name);

/// Names that read as a question or a lookup (is_, has_, find, try...):
/// their false/-1/nullptr is an answer, not an error.
bool predicate_name(std::string_view name);

/// A fatal call's text says the case cannot happen: "internal error",
/// "unreachable", "not reached", "unexpected", "should not/never happen",
/// "cannot happen", "impossible", "invariant" (case-insensitive). Such a
/// call guards an invariant; it is no failure a test could cause.
bool says_cannot_happen(std::string_view call_text);

/// A call that, by its name, tells someone about the error (log, warn,
/// error, report...).
bool reporting_name(std::string_view name);

/// An assignment target whose name says it stores an error.
bool error_holder_name(std::string_view name);

/// "ns::Class::name" of a declaration with inline and anonymous namespaces
/// and template arguments left out; *top receives the outermost part.
std::string qualified_name(CXCursor named, const std::string& name, std::string* top);

/// The outermost namespace is std or a reserved one (__gnu_cxx...).
bool is_std_like(const std::string& top);

/// Classifies a called declaration once (the walker memoises it per TU);
/// repo may be null (nothing recorded).
CalleeInfo callee_info(CXCursor decl, const SignalMatcher& m, RepoFacts* repo = nullptr);

}  // namespace stepup
