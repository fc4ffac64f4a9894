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
  TuVisitor(ScanShared& shared, CXTranslationUnit tu, int tu_id, const ParseTask& task)
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
  TuFiles files_;
  std::unordered_map<CXFile, FileTokens> tokens_;
  TuFindings found_;
  CalleeCache callees_;  // declarations are only unique inside this TU
};

}  // namespace

void visit_tu(ScanShared& shared, CXTranslationUnit tu, int group, const ParseTask& task) {
  TuVisitor visitor(shared, tu, group, task);
  visitor.run();
  shared.add_declarations(visitor.declarations());  // [signals]
}

}  // namespace stepup
