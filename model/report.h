// The data that flows through stepup's pipeline: plain structs with public
// fields. Every stage reads some of these and fills in others; reports/ only
// renders them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/call_graph.h"
#include "model/trend.h"

namespace stepup {

/// The schema of report.json (docs/report-format.md); readers accept only this one.
constexpr const char* kReportSchema = "stepup-report/1";

/// One message about the scan itself: something partial, skipped or guessed.
struct Diagnostic {
  enum class Level { kInfo, kWarning, kError };
  Level level = Level::kInfo;
  std::string source;                ///< stage that said it: "discover", "parse", ...
  std::string message;
  std::optional<std::string> path;   ///< repo-relative path it concerns, if any
};

const char* level_name(Diagnostic::Level level);

/// Coverage totals for a file, module or function (lines and branches for
/// functions). Branch totals leave out exception-only branches; the
/// *_with_exceptions figures keep them.
struct Coverage {
  int64_t lines_total = 0, lines_covered = 0;
  int64_t branches_total = 0, branches_covered = 0;
  int64_t functions_total = 0, functions_covered = 0;
  int64_t branches_total_with_exceptions = 0, branches_covered_with_exceptions = 0;
  /// Files only: the data is older than the source (README, "Stale
  /// coverage"), so its lines may not be these lines; a coverage gate
  /// counts none covered.
  bool stale = false;
};

Coverage& operator+=(Coverage& a, const Coverage& b);

/// Another file that keeps changing in the same commits (code-maat's
/// coupling: shared revisions over the pair's average revisions).
struct Coupling {
  std::string path;
  int64_t shared = 0;
  double degree = 0;
};

/// Git history of one file inside the --since window (renames followed).
struct History {
  int64_t commits = 0, fix_commits = 0, authors = 0;
  int64_t lines_added = 0, lines_deleted = 0;
  std::string last_change;       ///< UTC date of its newest commit, YYYY-MM-DD
  std::string main_author;       ///< the author of most of its commits
  double main_author_share = 0;  ///< their share of its commits
  double fragmentation = 0;      ///< 1 - sum(share^2) over authors (code-maat)
  std::vector<Coupling> coupled;  ///< strongest first
};

/// Git history of one function: commits whose changed lines, brought
/// forward to today's line numbers, fall inside its extent.
struct FunctionHistory {
  int64_t commits = 0, fix_commits = 0;
  /// The whole function arrived in one commit that removed as many lines
  /// elsewhere: moved code, whose history before the move is not followed.
  bool moved = false;
};

/// One hop of an io-in-loop finding's call chain (docs/callgraph.md): the
/// function called, or the I/O API at the chain's end, and where the call is.
struct ChainHop {
  std::string function;  ///< qualified name of the repo function, or the I/O API as written
  std::string path;      ///< repo-relative file holding the call
  int line = 0;          ///< line of the call in that file
};

/// A fact the AST pass noticed inside a function (silent-catch, io-in-loop...).
struct Finding {
  Finding() = default;
  Finding(std::string kind_, int line_, std::string detail_,
          std::vector<std::string> path_calls_ = {}, std::string failed_call_ = {})
      : kind(std::move(kind_)),
        line(line_),
        detail(std::move(detail_)),
        path_calls(std::move(path_calls_)),
        failed_call(std::move(failed_call_)) {}
  std::string kind;
  int line = 0;
  std::string detail;
  /// unlogged-error-path: USRs of the repo functions called on the path (its
  /// branches and conditions), so log-API inference can drop the finding
  /// when one turns out to log (not in report.json).
  std::vector<std::string> path_calls;
  /// unlogged-error-path: USR of the repo function whose failure the path
  /// follows; a callee that logs reports its own failure (not in report.json).
  std::string failed_call;
  /// io-in-loop through calls: the loop's call of a repo function first,
  /// then each call down to the I/O API, which is last. Empty for an I/O
  /// call written in the loop itself.
  std::vector<ChainHop> chain = {};
};

/// Where a profile (--profile) says time goes: samples in which the
/// function (or file) is the leaf frame, and samples in which it is on the
/// stack at all (counted once per stack, however deep the recursion).
/// Shares are of all the profile's samples.
struct ProfileShare {
  uint64_t self_samples = 0, total_samples = 0;
  double self_share = 0, total_share = 0;
  /// Functions only: no sample has it on the stack (inlined, or the stacks
  /// were cut), but a per-element loop of this hot caller (qualified name)
  /// calls it, so total_share is the caller's: an upper bound, not a
  /// measure (docs/callgraph.md). "" when the profile measured it.
  std::string via = {};
  /// Functions only, with a call graph: the hottest chain of measured
  /// callers above it, outermost first, itself last (each step up takes the
  /// caller with the largest total share; at most 6 names).
  std::vector<std::string> path = {};
};

/// A call from a function to another function declared in the repository
/// (not in report.json): what log-API inference and the call graph read.
struct CallSite {
  std::string callee_usr;   ///< clang's USR of the callee (its canonical declaration)
  int line = 0;             ///< line of the call in the caller's file
  bool is_virtual = false;  ///< a virtual member called through a pointer or reference
  /// Inside a counted log call or log macro expansion: never counted again.
  bool in_log = false;
  /// The line of the loop that runs per element (docs/signals.md) whose body
  /// always reaches the call; 0 when the call is not in such a loop.
  int loop_line = 0;
  /// Under a branch, case, catch, loop body or lambda of the function: not
  /// reached on every call of it (a cache miss's query).
  bool conditional = false;
};

/// A call of an I/O API that costs a round trip (a query, a request, an
/// open), written in a function, whether in a loop or not (not in
/// report.json): where "does I/O" starts on the call graph.
struct IoCall {
  std::string api;  ///< the call as written: "PQexec", "stmt.execute"
  int line = 0;
  bool conditional = false;  ///< as CallSite::conditional
};

/// An exit of a function that reports failure to its caller: the edge cases
/// tests most often leave out (issue 13's untested-error-paths).
struct ErrorExit {
  int line = 0;
  /// "return-error", "throw", "abort", or "invariant": a check that the
  /// code believes cannot fail (`assert(false)`, a fatal call saying
  /// "internal error"); no test is meant to reach it.
  std::string kind;
  std::string value;        ///< what it returns, throws or calls, as written (whitespace collapsed)
  int condition_line = 0;   ///< the if/case/loop condition that leads to it; 0: none
  std::string condition;    ///< that condition as written, whitespace collapsed
};

/// Facts about a repo function's declaration that log-API inference needs
/// (not in report.json), keyed by USR in Report::declarations.
struct DeclFacts {
  std::string name;            ///< "Log"
  std::string qualified_name;  ///< "leveldb::Log"
  std::string path;            ///< repo-relative file of its first declaration
  int line = 0;
  bool variadic = false;       ///< C-style "..." (or a parameter pack)
  bool format_param = false;   ///< a const char* parameter named like a format, or a printf attribute
  bool logger_param = false;   ///< a parameter whose type names a logger, sink or stream
  std::string result;          ///< the result type as written: "void", "Status"
  /// A macro (USR "c:@macro@NAME"); its expansions are CallSites too.
  bool is_macro = false;
  /// A macro whose expansion was seen making a known log call.
  bool calls_log = false;
  /// Matched by signals.log_functions or log_macros: known, not inferred.
  bool known_log = false;
};

/// One #include directive of a repository file (not in report.json).
struct IncludeRef {
  int line = 0;
  std::string spelled;  ///< as written between the quotes or angle brackets
  bool angled = false;
  std::string path;     ///< the repo-relative file it resolved to; "" when outside the repo or unresolved
};

/// What a token of the file view is coloured as: libclang's token kinds,
/// punctuation left out (FileFacts::syntax).
enum SyntaxClass : int {
  kSyntaxKeyword = 0,
  kSyntaxLiteral = 1,
  kSyntaxComment = 2,
  kSyntaxIdentifier = 3
};

/// Everything known about one function definition.
struct FunctionFacts {
  std::string name;            ///< as spelled: "parse_header", "operator==", "~Parser"
  std::string qualified_name;  ///< "net::(anonymous namespace)::Parser::parse"
  int line = 0;                ///< line of the function's name
  int end_line = 0;            ///< line of the closing brace
  int cyclomatic = 1;
  int cognitive = 0;
  int params = 0;
  int max_nesting = 0;
  std::optional<Coverage> coverage;
  /// With coverage: executable lines never run, and lines holding a branch
  /// outcome never taken (exception-only branches left out).
  std::vector<int> uncovered_lines;
  std::vector<int> partial_branch_lines;
  std::optional<FunctionHistory> history;
  int log_calls = 0;
  std::vector<Finding> findings;
  /// Production evidence; null when its input was not given.
  std::optional<ProfileShare> profile;  ///< --profile
  std::optional<int64_t> errors;        ///< --errors: reports whose innermost repo frame is here
  std::optional<int64_t> defects;       ///< --findings: static-analysis results inside it
  /// Written by a macro expansion (TEST_F, a generated accessor): line is the
  /// macro's use; never a candidate's target.
  bool from_macro = false;
  /// Why the function is never a target: "defaulted" (= default),
  /// "deleted" (= delete), "empty" (no statement), "accessor" (one
  /// statement returning or setting a member); "" otherwise.
  std::string trivial;
  bool internal_linkage = false;  ///< static, or in an anonymous namespace: no test can call it
  bool is_constexpr = false;
  bool is_template = false;       ///< a function template or a member of a class template
  std::vector<ErrorExit> error_exits;  ///< sorted by line
  std::string usr;                ///< clang's USR (not in report.json)
  std::vector<CallSite> calls;    ///< calls of repo functions, by line (not in report.json)
  std::vector<IoCall> io_calls;   ///< round-trip I/O calls written here, by line (not in report.json)
  /// USRs of the virtual methods it overrides, one level up (not in report.json).
  std::vector<std::string> overrides;
  /// Distinct repo functions that call it and that it calls, on the call
  /// graph (docs/callgraph.md); null in quick mode, which sees no calls.
  std::optional<int> callers, callees;
};

/// The roles a file can have. Only production code is a target unless the
/// config's rules.roles widens that (docs/roles.md).
inline constexpr const char* kRoles[] = {"production", "test",      "test-support", "benchmark",
                                         "example",    "generated", "vendored"};

/// Everything known about one repository file.
struct FileFacts {
  std::string path;    ///< relative to the repo root, '/' separated
  std::string module;
  bool is_test = false;  ///< role == "test", kept for report.json compatibility
  std::string role = "production";  ///< one of kRoles
  std::string role_rule = "default";  ///< what decided the role: "path: bench/", "banner: @generated"...
  /// With a compile database: whether an entry compiles it or a compiled TU
  /// includes it; null without a database.
  std::optional<bool> built;
  bool parse_errors = false;  ///< the TU that analysed it had errors: its metrics may be low
  int code_lines = 0;
  std::optional<Coverage> coverage;
  std::optional<History> history;
  std::vector<std::string> owners;  ///< from CODEOWNERS
  int log_calls = 0;
  std::optional<ProfileShare> profile;
  std::optional<int64_t> errors;
  std::optional<int64_t> defects;
  std::vector<FunctionFacts> functions;  ///< sorted by line
  /// For the HTML file view only (not in report.json): executable line ->
  /// hits, and the file's text as read at scan time.
  std::map<int, int64_t> line_hits;
  /// Branch outcomes per line, (total, covered), exception-only ones left
  /// out: for patch branch coverage (not in report.json).
  std::map<int, std::pair<int, int>> line_branches;
  /// The same outcomes' counts, per line in the data's order, for the
  /// file view's "2 of 4 taken" (not in report.json).
  std::map<int, std::vector<int64_t>> line_branch_counts;
  std::string source;
  /// The file's tokens for the file view's colours (not in report.json):
  /// (byte offset, byte length, SyntaxClass) triples, by offset; empty in
  /// quick mode and for files no TU analysed.
  std::vector<int> syntax;
  std::vector<IncludeRef> includes;  ///< its #include directives, by line (not in report.json)
};

/// A module (by default: a directory) rolled up from its files.
struct ModuleFacts {
  std::string name;
  int files = 0;
  int code_lines = 0;
  std::optional<Coverage> coverage;
  int log_calls = 0;
  std::vector<std::string> owners;  ///< every owner of one of its files
  int score = 0;  ///< highest candidate score inside the module, 0..100
  /// Patch mode (--diff-base) only: whether a changed file is in it. Its
  /// score stays the whole module's, as without --diff-base.
  std::optional<bool> in_patch;
  /// Its files' history as one: distinct commits, fix commits and authors
  /// over the union of its files' commits (never a sum of theirs); lines
  /// summed; coupled empty. Null without history.
  std::optional<History> history;
};

/// Where a candidate task points.
struct Target {
  std::string module;
  std::optional<std::string> file;
  std::optional<std::string> function;
  std::optional<int> line;
};

/// One ranked task: what to do, where, why, and how big it is.
struct Candidate {
  std::string id;    ///< stable across runs: hash of rule, file and function
  int rank = 0;
  std::string rule;  ///< the rule that produced it, e.g. "complex-function"
  std::string kind;  ///< "add-tests", "refactor", ...
  int score = 0;     ///< 0..100, comparable across kinds
  Target target;
  std::string title;
  std::vector<std::string> why;
  std::string first_step;
  std::string effort;  ///< "S", "M" or "L"
  bool newcomer_friendly = false;
  /// Lines of target.file the task is about (uncovered lines, missed
  /// branches, findings), for views that mark them; not in report.json.
  std::vector<int> lines;
  std::optional<std::string> status;  ///< with --baseline only
  /// The function the first step starts with (qualified name): the one the
  /// ticket's test skeleton targets. For a function task, the target itself.
  std::optional<std::string> focus;
  /// The score before rounding (not in report.json): ranks tasks whose
  /// rounded scores tie.
  double exact_score = 0;
};

/// A rule as reports describe it (SARIF's rule list, the HTML legend).
struct RuleSummary {
  std::string id;
  std::string kind;
  std::string description;  ///< what it finds (the registry's description)
  std::string short_description = {};  ///< one line (rules/rule_help.cpp)
  std::string why = {};                ///< why it matters
  std::string how = {};                ///< how to act on a task
  std::vector<std::string> tags = {};  ///< the kind first, then the rule's topics
  /// The rule finds a risk (breakage, silent failure, slowness) rather than
  /// suggesting an improvement: its high-scoring tasks are SARIF warnings.
  bool risk = false;
};

/// A function or macro of the repository counted as logging because of its
/// name and shape (docs/signals.md), so users can confirm it.
struct InferredLogApi {
  std::string name;    ///< qualified name of the function, or the macro's name
  std::string kind;    ///< "function" or "macro"
  std::string path;    ///< where it is defined (repo-relative)
  int line = 0;
  std::string reason;  ///< "variadic with a format parameter", "wraps spdlog::info"...
  int64_t calls = 0;   ///< call sites counted as log calls
};

/// The history window the scan used (report.history.window).
struct HistoryWindow {
  int since_days = 0;         ///< --since as given; 0: all history (--since all)
  std::string since_date;     ///< YYYY-MM-DD: the oldest commit date counted
  int64_t commits = 0;        ///< commits counted, after the exclusions below
  bool widened = false;       ///< fewer than history.min_commits: widened to the newest ones
  int64_t mass_changes = 0;   ///< commits left out as mass changes (history.max_changeset_files)
  int64_t ignored_revs = 0;   ///< commits left out by .git-blame-ignore-revs
};

/// A folder the project's tests write include paths from, learned from
/// their #include lines: "db/version_edit.h" for db/version_edit.h is the
/// repo root, "net/http.h" for src/net/http.h is src.
struct IncludeRoot {
  std::string dir;        ///< repo-relative folder, "" the repo root; unused when relative
  bool relative = false;  ///< relative to the including test file's own folder
  bool angled = false;    ///< written <...> rather than "..."
  int uses = 0;           ///< test-file includes resolved this way
  bool on_include_path = false;  ///< include_dirs holds dir (always true when relative)
  std::string example;    ///< "db/version_edit_test.cc:5 includes \"db/version_edit.h\""
};

/// The test framework the project's tests use, for the skeletons stepup
/// writes (issue 13), and how its tests include the code they test.
struct TestFramework {
  std::string name;      ///< "googletest", "catch2-v3", "catch2-v2", "doctest", "boost-test"; "" none found
  std::string header;    ///< the include a new test starts with: "gtest/gtest.h"
  std::string evidence;  ///< "tests/db_test.cc:3 includes <gtest/gtest.h>", or why it is a default
  bool assumed = false;       ///< no test uses a known framework: name is stepup's default
  bool header_angled = true;  ///< the tests write <gtest/gtest.h>, not "gtest/gtest.h"
  std::vector<IncludeRoot> include_roots = {};  ///< most used first
  std::string include_tu = {};  ///< the test file whose compile command gave include_dirs; "" none
  /// That command's -I/-iquote/-isystem folders inside the repo, repo-relative ("" the root).
  std::vector<std::string> include_dirs = {};
};

/// Which signals the scan had; rules and reports say what was missing.
struct SignalsPresent {
  bool coverage = false;
  bool history = false;
  bool function_history = false;
  bool profile = false;
  bool errors = false;
  bool findings = false;
  /// "semantic" (libclang) or "quick" (tree-sitter, no types: no log calls,
  /// findings, error exits or call sites; docs/quick.md).
  std::string parse = "semantic";
};

/// The headline figures. files, functions, code_lines and line_coverage are
/// production code's; the all_code_* figures count every file.
struct Summary {
  int files = 0;
  int functions = 0;
  int code_lines = 0;
  std::optional<double> line_coverage;
  int candidates = 0;
  int all_code_files = 0;
  int all_code_lines = 0;
  std::optional<double> all_code_line_coverage;
  std::map<std::string, int> files_by_role;  ///< role -> files
};

/// One --fail-on expression and what it measured.
struct GateCheck {
  std::string expression;           ///< as given: "max-score>=70"
  std::optional<double> measured;   ///< null: nothing to measure (no coverage...)
  bool failed = false;
  std::string message;              ///< "max score 80 >= 70"
  /// Ids of the candidates that make a failed max-score or new-candidates
  /// check fail (SARIF errors, Code Quality blockers); not in report.json.
  std::vector<std::string> candidates = {};
};

/// One changed file's patch coverage, for the PR comment (not in
/// report.json): its changed executable lines and those no test ran.
struct PatchFileCoverage {
  std::string path;
  int64_t executable_lines = 0;
  int64_t lines_covered = 0;
  std::vector<int> uncovered;  ///< changed executable lines no test ran, ascending
  bool stale = false;          ///< coverage older than the source: every code line counts
};

/// Patch mode (--diff-base): the changed lines and their coverage.
struct PatchSummary {
  std::string base;  ///< the revision given
  int files_changed = 0;             ///< scanned files with changed lines
  int64_t lines_changed = 0;         ///< added or modified lines in them
  int64_t executable_lines = 0;      ///< of those, lines the coverage data knows
  int64_t lines_covered = 0;
  int64_t branches_total = 0, branches_covered = 0;  ///< on changed lines
  std::optional<double> line_coverage;    ///< null when no executable line changed
  std::optional<double> branch_coverage;  ///< null when no branch is on a changed line
  /// Changed files the coverage data does not mention at all.
  std::vector<std::string> files_without_coverage;
  /// Changed files whose coverage is stale: their changed code lines count
  /// as executable and uncovered.
  std::vector<std::string> stale_files;
  /// Changed lines per file, for the HTML view (not in report.json).
  std::map<std::string, std::vector<int>> changed;
  /// Per changed file with coverage data, by path (not in report.json).
  std::vector<PatchFileCoverage> file_coverage;
};

/// Where the scanned commit's code can be read on its host (report.links,
/// docs/report-format.md): URL templates, http(s) only, without credentials.
struct Links {
  std::string host;    ///< github, gitlab, bitbucket, gitea, or custom (templates only)
  std::string from;    ///< "remote NAME" or "config"
  std::string remote;  ///< the repository's web address; "" when only templates gave links
  std::string commit;  ///< the scanned commit (40 or 64 hex digits)
  /// {path} (segments percent-encoded) and {line}; the commit already in.
  std::string file_url;
  std::string commit_url;  ///< {sha}; "" when none could be made
};

/// What the HTML file view carries of the source (--html-source): the text
/// (embed), a link to it on the host (link), or neither (none).
enum class HtmlSource { kEmbed, kLink, kNone };

/// The whole result of a scan; every writer in reports/ is a view of it.
struct Report {
  std::string tool_version;
  std::string repo_root;              ///< absolute path of REPO
  std::optional<std::string> commit;  ///< HEAD sha when REPO is a git checkout
  /// The commit's committer date, UTC ISO 8601; null when git cannot say.
  std::optional<std::string> commit_date;
  /// When the scan ran, UTC ISO 8601 (the HTML only, so report.json stays
  /// a function of its inputs); "" when not set.
  std::string scanned_at;
  Summary summary;
  std::vector<ModuleFacts> modules;   ///< sorted by name
  std::vector<FileFacts> files;       ///< sorted by path
  std::vector<Candidate> candidates;  ///< sorted by rank
  std::optional<std::vector<std::string>> resolved;
  std::vector<Diagnostic> diagnostics;
  SignalsPresent signals;
  std::vector<GateCheck> gate;          ///< with --fail-on only
  std::optional<PatchSummary> patch;    ///< with --diff-base only
  std::vector<RuleSummary> rules;  ///< every rule that ran
  int top = 10;  ///< how many candidates the text and Markdown summaries show
  std::vector<InferredLogApi> log_apis;         ///< report.signals.log_apis
  std::optional<HistoryWindow> history_window;  ///< report.history.window; null without history
  std::optional<TestFramework> test_framework;  ///< report.tests.framework
  /// Roles whose files rules may target (config rules.roles); production by default.
  std::vector<std::string> target_roles = {"production"};
  /// Repo function declarations by USR, for log-API inference and the call
  /// graph (not in report.json).
  std::map<std::string, DeclFacts> declarations;
  std::optional<Links> links;  ///< report.links; null when none could be made
  /// Why there are no links, for the console (not in report.json).
  std::string links_missing;
  HtmlSource html_source = HtmlSource::kEmbed;  ///< --html-source (not in report.json)
  std::optional<TrendSeries> trend;  ///< report.trend; with --history-db only
  /// The repository's call graph (callgraph.json, docs/callgraph.md); null
  /// in quick mode, which sees no calls.
  std::optional<CallGraph> call_graph;
};

}  // namespace stepup
