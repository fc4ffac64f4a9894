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

namespace stepup {

/// The schema of report.json (CONTRACT.md); readers accept only this one.
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

/// A fact the AST pass noticed inside a function (silent-catch, io-in-loop...).
struct Finding {
  std::string kind;
  int line = 0;
  std::string detail;
};

/// Where a profile (--profile) says time goes: samples in which the
/// function (or file) is the leaf frame, and samples in which it is on the
/// stack at all (counted once per stack, however deep the recursion).
/// Shares are of all the profile's samples.
struct ProfileShare {
  uint64_t self_samples = 0, total_samples = 0;
  double self_share = 0, total_share = 0;
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
};

/// Everything known about one repository file.
struct FileFacts {
  std::string path;    ///< relative to the repo root, '/' separated
  std::string module;
  bool is_test = false;
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
  std::string source;
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
};

/// A rule as reports describe it (SARIF's rule list, the HTML legend).
struct RuleSummary {
  std::string id;
  std::string kind;
  std::string description;
};

/// Which signals the scan had; rules and reports say what was missing.
struct SignalsPresent {
  bool coverage = false;
  bool history = false;
  bool function_history = false;
  bool profile = false;
  bool errors = false;
  bool findings = false;
};

struct Summary {
  int files = 0;
  int functions = 0;
  int code_lines = 0;
  std::optional<double> line_coverage;
  int candidates = 0;
};

/// One --fail-on expression and what it measured.
struct GateCheck {
  std::string expression;           ///< as given: "max-score>=70"
  std::optional<double> measured;   ///< null: nothing to measure (no coverage...)
  bool failed = false;
  std::string message;              ///< "max score 80 >= 70"
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
  /// Changed lines per file, for the HTML view (not in report.json).
  std::map<std::string, std::vector<int>> changed;
};

/// The whole result of a scan; every writer in reports/ is a view of it.
struct Report {
  std::string tool_version;
  std::string repo_root;              ///< absolute path of REPO
  std::optional<std::string> commit;  ///< HEAD sha when REPO is a git checkout
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
};

}  // namespace stepup
