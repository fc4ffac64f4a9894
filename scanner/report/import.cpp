#include "scanner/report/import.h"

#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "model/errors.h"
#include "scanner/common/input_text.h"

namespace stepup {
namespace {

using Json = nlohmann::json;

/// Typed access to one JSON object, naming the field's path on error.
class Fields {
 public:
  Fields(const Json& j, std::string path, const std::string& name)
      : j_(j), path_(std::move(path)), name_(name) {
    if (!j_.is_object()) fail(path_, "an object");
  }

  const Json& at(const char* key, bool required = true) const {
    static const Json kNull;
    auto it = j_.find(key);
    if (it == j_.end()) {
      if (required) {
        throw InputError(name_ + ": " + path_ + "." + key +
                         " is missing; is this a stepup report?");
      }
      return kNull;
    }
    return *it;
  }
  std::string str(const char* key) const {
    const Json& v = at(key);
    if (!v.is_string()) fail(path_ + "." + key, "a string");
    return v.get<std::string>();
  }
  std::optional<std::string> opt_str(const char* key) const {
    const Json& v = at(key, false);
    if (v.is_null()) return std::nullopt;
    if (!v.is_string()) fail(path_ + "." + key, "a string or null");
    return v.get<std::string>();
  }
  int64_t i64(const char* key, bool required = true) const {
    const Json& v = at(key, required);
    if (v.is_null() && !required) return 0;
    if (!v.is_number_integer()) fail(path_ + "." + key, "a whole number");
    return v.get<int64_t>();
  }
  int i32(const char* key, bool required = true) const {
    int64_t v = i64(key, required);
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
      fail(path_ + "." + key, "a number that fits 32 bits");
    }
    return static_cast<int>(v);
  }
  std::optional<int64_t> opt_i64(const char* key) const {
    const Json& v = at(key, false);
    if (v.is_null()) return std::nullopt;
    return i64(key);
  }
  uint64_t u64(const char* key) const {
    const Json& v = at(key);
    if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<int64_t>() >= 0)) {
      fail(path_ + "." + key, "a whole number >= 0");
    }
    return v.get<uint64_t>();
  }
  double num(const char* key, bool required = true) const {
    const Json& v = at(key, required);
    if (v.is_null() && !required) return 0;
    if (!v.is_number()) fail(path_ + "." + key, "a number");
    return v.get<double>();
  }
  bool flag(const char* key, bool required = true) const {
    const Json& v = at(key, required);
    if (v.is_null() && !required) return false;
    if (!v.is_boolean()) fail(path_ + "." + key, "true or false");
    return v.get<bool>();
  }
  const Json& array(const char* key, bool required = true) const {
    static const Json kEmpty = Json::array();
    const Json& v = at(key, required);
    if (v.is_null() && !required) return kEmpty;
    if (!v.is_array()) fail(path_ + "." + key, "an array");
    return v;
  }
  std::vector<std::string> strings(const char* key, bool required = true) const {
    std::vector<std::string> out;
    const Json& a = array(key, required);
    for (size_t i = 0; i < a.size(); ++i) {
      if (!a[i].is_string()) fail(path_ + "." + key + "[" + std::to_string(i) + "]", "a string");
      out.push_back(a[i].get<std::string>());
    }
    return out;
  }
  std::vector<int> ints(const char* key) const {
    std::vector<int> out;
    const Json& a = array(key, false);
    for (size_t i = 0; i < a.size(); ++i) {
      if (!a[i].is_number_integer()) {
        fail(path_ + "." + key + "[" + std::to_string(i) + "]", "a whole number");
      }
      out.push_back(a[i].get<int>());
    }
    return out;
  }
  Fields sub(const char* key) const { return Fields(at(key), path_ + "." + key, name_); }
  Fields item(const Json& array, const char* key, size_t i) const {
    return Fields(array[i], path_ + "." + key + "[" + std::to_string(i) + "]", name_);
  }
  bool has(const char* key) const {
    auto it = j_.find(key);
    return it != j_.end() && !it->is_null();
  }

 private:
  [[noreturn]] void fail(const std::string& where, const char* want) const {
    throw InputError(name_ + ": " + where + " must be " + want);
  }
  const Json& j_;
  std::string path_;
  const std::string& name_;
};

Coverage read_coverage(const Fields& f) {
  Coverage c;
  c.lines_total = f.i64("lines_total");
  c.lines_covered = f.i64("lines_covered");
  c.branches_total = f.i64("branches_total", false);
  c.branches_covered = f.i64("branches_covered", false);
  c.functions_total = f.i64("functions_total", false);
  c.functions_covered = f.i64("functions_covered", false);
  c.branches_total_with_exceptions = f.i64("branches_total_with_exceptions", false);
  c.branches_covered_with_exceptions = f.i64("branches_covered_with_exceptions", false);
  return c;
}

std::optional<ProfileShare> read_profile(const Fields& f) {
  if (!f.has("profile")) return std::nullopt;
  Fields p = f.sub("profile");
  return ProfileShare{p.u64("self_samples"), p.u64("total_samples"), p.num("self_share"),
                      p.num("total_share")};
}

History read_history(const Fields& h) {
  History out;
  out.commits = h.i64("commits");
  out.fix_commits = h.i64("fix_commits");
  out.authors = h.i64("authors");
  out.lines_added = h.i64("lines_added");
  out.lines_deleted = h.i64("lines_deleted");
  out.last_change = h.opt_str("last_change").value_or("");
  out.main_author = h.opt_str("main_author").value_or("");
  out.main_author_share = h.num("main_author_share", false);
  out.fragmentation = h.num("fragmentation", false);
  const Json& coupled = h.array("coupled", false);
  for (size_t i = 0; i < coupled.size(); ++i) {
    Fields c = h.item(coupled, "coupled", i);
    out.coupled.push_back({c.str("path"), c.i64("shared"), c.num("degree")});
  }
  return out;
}

FunctionFacts read_function(const Fields& f) {
  FunctionFacts fn;
  fn.name = f.str("name");
  fn.qualified_name = f.str("qualified_name");
  fn.line = f.i32("line");
  fn.end_line = f.i32("end_line");
  fn.cyclomatic = f.i32("cyclomatic");
  fn.cognitive = f.i32("cognitive");
  fn.params = f.i32("params");
  fn.max_nesting = f.i32("max_nesting");
  if (f.has("coverage")) {
    Fields c = f.sub("coverage");
    fn.coverage = read_coverage(c);
    fn.uncovered_lines = c.ints("uncovered_lines");
    fn.partial_branch_lines = c.ints("partial_branch_lines");
  }
  if (f.has("history")) {
    Fields h = f.sub("history");
    fn.history = FunctionHistory{h.i64("commits"), h.i64("fix_commits"), h.flag("moved", false)};
  }
  fn.log_calls = f.i32("log_calls", false);
  const Json& findings = f.array("findings", false);
  for (size_t i = 0; i < findings.size(); ++i) {
    Fields x = f.item(findings, "findings", i);
    fn.findings.push_back({x.str("kind"), x.i32("line"), x.str("detail")});
    const Json& chain = x.array("chain", false);
    for (size_t k = 0; k < chain.size(); ++k) {
      Fields h = x.item(chain, "chain", k);
      fn.findings.back().chain.push_back({h.str("function"), h.str("file"), h.i32("line")});
    }
  }
  fn.profile = read_profile(f);
  if (fn.profile) {
    Fields p = f.sub("profile");
    fn.profile->via = p.opt_str("via").value_or("");
    fn.profile->path = p.strings("path", false);
  }
  if (std::optional<int64_t> n = f.opt_i64("callers")) fn.callers = static_cast<int>(*n);
  if (std::optional<int64_t> n = f.opt_i64("callees")) fn.callees = static_cast<int>(*n);
  fn.errors = f.opt_i64("errors");
  fn.defects = f.opt_i64("defects");
  fn.from_macro = f.flag("from_macro", false);
  fn.trivial = f.opt_str("trivial").value_or("");
  fn.internal_linkage = f.flag("internal_linkage", false);
  fn.is_constexpr = f.flag("constexpr", false);
  fn.is_template = f.flag("template", false);
  const Json& exits = f.array("error_exits", false);
  for (size_t i = 0; i < exits.size(); ++i) {
    Fields x = f.item(exits, "error_exits", i);
    fn.error_exits.push_back({x.i32("line"), x.str("kind"), x.str("value"),
                              x.i32("condition_line", false), x.str("condition")});
  }
  return fn;
}

FileFacts read_file(const Fields& f) {
  FileFacts file;
  file.path = f.str("path");
  file.module = f.str("module");
  file.is_test = f.flag("is_test");
  file.role = f.opt_str("role").value_or(file.is_test ? "test" : "production");
  file.role_rule = f.opt_str("role_rule").value_or("default");
  if (f.has("built")) file.built = f.flag("built");
  file.parse_errors = f.flag("parse_errors", false);
  file.code_lines = f.i32("code_lines");
  if (f.has("coverage")) {
    Fields c = f.sub("coverage");
    file.coverage = read_coverage(c);
    file.coverage->stale = c.flag("stale", false);
  }
  if (f.has("history")) file.history = read_history(f.sub("history"));
  file.owners = f.strings("owners", false);
  file.log_calls = f.i32("log_calls", false);
  file.profile = read_profile(f);
  file.errors = f.opt_i64("errors");
  file.defects = f.opt_i64("defects");
  const Json& functions = f.array("functions");
  for (size_t i = 0; i < functions.size(); ++i) {
    file.functions.push_back(read_function(f.item(functions, "functions", i)));
  }
  return file;
}

Candidate read_candidate(const Fields& f) {
  Candidate c;
  c.id = f.str("id");
  c.rank = f.i32("rank");
  c.kind = f.str("kind");
  c.rule = f.opt_str("rule").value_or("");
  c.score = f.i32("score");
  Fields t = f.sub("target");
  c.target.module = t.str("module");
  c.target.file = t.opt_str("file");
  c.target.function = t.opt_str("function");
  if (t.has("line")) c.target.line = t.i32("line");
  c.title = f.str("title");
  c.why = f.strings("why");
  c.first_step = f.str("first_step");
  c.effort = f.str("effort");
  c.newcomer_friendly = f.flag("newcomer_friendly");
  c.lines = f.ints("lines");
  c.status = f.opt_str("status");
  c.focus = f.opt_str("focus");
  return c;
}

Diagnostic::Level level_of(const std::string& s) {
  if (s == "error") return Diagnostic::Level::kError;
  if (s == "warning") return Diagnostic::Level::kWarning;
  return Diagnostic::Level::kInfo;
}

}  // namespace

Report parse_report(std::string_view text, const std::string& name) {
  Json doc = parse_json_input(text, name, "report JSON");
  if (!doc.is_object() || !doc.contains("schema") || !doc["schema"].is_string()) {
    throw InputError(name + ": not a stepup report (no \"schema\": \"" +
                     std::string(kReportSchema) + "\" at the top)");
  }
  std::string schema = doc["schema"].get<std::string>();
  if (schema != kReportSchema) {
    throw InputError(name + ": report schema is \"" + schema + "\"; this stepup reads \"" +
                     kReportSchema + "\" (re-create the baseline with this version)");
  }
  Fields top(doc, "$", name);
  Report r;
  r.tool_version = top.sub("tool").str("version");
  Fields repo = top.sub("repo");
  r.repo_root = repo.str("root");
  r.commit = repo.opt_str("commit");
  if (repo.has("commit_date")) r.commit_date = repo.opt_str("commit_date");
  Fields s = top.sub("summary");
  r.summary.files = s.i32("files");
  r.summary.functions = s.i32("functions");
  r.summary.code_lines = s.i32("code_lines");
  if (s.has("line_coverage")) r.summary.line_coverage = s.num("line_coverage");
  r.summary.candidates = s.i32("candidates");
  r.summary.all_code_files = s.i32("all_code_files", false);
  r.summary.all_code_lines = s.i32("all_code_lines", false);
  if (s.has("all_code_line_coverage")) {
    r.summary.all_code_line_coverage = s.num("all_code_line_coverage");
  }
  if (s.has("files_by_role")) {
    Fields roles = s.sub("files_by_role");
    for (const char* role : kRoles) {
      if (roles.has(role)) r.summary.files_by_role[role] = roles.i32(role);
    }
  }
  if (top.has("history") && top.sub("history").has("window")) {
    Fields w = top.sub("history").sub("window");
    HistoryWindow window;
    window.since_days = w.i32("since_days");
    window.since_date = w.opt_str("since_date").value_or("");
    window.commits = w.i64("commits");
    window.widened = w.flag("widened", false);
    window.mass_changes = w.i64("mass_changes", false);
    window.ignored_revs = w.i64("ignored_revs", false);
    r.history_window = window;
  }
  if (top.has("tests") && top.sub("tests").has("framework")) {
    Fields t = top.sub("tests").sub("framework");
    TestFramework tf{t.opt_str("name").value_or(""), t.opt_str("header").value_or(""),
                     t.str("evidence")};
    tf.assumed = t.flag("assumed", false);
    tf.header_angled = t.has("header_angled") ? t.flag("header_angled") : true;
    const Json& roots = t.array("include_roots", false);
    for (size_t i = 0; i < roots.size(); ++i) {
      Fields x = t.item(roots, "include_roots", i);
      tf.include_roots.push_back({x.str("dir"), x.flag("relative", false), x.flag("angled", false),
                                  x.i32("uses", false), x.flag("on_include_path", false),
                                  x.opt_str("example").value_or("")});
    }
    tf.include_tu = t.opt_str("include_tu").value_or("");
    tf.include_dirs = t.strings("include_dirs", false);
    r.test_framework = std::move(tf);
  }
  if (top.has("signals")) {
    Fields g = top.sub("signals");
    r.signals = {g.flag("coverage", false),         g.flag("history", false),
                 g.flag("function_history", false), g.flag("profile", false),
                 g.flag("errors", false),           g.flag("findings", false)};
    r.signals.parse = g.opt_str("parse").value_or("semantic");
    const Json& apis = g.array("log_apis", false);
    for (size_t i = 0; i < apis.size(); ++i) {
      Fields a = g.item(apis, "log_apis", i);
      r.log_apis.push_back({a.str("name"), a.str("kind"), a.str("path"), a.i32("line"),
                            a.str("reason"), a.i64("calls")});
    }
  }
  const Json& modules = top.array("modules");
  for (size_t i = 0; i < modules.size(); ++i) {
    Fields m = top.item(modules, "modules", i);
    ModuleFacts mod;
    mod.name = m.str("name");
    mod.files = m.i32("files");
    mod.code_lines = m.i32("code_lines");
    if (m.has("coverage")) mod.coverage = read_coverage(m.sub("coverage"));
    mod.log_calls = m.i32("log_calls", false);
    mod.owners = m.strings("owners", false);
    mod.score = m.i32("score", false);
    if (m.has("history")) mod.history = read_history(m.sub("history"));
    r.modules.push_back(std::move(mod));
  }
  const Json& files = top.array("files");
  for (size_t i = 0; i < files.size(); ++i)
    r.files.push_back(read_file(top.item(files, "files", i)));
  const Json& candidates = top.array("candidates");
  for (size_t i = 0; i < candidates.size(); ++i) {
    r.candidates.push_back(read_candidate(top.item(candidates, "candidates", i)));
  }
  if (top.has("resolved")) r.resolved = top.strings("resolved");
  const Json& diags = top.array("diagnostics", false);
  for (size_t i = 0; i < diags.size(); ++i) {
    Fields d = top.item(diags, "diagnostics", i);
    r.diagnostics.push_back(
        {level_of(d.str("level")), d.str("source"), d.str("message"), d.opt_str("path")});
  }
  return r;
}

Report read_report_file(const std::string& path) {
  return parse_report(read_input_file(path, "report"), path);
}

}  // namespace stepup
