#include "scanner/parse/tu_visitor.h"

#include <algorithm>

#include "scanner/parse/clang_util.h"
#include "scanner/parse/function_traits.h"
#include "scanner/parse/metrics.h"
#include "scanner/parse/tu_files.h"

namespace stepup {

// "unknown argument: '-fgcc-only'": a flag dropped before a second parse.
bool is_unknown_argument(CXDiagnostic d) {
  const std::string kUnknown = "unknown argument: '";
  std::string msg = take_string(clang_getDiagnosticSpelling(d));
  return msg.size() > kUnknown.size() && msg.compare(0, kUnknown.size(), kUnknown) == 0 &&
         msg.back() == '\'';
}

namespace {

// Per-TU state: which CXFile is which repo file, and their tokens.
class TuVisitor {
 public:
  TuVisitor(ScanShared& shared, CXTranslationUnit tu, int tu_id, const ParseTask& task,
            TuFacts& facts)
      : s_(shared),
        tu_(tu),
        task_(task),
        facts_(facts),
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
    for (int i : files_.read_inclusions()) facts_.included.push_back((*s_.in.files)[i].path);
    std::sort(facts_.included.begin(), facts_.included.end());
    facts_.included.erase(std::unique(facts_.included.begin(), facts_.included.end()),
                          facts_.included.end());
    visit_decls(clang_getTranslationUnitCursor(tu_));
    record_includes();
    record_syntax();
    record_errors();
    std::vector<std::string> read = files_.read_files();
    std::sort(read.begin(), read.end());
    read.erase(std::unique(read.begin(), read.end()), read.end());
    for (auto& path : read) facts_.deps.emplace_back(std::move(path), std::string());
    for (const auto& [index, slot] : slot_of_) {
      facts_.files.push_back(std::move(slots_[slot]));
    }
    std::sort(facts_.files.begin(), facts_.files.end(),
              [](const TuFileFacts& a, const TuFileFacts& b) { return a.path < b.path; });
    facts_.probes = files_.probes();
    facts_.probes.insert(facts_.probes.end(), scanned_probes_.begin(), scanned_probes_.end());
    std::sort(facts_.probes.begin(), facts_.probes.end());
    facts_.probes.erase(std::unique(facts_.probes.begin(), facts_.probes.end()),
                        facts_.probes.end());
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
    clang_getExpansionLocation(clang_getRangeEnd(clang_getCursorExtent(fn)), nullptr, &end_line,
                               nullptr, nullptr);
    f.end_line = std::max(f.line, static_cast<int>(end_line));
    f.params = params;
    FunctionTraits traits = function_traits(fn, tokens, special);
    f.from_macro = traits.from_macro;
    f.trivial = std::move(traits.trivial);
    f.internal_linkage = traits.internal_linkage;
    f.is_constexpr = traits.is_constexpr;
    f.is_template = traits.is_template;
    if (has_body) measure(fn, tokens, f);
    slot(index).functions.push_back(std::move(f));
  }

  // This TU's facts about one file it analyses.
  TuFileFacts& slot(int index) {
    auto [it, fresh] = slot_of_.emplace(index, slots_.size());
    if (fresh) {
      slots_.emplace_back();
      slots_.back().path = (*s_.in.files)[index].path;
    }
    return slots_[it->second];
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
      f.io_calls = std::move(rs.io_calls);
      if (s_.signals->call_graph) f.overrides = overridden(fn);
    }
  }

  // The USRs of the virtual methods fn overrides, as calls of them record
  // their callee (the call graph follows a virtual call to its overrides).
  std::vector<std::string> overridden(CXCursor fn) {
    std::vector<std::string> out;
    if (clang_getCursorKind(fn) != CXCursor_CXXMethod || !clang_CXXMethod_isVirtual(fn)) return out;
    CXCursor* over = nullptr;
    unsigned n = 0;
    clang_getOverriddenCursors(fn, &over, &n);
    for (unsigned i = 0; i < n; ++i) {
      std::string usr = callees_.repo.record_function(over[i], false);
      if (!usr.empty()) out.push_back(std::move(usr));
    }
    clang_disposeOverriddenCursors(over);
    return out;
  }

  // The #include directives of each file this TU analyses (includes.h).
  void record_includes() {
    std::vector<std::string> dirs = include_dirs_of(task_.args);
    auto scanned = [&](const std::string& abs) {
      auto it = s_.index_of.find(abs);
      std::string rel = it == s_.index_of.end() ? std::string() : (*s_.in.files)[it->second].path;
      scanned_probes_.emplace_back("x" + abs, rel);
      return rel;
    };
    for (const auto& [file, index] : files_.analysed()) {
      size_t size = 0;
      const char* data = clang_getFileContents(tu_, file, &size);
      if (!data) continue;
      CXFile includer = file;
      auto entered = [&](int line) { return files_.entered(includer, line); };
      const std::string& path = (*s_.in.files)[index].path;
      std::string dir = s_.in.root + "/" + path.substr(0, path.rfind('/') + 1);
      slot(index).includes =
          include_refs(std::string_view(data, size), entered, dir, dirs, scanned);
    }
  }

  // The token classes of each file this TU analyses, for the file view's
  // colours: the TU's own lexing, no second parse.
  void record_syntax() {
    for (const auto& [file, index] : files_.analysed())
      slot(index).syntax = tokens_of(file).syntax();
  }

  // Where the TU's errors are: the repo file of each ("" elsewhere: a
  // system or outside header, the command line). Joining decides which
  // file each makes unreliable, once the owners are known (tu_join.h).
  void record_errors() {
    for (const auto& [file, index] : files_.analysed()) slot(index);  // every claimed file
    unsigned n = clang_getNumDiagnostics(tu_);
    for (unsigned i = 0; i < n; ++i) {
      CXDiagnostic d = clang_getDiagnostic(tu_, i);
      if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error && !is_unknown_argument(d)) {
        CXFile file = nullptr;
        clang_getExpansionLocation(clang_getDiagnosticLocation(d), &file, nullptr, nullptr,
                                   nullptr);
        facts_.error_paths.push_back(file ? files_.repo_path(file) : std::string());
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
      } else if (k == CXCursor_ClassDecl || k == CXCursor_StructDecl || k == CXCursor_UnionDecl ||
                 k == CXCursor_ClassTemplate || k == CXCursor_ClassTemplatePartialSpecialization) {
        part = take_string(clang_getCursorSpelling(p));
        if (part.empty() || clang_Cursor_isAnonymous(p)) {
          part = k == CXCursor_UnionDecl   ? "(anonymous union)"
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

  ScanShared& s_;
  CXTranslationUnit tu_;
  const ParseTask& task_;
  TuFacts& facts_;
  TuFiles files_;
  std::unordered_map<CXFile, FileTokens> tokens_;
  std::map<int, size_t> slot_of_;  // file index -> slots_
  std::vector<TuFileFacts> slots_;
  std::vector<std::pair<std::string, std::string>> scanned_probes_;
  CalleeCache callees_;  // declarations are only unique inside this TU
};

}  // namespace

void visit_tu(ScanShared& shared, CXTranslationUnit tu, int group, const ParseTask& task,
              TuFacts& facts) {
  TuVisitor visitor(shared, tu, group, task, facts);
  visitor.run();
  facts.declarations = std::move(visitor.declarations());  // [signals]
}

}  // namespace stepup
