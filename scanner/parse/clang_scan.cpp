#include "scanner/parse/clang_scan.h"

#include <clang-c/Index.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "scanner/parse/clang_util.h"
#include "scanner/parse/function_traits.h"
#include "scanner/parse/includes.h"
#include "scanner/parse/metrics.h"
#include "scanner/parse/scan_notes.h"
#include "scanner/parse/tu_files.h"
#include "scanner/common/path_match.h"
#include "scanner/parse/risk_signals.h"

namespace stepup {
namespace {

/// One translation unit to parse.
struct Task {
  std::string main_file;  ///< absolute
  std::string directory;
  std::vector<std::string> args;  ///< argv[0] first
  bool standalone = false;  ///< a file the database does not list
  bool compiled = false;    ///< a database entry: what it includes is built
  /// Claims are taken per group: the configurations of one source file
  /// (compile_db's variants) form one group and all analyse its files.
  int group = 0;
};

/// What one TU learned about repo files (indexes into input.files); merged
/// into the output under a lock, so workers never write shared bits.
struct TuFindings {
  std::vector<int> analysed, built, errors;
  std::vector<std::pair<int, std::vector<IncludeRef>>> includes;
};

/// Which TU group analyses which repo file: the first to see it.
class Claims {
 public:
  explicit Claims(size_t n) : owner_(n, -1) {}
  bool claim(int file, int tu) {
    std::lock_guard<std::mutex> lock(mu_);
    if (owner_[file] == -1) owner_[file] = tu;
    return owner_[file] == tu;
  }
  bool claimed(int file) {
    std::lock_guard<std::mutex> lock(mu_);
    return owner_[file] != -1;
  }

 private:
  std::mutex mu_;
  std::vector<int> owner_;
};

struct Shared {
  const ClangScanInput& in;
  std::unordered_map<std::string, int> index_of;  ///< absolute path -> file
  Claims claims;
  std::mutex diag_mu;  ///< guards diagnostics, and out: the TUs of one group add to one file
  std::vector<Diagnostic> diagnostics;
  ClangScanOutput* out;
  std::atomic<int> done{0};
  int total = 0;
  const SignalMatcher* signals = nullptr;  ///< compiled once per scan; null: skip the walk

  void add(Diagnostic d) {
    std::lock_guard<std::mutex> lock(diag_mu);
    diagnostics.push_back(std::move(d));
  }

  void merge(TuFindings& f) {
    std::lock_guard<std::mutex> lock(diag_mu);
    for (int i : f.analysed) out->analysed[i] = true;
    for (int i : f.built) out->built[i] = true;
    for (int i : f.errors) out->parse_errors[i] = true;
    for (auto& [i, refs] : f.includes) out->includes[i] = std::move(refs);
  }

  /// [signals] One TU's repo declarations into the output; of two TUs'
  /// facts for one USR the one declared first (path, line) wins.
  void add_declarations(std::map<std::string, DeclFacts>& decls) {
    std::lock_guard<std::mutex> lock(diag_mu);
    for (auto& [usr, d] : decls) {
      auto [it, fresh] = out->declarations.emplace(usr, d);
      if (fresh) continue;
      DeclFacts& have = it->second;
      bool calls_log = have.calls_log || d.calls_log, known = have.known_log || d.known_log;
      if (std::tie(d.path, d.line) < std::tie(have.path, have.line)) have = d;
      have.calls_log = calls_log;
      have.known_log = known;
    }
  }
};

// "unknown argument: '-fgcc-only'": a flag dropped before a second parse.
bool is_unknown_argument(CXDiagnostic d) {
  const std::string kUnknown = "unknown argument: '";
  std::string msg = take_string(clang_getDiagnosticSpelling(d));
  return msg.size() > kUnknown.size() && msg.compare(0, kUnknown.size(), kUnknown) == 0 &&
         msg.back() == '\'';
}

// Per-TU state: which CXFile is which repo file, and their tokens.
class TuVisitor {
 public:
  TuVisitor(Shared& shared, CXTranslationUnit tu, int tu_id, const Task& task)
      : s_(shared),
        tu_(tu),
        task_(task),
        files_(tu, task.directory, shared.in.root, *shared.in.files, shared.index_of,
               [&shared, tu_id](int i) { return shared.claims.claim(i, tu_id); }) {
    // [signals] repo facts (call sites, declarations) for the risk-signal walk.
    if (s_.signals) {
      callees_.repo = RepoFacts(tu_, [this](CXFile f) { return files_.repo_path(f); });
    }
  }

  /// [signals] The repo declarations this TU met, by USR.
  std::map<std::string, DeclFacts>& declarations() { return callees_.repo.declarations; }

  void run() {
    // Claim every repo file this TU includes before visiting, so a header
    // that only declares things is not parsed again on its own later.
    std::vector<int> included = files_.read_inclusions();
    if (task_.compiled) found_.built = std::move(included);
    visit_decls(clang_getTranslationUnitCursor(tu_));
    record_includes();
    record_errors();
    s_.merge(found_);
  }

 private:
  static constexpr int kNotMine = -1;

  // -1 when the file is not ours to analyse in this TU.
  int file_index(CXFile file) { return files_.mine(file); }

  void visit_decls(CXCursor parent) {
    for (CXCursor c : children_of(parent)) {
      CXSourceLocation loc = clang_getCursorLocation(c);
      if (clang_Location_isInSystemHeader(loc)) continue;
      switch (clang_getCursorKind(c)) {
        case CXCursor_Namespace:
        case CXCursor_LinkageSpec:
        case CXCursor_UnexposedDecl:
          // Namespaces may span files (an #include inside one): always walk.
          visit_decls(c);
          break;
        case CXCursor_ClassDecl:
        case CXCursor_StructDecl:
        case CXCursor_UnionDecl:
        case CXCursor_ClassTemplate:
        case CXCursor_ClassTemplatePartialSpecialization:
        case CXCursor_FriendDecl:
          if (owned_file(loc) != kNotMine) visit_decls(c);
          break;
        case CXCursor_FunctionDecl:
        case CXCursor_CXXMethod:
        case CXCursor_Constructor:
        case CXCursor_Destructor:
        case CXCursor_ConversionFunction:
        case CXCursor_FunctionTemplate:
          visit_function(c, loc);
          break;
        default:
          break;
      }
    }
  }

  int owned_file(CXSourceLocation loc) {
    CXFile file = nullptr;
    clang_getExpansionLocation(loc, &file, nullptr, nullptr, nullptr);
    return file ? file_index(file) : kNotMine;
  }

  const FileTokens& tokens_of(CXFile file) {
    auto tok = tokens_.find(file);
    if (tok == tokens_.end()) tok = tokens_.emplace(file, FileTokens(tu_, file)).first;
    return tok->second;
  }

  void visit_function(CXCursor fn, CXSourceLocation loc) {
    CXFile file = nullptr;
    unsigned line = 0;
    clang_getExpansionLocation(loc, &file, &line, nullptr, nullptr);
    if (!file) return;
    int index = file_index(file);
    if (index == kNotMine) return;

    bool has_body = false;
    int params = 0;
    for (CXCursor kid : children_of(fn)) {
      CXCursorKind k = clang_getCursorKind(kid);
      if (k == CXCursor_CompoundStmt || k == CXCursor_CXXTryStmt) has_body = true;
      if (k == CXCursor_ParmDecl) ++params;
    }
    const FileTokens& tokens = tokens_of(file);
    // libclang calls only the out-of-line = default definitions
    // definitions (and may give them the body clang wrote for them). Those
    // a macro writes (gtest's TEST writes six per test) are nobody's code.
    std::string special = defaulted_or_deleted(fn, tokens);
    if (!special.empty()) {
      if (is_macro_location(loc)) return;
      has_body = false;
    } else if (!has_body || !clang_isCursorDefinition(fn)) {
      return;
    }

    FunctionFacts f;
    f.name = take_string(clang_getCursorSpelling(fn));
    f.qualified_name = qualified_name(fn, f.name);
    f.line = static_cast<int>(line);
    unsigned end_line = 0;
    clang_getExpansionLocation(clang_getRangeEnd(clang_getCursorExtent(fn)),
                               nullptr, &end_line, nullptr, nullptr);
    f.end_line = std::max(f.line, static_cast<int>(end_line));
    f.params = params;
    FunctionTraits traits = function_traits(fn, tokens, special);
    f.from_macro = traits.from_macro;
    f.trivial = std::move(traits.trivial);
    f.internal_linkage = traits.internal_linkage;
    f.is_constexpr = traits.is_constexpr;
    f.is_template = traits.is_template;
    if (has_body) measure(fn, tokens, f);
    {
      // The configurations of one file (a task group) all add to its slot.
      std::lock_guard<std::mutex> lock(s_.diag_mu);
      s_.out->functions[index].push_back(std::move(f));
    }
    found_.analysed.push_back(index);
  }

  void measure(CXCursor fn, const FileTokens& tokens, FunctionFacts& f) {
    Complexity cx = measure_complexity(fn, tokens);
    f.cyclomatic = cx.cyclomatic;
    f.cognitive = cx.cognitive;
    f.max_nesting = cx.max_nesting;
    if (s_.signals) {
      RiskSignals rs = scan_risk_signals(fn, tokens, *s_.signals, &callees_);
      f.log_calls = rs.log_calls;
      f.findings = std::move(rs.findings);
      // [signals] error exits, USR and repo call sites from the same walk.
      f.error_exits = std::move(rs.error_exits);
      f.usr = std::move(rs.usr);
      f.calls = std::move(rs.calls);
    }
  }

  // The #include directives of each file this TU analyses (includes.h).
  void record_includes() {
    std::vector<std::string> dirs = include_dirs_of(task_.args);
    auto scanned = [&](const std::string& abs) {
      auto it = s_.index_of.find(abs);
      return it == s_.index_of.end() ? std::string() : (*s_.in.files)[it->second].path;
    };
    for (const auto& [file, index] : files_.analysed()) {
      size_t size = 0;
      const char* data = clang_getFileContents(tu_, file, &size);
      if (!data) continue;
      CXFile includer = file;
      auto entered = [&](int line) { return files_.entered(includer, line); };
      const std::string& path = (*s_.in.files)[index].path;
      std::string dir = s_.in.root + "/" + path.substr(0, path.rfind('/') + 1);
      found_.includes.emplace_back(
          index, include_refs(std::string_view(data, size), entered, dir, dirs, scanned));
    }
  }

  // Which analysed files the TU's errors make unreliable: the file an
  // error is in, when this TU analyses it; the main file for an error
  // anywhere else (a system or outside header, a header another TU
  // analyses, the command line), since what it declares may be missing.
  void record_errors() {
    CXFile main = clang_getFile(tu_, task_.main_file.c_str());
    int main_index = main ? file_index(main) : kNotMine;
    unsigned n = clang_getNumDiagnostics(tu_);
    for (unsigned i = 0; i < n; ++i) {
      CXDiagnostic d = clang_getDiagnostic(tu_, i);
      if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error && !is_unknown_argument(d)) {
        CXFile file = nullptr;
        clang_getExpansionLocation(clang_getDiagnosticLocation(d), &file, nullptr, nullptr,
                                   nullptr);
        int index = file ? file_index(file) : kNotMine;
        if (index == kNotMine) index = main_index;
        if (index != kNotMine) found_.errors.push_back(index);
      }
      clang_disposeDiagnostic(d);
    }
  }

  static std::string qualified_name(CXCursor fn, const std::string& name) {
    std::string q = name;
    for (CXCursor p = clang_getCursorSemanticParent(fn);
         !clang_Cursor_isNull(p) && !clang_isTranslationUnit(clang_getCursorKind(p));
         p = clang_getCursorSemanticParent(p)) {
      CXCursorKind k = clang_getCursorKind(p);
      std::string part;
      if (k == CXCursor_Namespace) {
        part = take_string(clang_getCursorSpelling(p));
        if (part.empty()) part = "(anonymous namespace)";
      } else if (k == CXCursor_ClassDecl || k == CXCursor_StructDecl ||
                 k == CXCursor_UnionDecl || k == CXCursor_ClassTemplate ||
                 k == CXCursor_ClassTemplatePartialSpecialization) {
        part = take_string(clang_getCursorSpelling(p));
        if (part.empty() || clang_Cursor_isAnonymous(p)) {
          part = k == CXCursor_UnionDecl ? "(anonymous union)"
                 : k == CXCursor_ClassDecl ? "(anonymous class)"
                                           : "(anonymous struct)";
        }
      } else {
        continue;  // extern "C" blocks and the like add no name
      }
      q = part + "::" + q;
    }
    return q;
  }

  Shared& s_;
  CXTranslationUnit tu_;
  const Task& task_;
  TuFiles files_;
  std::unordered_map<CXFile, FileTokens> tokens_;
  TuFindings found_;
  CalleeCache callees_;  // declarations are only unique inside this TU
};

std::string relative_for_message(const Shared& s, const std::string& abs) {
  std::string rel = relative_to(s.in.root, abs);
  return rel.empty() ? abs : rel;
}

// The first error of a TU, as "path:line:col: message".
std::string first_error(const Shared& s, CXTranslationUnit tu, int* errors,
                        std::vector<std::string>* unknown_args) {
  std::string first;
  unsigned n = clang_getNumDiagnostics(tu);
  for (unsigned i = 0; i < n; ++i) {
    CXDiagnostic d = clang_getDiagnostic(tu, i);
    CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
    if (sev >= CXDiagnostic_Error) {
      std::string msg = take_string(clang_getDiagnosticSpelling(d));
      if (is_unknown_argument(d)) {
        const size_t skip = std::string("unknown argument: '").size();
        unknown_args->push_back(msg.substr(skip, msg.size() - skip - 1));
      } else {
        ++*errors;
        if (first.empty()) {
          CXFile file = nullptr;
          unsigned line = 0, col = 0;
          clang_getSpellingLocation(clang_getDiagnosticLocation(d), &file, &line,
                                    &col, nullptr);
          if (file) {
            first = relative_for_message(s, take_string(clang_getFileName(file))) +
                    ":" + std::to_string(line) + ":" + std::to_string(col) + ": ";
          }
          first += msg;
        }
      }
    }
    clang_disposeDiagnostic(d);
  }
  return first;
}

CXTranslationUnit parse(CXIndex index, const Task& task,
                        const std::vector<std::string>& args,
                        const std::string& resource_dir, CXErrorCode* err) {
  // No -working-directory: libclang would chdir the whole process, under
  // every worker's feet. sanitize_args made relative paths absolute instead.
  std::vector<std::string> full = args;
  if (!resource_dir.empty()) {
    full.push_back("-resource-dir");
    full.push_back(resource_dir);
  }
  // Warnings are not our business and cost time; spelling fixes on errors too.
  full.push_back("-w");
  full.push_back("-fno-spell-checking");
  std::vector<const char*> argv;
  for (const auto& a : full) argv.push_back(a.c_str());
  CXTranslationUnit tu = nullptr;
  unsigned options = CXTranslationUnit_KeepGoing | CXTranslationUnit_Incomplete |
                     CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
  *err = clang_parseTranslationUnit2FullArgv(
      index, task.main_file.c_str(), argv.data(), static_cast<int>(argv.size()),
      nullptr, 0, options, &tu);
  return tu;
}

void run_task(Shared& s, CXIndex index, const Task& task, int tu_id) {
  std::vector<std::string> args = task.args;
  std::string rel = relative_for_message(s, task.main_file);
  for (int attempt = 0; attempt < 2; ++attempt) {
    CXErrorCode err = CXError_Success;
    CXTranslationUnit tu = parse(index, task, args, s.in.resource_dir, &err);
    if (!tu) {
      s.add({Diagnostic::Level::kWarning, "parse",
             "libclang could not parse this file (error " +
                 std::to_string(static_cast<int>(err)) + ")",
             rel});
      return;
    }
    int errors = 0;
    std::vector<std::string> unknown;
    std::string first = first_error(s, tu, &errors, &unknown);
    if (!unknown.empty() && attempt == 0) {
      // gcc-only flags clang does not know: drop them and parse again.
      std::set<std::string> drop(unknown.begin(), unknown.end());
      args.erase(std::remove_if(args.begin() + 1, args.end(),
                                [&](const std::string& a) { return drop.count(a) > 0; }),
                 args.end());
      clang_disposeTranslationUnit(tu);
      continue;
    }
    TuVisitor visitor(s, tu, tu_id, task);
    visitor.run();
    s.add_declarations(visitor.declarations());  // [signals]
    if (errors > 0) {
      s.add({task.standalone ? Diagnostic::Level::kInfo : Diagnostic::Level::kWarning,
             "parse",
             std::to_string(errors) + " error(s) while parsing" +
                 (task.standalone ? " on its own (no compile command)" : "") +
                 "; metrics may be incomplete. First: " + first,
             rel});
    }
    clang_disposeTranslationUnit(tu);
    return;
  }
}

void run_tasks(Shared& s, const std::vector<Task>& tasks, int first_id, int jobs) {
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    CXIndex index = clang_createIndex(/*excludeDeclarationsFromPCH=*/0,
                                      /*displayDiagnostics=*/0);
    for (size_t i = next++; i < tasks.size(); i = next++) {
      run_task(s, index, tasks[i], first_id + tasks[i].group);
      int done = ++s.done;
      if (s.in.progress) s.in.progress(done, s.total);
    }
    clang_disposeIndex(index);
  };
  int n = std::max(1, std::min<int>(jobs, static_cast<int>(tasks.size())));
  std::vector<std::thread> threads;
  for (int i = 1; i < n; ++i) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
}

std::string compiler_name(const std::vector<std::string>& args) {
  return args.empty() ? "" : std::filesystem::path(args[0]).filename().string();
}

// A file parsed in several configurations (compile_db's variants) met its
// functions once per configuration: each definition site (line and
// qualified name) is kept once, the configuration that saw the most of it
// (the largest cyclomatic, then cognitive, extent, log calls) winning, so the
// result does not depend on which parse finished first.
void merge_configurations(std::vector<FunctionFacts>& fns) {
  std::stable_sort(fns.begin(), fns.end(), [](const FunctionFacts& a, const FunctionFacts& b) {
    return std::tie(a.line, a.qualified_name, b.cyclomatic, b.cognitive, b.end_line, b.log_calls) <
           std::tie(b.line, b.qualified_name, a.cyclomatic, a.cognitive, a.end_line, a.log_calls);
  });
  fns.erase(std::unique(fns.begin(), fns.end(),
                        [](const FunctionFacts& a, const FunctionFacts& b) {
                          return a.line == b.line && a.qualified_name == b.qualified_name;
                        }),
            fns.end());
}

}  // namespace

std::string default_resource_dir() {
  if (const char* env = std::getenv("STEPUP_CLANG_RESOURCE_DIR")) return env;
  return STEPUP_CLANG_RESOURCE_DIR;
}

std::vector<std::string> guessed_args(const std::string& root,
                                      const std::vector<SourceFile>& files,
                                      bool is_c) {
  std::vector<std::string> args = {is_c ? "clang" : "clang++",
                                   is_c ? "-std=c11" : "-std=c++17"};
  // Include-looking folders: every folder named include/inc, the folders
  // that hold headers' top directories (src/, lib/), and the root.
  std::set<std::string> dirs = {root};
  for (const auto& f : files) {
    std::string path = f.path;
    for (size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      std::string dir = path.substr(0, slash);
      std::string base = dir.substr(dir.rfind('/') == std::string::npos
                                        ? 0 : dir.rfind('/') + 1);
      if (base == "include" || base == "inc" || base == "src" || base == "lib") {
        dirs.insert(root + "/" + dir);
      }
    }
  }
  for (const auto& d : dirs) args.push_back("-I" + d);
  return args;
}

ClangScanOutput clang_scan(const ClangScanInput& in) {
  const auto& files = *in.files;
  ClangScanOutput out;
  out.functions.resize(files.size());
  out.analysed.assign(files.size(), false);
  out.parse_errors.assign(files.size(), false);
  out.built.assign(files.size(), in.db ? std::optional<bool>(false) : std::nullopt);
  out.includes.resize(files.size());
  const SignalMatcher signals(in.signals ? *in.signals : default_signal_config());
  Shared s{in, {}, Claims(files.size()), {}, {}, &out, {}, 0,
           in.risk_signals ? &signals : nullptr};
  for (size_t i = 0; i < files.size(); ++i) {
    s.index_of.emplace(in.root + "/" + files[i].path, static_cast<int>(i));
  }
  auto skipped = [&](int i) { return i < static_cast<int>(in.skip.size()) && in.skip[i]; };

  // Phase 1: the database's TUs that are repo sources (or, without one,
  // every source file with guessed flags).
  std::vector<Task> tasks;
  std::vector<bool> is_main(files.size(), false);
  std::unordered_map<std::string, int> groups;  // main file -> its first task
  auto group_of = [&](const std::string& file) {
    return groups.emplace(file, static_cast<int>(tasks.size())).first->second;
  };
  if (in.db) {
    std::map<std::pair<std::string, std::string>, int> implied;  // (compiler, std) -> commands
    int missing = 0;
    for (const auto& cmd : in.db->commands) {
      auto it = s.index_of.find(cmd.file);
      if (it == s.index_of.end()) {
        std::error_code ec;
        if (!std::filesystem::exists(cmd.file, ec)) {
          ++missing;
          s.add({Diagnostic::Level::kWarning, "compile-db",
                 "the compile database lists this file, but it does not exist",
                 relative_for_message(s, cmd.file)});
        }
        continue;  // outside the repo, or excluded
      }
      out.built[it->second] = true;
      if (skipped(it->second)) continue;
      is_main[it->second] = true;
      tasks.push_back({cmd.file, cmd.directory, cmd.args, false, true, group_of(cmd.file)});
      if (!cmd.implied_std.empty()) ++implied[{compiler_name(cmd.args), cmd.implied_std}];
    }
    if (!implied.empty()) s.add(implied_std_note(implied));
  } else {
    std::vector<std::string> cxx = guessed_args(in.root, files, false);
    std::vector<std::string> c = guessed_args(in.root, files, true);
    for (size_t i = 0; i < files.size(); ++i) {
      if (files[i].is_header || skipped(static_cast<int>(i))) continue;
      is_main[i] = true;
      tasks.push_back({in.root + "/" + files[i].path, in.root, files[i].is_c ? c : cxx, true,
                       false, static_cast<int>(tasks.size())});
    }
  }

  // Phase 2 is known only after phase 1: files no TU included.
  s.total = static_cast<int>(tasks.size());
  run_tasks(s, tasks, 0, in.jobs);
  int first_id = static_cast<int>(tasks.size());
  std::vector<Task> leftovers;
  for (size_t i = 0; i < files.size(); ++i) {
    if (skipped(static_cast<int>(i)) || s.claims.claimed(static_cast<int>(i))) continue;
    if (is_main[i]) continue;  // parsed, and holds no function: nothing to do
    std::string abs = in.root + "/" + files[i].path;
    Task t;
    t.main_file = abs;
    t.standalone = true;
    bool as_c = files[i].is_c;
    if (in.db && !in.db->commands.empty()) {
      CompileCommand cmd = interpolate_command(*in.db, abs, files[i].is_c);
      t.directory = cmd.directory;
      t.args = cmd.args;
      as_c = cmd.is_c;  // a header takes the language of its donor
    } else {
      t.directory = in.root;
      t.args = guessed_args(in.root, files, files[i].is_c);
    }
    if (files[i].is_header) {
      t.args.push_back("-x");
      t.args.push_back(as_c ? "c" : "c++");
    }
    t.group = static_cast<int>(leftovers.size());
    leftovers.push_back(std::move(t));
  }
  s.total += static_cast<int>(leftovers.size());
  if (in.db) {
    // After phase 1, the files no command compiles and no compiled TU
    // includes: a Windows-only file on a Linux build, a test left out.
    std::vector<std::string> unbuilt;
    for (size_t i = 0; i < files.size(); ++i) {
      if (!skipped(static_cast<int>(i)) && out.built[i] == false) unbuilt.push_back(files[i].path);
    }
    if (!unbuilt.empty()) s.add(unbuilt_note(unbuilt));
  }
  run_tasks(s, leftovers, first_id, in.jobs);

  out.tus = s.total;
  for (size_t i = 0; i < files.size(); ++i) {
    auto& fns = out.functions[i];
    merge_configurations(fns);
    std::sort(fns.begin(), fns.end(), [](const FunctionFacts& a, const FunctionFacts& b) {
      if (a.line != b.line) return a.line < b.line;
      if (a.end_line != b.end_line) return a.end_line < b.end_line;
      return a.qualified_name < b.qualified_name;
    });
  }
  std::sort(s.diagnostics.begin(), s.diagnostics.end(),
            [](const Diagnostic& a, const Diagnostic& b) {
              if (a.path != b.path) return a.path < b.path;
              return a.message < b.message;
            });
  out.diagnostics = std::move(s.diagnostics);
  return out;
}

}  // namespace stepup
