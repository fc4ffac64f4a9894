#include "reports/json_writer.h"

namespace stepup {
namespace {

using Json = nlohmann::ordered_json;

template <typename T, typename F>
Json optional_or_null(const std::optional<T>& v, F&& f) {
  return v ? f(*v) : Json(nullptr);
}

Json coverage_json(const Coverage& c) {
  return Json{{"lines_total", c.lines_total},
              {"lines_covered", c.lines_covered},
              {"branches_total", c.branches_total},
              {"branches_covered", c.branches_covered},
              {"functions_total", c.functions_total},
              {"functions_covered", c.functions_covered},
              {"branches_total_with_exceptions", c.branches_total_with_exceptions},
              {"branches_covered_with_exceptions", c.branches_covered_with_exceptions}};
}

Json history_json(const History& h) {
  Json coupled = Json::array();
  for (const auto& c : h.coupled) {
    coupled.push_back({{"path", c.path}, {"shared", c.shared}, {"degree", c.degree}});
  }
  return Json{{"commits", h.commits},
              {"fix_commits", h.fix_commits},
              {"authors", h.authors},
              {"lines_added", h.lines_added},
              {"lines_deleted", h.lines_deleted},
              {"last_change", h.last_change.empty() ? Json(nullptr) : Json(h.last_change)},
              {"main_author", h.main_author.empty() ? Json(nullptr) : Json(h.main_author)},
              {"main_author_share", h.main_author_share},
              {"fragmentation", h.fragmentation},
              {"coupled", std::move(coupled)}};
}

Json profile_json(const ProfileShare& p) {
  return Json{{"self_samples", p.self_samples},
              {"total_samples", p.total_samples},
              {"self_share", p.self_share},
              {"total_share", p.total_share}};
}

// A function's profile adds where its share came from (docs/callgraph.md).
Json function_profile_json(const ProfileShare& p) {
  Json j = profile_json(p);
  j["via"] = p.via.empty() ? Json(nullptr) : Json(p.via);
  j["path"] = p.path;
  return j;
}

Json finding_json(const Finding& x) {
  Json j{{"kind", x.kind}, {"line", x.line}, {"detail", x.detail}};
  if (x.chain.empty()) return j;
  Json chain = Json::array();
  for (const ChainHop& h : x.chain) {
    chain.push_back({{"function", h.function}, {"file", h.path}, {"line", h.line}});
  }
  j["chain"] = std::move(chain);
  return j;
}

Json int_or_null(const std::optional<int>& v) { return v ? Json(*v) : Json(nullptr); }

Json count_or_null(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

Json function_json(const FunctionFacts& f) {
  Json findings = Json::array();
  for (const auto& x : f.findings) findings.push_back(finding_json(x));
  Json exits = Json::array();
  for (const auto& e : f.error_exits) {
    exits.push_back({{"line", e.line},
                     {"kind", e.kind},
                     {"value", e.value},
                     {"condition_line", e.condition_line},
                     {"condition", e.condition}});
  }
  return Json{
      {"name", f.name},
      {"qualified_name", f.qualified_name},
      {"line", f.line},
      {"end_line", f.end_line},
      {"cyclomatic", f.cyclomatic},
      {"cognitive", f.cognitive},
      {"params", f.params},
      {"max_nesting", f.max_nesting},
      {"coverage", optional_or_null(f.coverage,
                                    [&f](const Coverage& c) {
                                      return Json{{"lines_total", c.lines_total},
                                                  {"lines_covered", c.lines_covered},
                                                  {"branches_total", c.branches_total},
                                                  {"branches_covered", c.branches_covered},
                                                  {"uncovered_lines", f.uncovered_lines},
                                                  {"partial_branch_lines", f.partial_branch_lines}};
                                    })},
      {"history", optional_or_null(f.history,
                                   [](const FunctionHistory& h) {
                                     return Json{{"commits", h.commits},
                                                 {"fix_commits", h.fix_commits},
                                                 {"moved", h.moved}};
                                   })},
      {"log_calls", f.log_calls},
      {"findings", std::move(findings)},
      {"profile", optional_or_null(f.profile, function_profile_json)},
      {"errors", count_or_null(f.errors)},
      {"defects", count_or_null(f.defects)},
      {"callers", int_or_null(f.callers)},
      {"callees", int_or_null(f.callees)},
      {"from_macro", f.from_macro},
      {"trivial", f.trivial.empty() ? Json(nullptr) : Json(f.trivial)},
      {"internal_linkage", f.internal_linkage},
      {"constexpr", f.is_constexpr},
      {"template", f.is_template},
      {"error_exits", std::move(exits)},
  };
}

Json file_json(const FileFacts& f) {
  Json functions = Json::array();
  for (const auto& fn : f.functions) functions.push_back(function_json(fn));
  return Json{
      {"path", f.path},
      {"module", f.module},
      {"is_test", f.is_test},
      {"role", f.role},
      {"role_rule", f.role_rule},
      {"built", optional_or_null(f.built, [](bool b) { return Json(b); })},
      {"parse_errors", f.parse_errors},
      {"code_lines", f.code_lines},
      {"coverage", optional_or_null(f.coverage,
                                    [](const Coverage& c) {
                                      Json j = coverage_json(c);
                                      j["stale"] = c.stale;
                                      return j;
                                    })},
      {"history", optional_or_null(f.history, history_json)},
      {"owners", f.owners},
      {"log_calls", f.log_calls},
      {"profile", optional_or_null(f.profile, profile_json)},
      {"errors", count_or_null(f.errors)},
      {"defects", count_or_null(f.defects)},
      {"functions", std::move(functions)},
  };
}

Json log_apis_json(const std::vector<InferredLogApi>& apis) {
  Json out = Json::array();
  for (const auto& a : apis) {
    out.push_back({{"name", a.name},
                   {"kind", a.kind},
                   {"path", a.path},
                   {"line", a.line},
                   {"reason", a.reason},
                   {"calls", a.calls}});
  }
  return out;
}

Json window_json(const HistoryWindow& w) {
  return Json{{"since_days", w.since_days},
              {"since_date", w.since_date.empty() ? Json(nullptr) : Json(w.since_date)},
              {"commits", w.commits},
              {"widened", w.widened},
              {"mass_changes", w.mass_changes},
              {"ignored_revs", w.ignored_revs}};
}

Json framework_json(const TestFramework& t) {
  Json roots = Json::array();
  for (const IncludeRoot& r : t.include_roots) {
    roots.push_back({{"dir", r.dir},
                     {"relative", r.relative},
                     {"angled", r.angled},
                     {"uses", r.uses},
                     {"on_include_path", r.on_include_path},
                     {"example", r.example}});
  }
  return Json{{"name", t.name.empty() ? Json(nullptr) : Json(t.name)},
              {"header", t.header.empty() ? Json(nullptr) : Json(t.header)},
              {"evidence", t.evidence},
              {"assumed", t.assumed},
              {"header_angled", t.header_angled},
              {"include_roots", std::move(roots)},
              {"include_tu", t.include_tu.empty() ? Json(nullptr) : Json(t.include_tu)},
              {"include_dirs", t.include_dirs}};
}

Json candidate_json(const Candidate& c) {
  Json j{
      {"id", c.id},
      {"rank", c.rank},
      {"kind", c.kind},
      {"rule", c.rule},
      {"score", c.score},
      {"target",
       Json{{"module", c.target.module},
            {"file", optional_or_null(c.target.file, [](const std::string& s) { return Json(s); })},
            {"function",
             optional_or_null(c.target.function, [](const std::string& s) { return Json(s); })},
            {"line", optional_or_null(c.target.line, [](int l) { return Json(l); })}}},
      {"title", c.title},
      {"why", c.why},
      {"first_step", c.first_step},
      {"effort", c.effort},
      {"newcomer_friendly", c.newcomer_friendly},
      {"lines", c.lines},
      {"focus", optional_or_null(c.focus, [](const std::string& s) { return Json(s); })},
  };
  if (c.status) j["status"] = *c.status;
  return j;
}

Json links_json(const Links& l) {
  auto or_null = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  return Json{
      {"host", l.host},     {"from", l.from},         {"remote", or_null(l.remote)},
      {"commit", l.commit}, {"file_url", l.file_url}, {"commit_url", or_null(l.commit_url)}};
}

Json fraction_or_null(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json trend_json(const TrendSeries& t) {
  Json scans = Json::array();
  for (const TrendPoint& p : t.scans) {
    scans.push_back({{"commit", p.commit},
                     {"commit_date", p.commit_date},
                     {"production_coverage", fraction_or_null(p.production_coverage)},
                     {"all_code_coverage", fraction_or_null(p.all_code_coverage)},
                     {"candidates", p.candidates},
                     {"max_score", p.max_score}});
  }
  auto modules = [](const std::map<std::string, TrendModulePoint>& m) {
    Json out = Json::object();
    for (const auto& [name, p] : m) {
      out[name] = {{"coverage", fraction_or_null(p.coverage)}, {"score", p.score}};
    }
    return out;
  };
  return {{"scans", std::move(scans)},
          {"current", t.current < 0 ? Json(nullptr) : Json(t.current)},
          {"module_first", modules(t.module_first)},
          {"module_previous", modules(t.module_previous)},
          {"first_seen", t.first_seen}};
}

}  // namespace

nlohmann::ordered_json report_to_json(const Report& r) {
  Json modules = Json::array();
  for (const auto& m : r.modules) {
    modules.push_back({{"name", m.name},
                       {"files", m.files},
                       {"code_lines", m.code_lines},
                       {"coverage", optional_or_null(m.coverage, coverage_json)},
                       {"log_calls", m.log_calls},
                       {"owners", m.owners},
                       {"score", m.score},
                       {"history", optional_or_null(m.history, history_json)}});
    if (m.in_patch) modules.back()["in_patch"] = *m.in_patch;
  }
  Json files = Json::array();
  for (const auto& f : r.files) files.push_back(file_json(f));
  Json candidates = Json::array();
  for (const auto& c : r.candidates) candidates.push_back(candidate_json(c));
  Json diagnostics = Json::array();
  for (const auto& d : r.diagnostics) {
    diagnostics.push_back(
        {{"level", level_name(d.level)},
         {"source", d.source},
         {"message", d.message},
         {"path", optional_or_null(d.path, [](const std::string& s) { return Json(s); })}});
  }
  Json doc{
      {"schema", kReportSchema},
      {"tool", {{"name", "stepup"}, {"version", r.tool_version}}},
      {"repo",
       {{"root", r.repo_root},
        {"commit", optional_or_null(r.commit, [](const std::string& s) { return Json(s); })},
        {"commit_date",
         optional_or_null(r.commit_date, [](const std::string& s) { return Json(s); })}}},
      {"summary",
       {{"files", r.summary.files},
        {"functions", r.summary.functions},
        {"code_lines", r.summary.code_lines},
        {"line_coverage",
         optional_or_null(r.summary.line_coverage, [](double d) { return Json(d); })},
        {"candidates", r.summary.candidates},
        {"all_code_files", r.summary.all_code_files},
        {"all_code_lines", r.summary.all_code_lines},
        {"all_code_line_coverage",
         optional_or_null(r.summary.all_code_line_coverage, [](double d) { return Json(d); })},
        {"files_by_role", r.summary.files_by_role}}},
      {"signals",
       {{"coverage", r.signals.coverage},
        {"history", r.signals.history},
        {"function_history", r.signals.function_history},
        {"profile", r.signals.profile},
        {"errors", r.signals.errors},
        {"findings", r.signals.findings},
        {"parse", r.signals.parse},
        {"log_apis", log_apis_json(r.log_apis)}}},
      {"history", {{"window", optional_or_null(r.history_window, window_json)}}},
      {"tests", {{"framework", optional_or_null(r.test_framework, framework_json)}}},
      {"links", optional_or_null(r.links, links_json)},
      {"modules", std::move(modules)},
      {"files", std::move(files)},
      {"candidates", std::move(candidates)},
  };
  if (r.trend) doc["trend"] = trend_json(*r.trend);
  if (r.resolved) doc["resolved"] = *r.resolved;
  if (r.patch) {
    const PatchSummary& p = *r.patch;
    doc["patch"] = {{"base", p.base},
                    {"files_changed", p.files_changed},
                    {"lines_changed", p.lines_changed},
                    {"executable_lines", p.executable_lines},
                    {"lines_covered", p.lines_covered},
                    {"line_coverage", fraction_or_null(p.line_coverage)},
                    {"branches_total", p.branches_total},
                    {"branches_covered", p.branches_covered},
                    {"branch_coverage", fraction_or_null(p.branch_coverage)},
                    {"files_without_coverage", p.files_without_coverage},
                    {"stale_files", p.stale_files}};
  }
  if (!r.gate.empty()) {
    Json gate = Json::array();
    for (const GateCheck& g : r.gate) {
      gate.push_back({{"expression", g.expression},
                      {"measured", g.measured ? Json(*g.measured) : Json(nullptr)},
                      {"failed", g.failed},
                      {"message", g.message}});
    }
    doc["gate"] = std::move(gate);
  }
  doc["diagnostics"] = std::move(diagnostics);
  return doc;
}

void write_json(const Report& report, std::ostream& out) {
  out << report_to_json(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
      << '\n';
}

}  // namespace stepup
