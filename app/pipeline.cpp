#include "app/pipeline.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/baseline.h"
#include "app/config_loader.h"
#include "app/history_db.h"
#include "app/patch_mode.h"
#include "app/quick_mode.h"
#include "app/semantic_parse.h"
#include "model/errors.h"
#include "rules/registry.h"
#include "scanner/common/discover.h"
#include "scanner/common/git_command.h"
#include "scanner/common/repo_root.h"
#include "scanner/common/roles.h"
#include "scanner/common/text_lines.h"
#include "scanner/coverage/gcovr_run.h"
#include "scanner/coverage/import.h"
#include "scanner/coverage/map.h"
#include "scanner/coverage/stale.h"
#include "scanner/evidence/map.h"
#include "scanner/history/codeowners.h"
#include "scanner/history/file_history.h"
#include "scanner/history/git_diff.h"
#include "scanner/history/remote_url.h"
#include "scanner/parse/clang_scan.h"
#include "scanner/parse/compile_db.h"
#include "scanner/parse/ctest_tests.h"
#include "scanner/graph/graph_pass.h"
#include "scanner/parse/log_inference.h"
#include "scanner/parse/source_text.h"
#include "scanner/parse/test_framework.h"
#include "scanner/report/import.h"

namespace stepup {
namespace {

std::optional<std::string> head_commit(const std::string& root, ProcessRunner& runner) {
  ProcessResult r = runner.run(git_command(root, {"rev-parse", "--verify", "-q", "HEAD"}), root);
  if (!r.started || r.exit_code != 0) return std::nullopt;
  std::string sha = r.out.substr(0, r.out.find('\n'));
  if (sha.empty()) return std::nullopt;
  return sha;
}

/// What the pipeline reads from a source file's bytes.
struct SourceFacts {
  TextFacts text;
  Exclusions exclusions;
  std::string source;  ///< the text, for the HTML file view (empty if binary)
};

// Reads each file once for the text facts; binary files are not parsed.
std::vector<SourceFacts> read_texts(const Discovery& d, std::vector<Diagnostic>& diags) {
  std::vector<SourceFacts> out(d.files.size());
  for (size_t i = 0; i < d.files.size(); ++i) {
    std::ifstream in(d.root + "/" + d.files[i].path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    out[i].exclusions = exclusion_markers(text);
    TextFacts& facts = out[i].text;
    facts = analyse_text(text);
    if (!facts.binary) out[i].source = text;
    if (facts.binary) {
      diags.push_back({Diagnostic::Level::kWarning, "discover",
                       "binary content (NUL bytes) in a source file; not parsed", d.files[i].path});
    } else if (!facts.valid_utf8) {
      diags.push_back({Diagnostic::Level::kInfo, "discover",
                       "not valid UTF-8; names with invalid bytes are shown with "
                       "U+FFFD in the report",
                       d.files[i].path});
    }
  }
  return out;
}

std::vector<CoverageData> import_all(const ScanOptions& options, const std::string& root,
                                     ProcessRunner& runner, std::vector<std::string>* names,
                                     CoverageClock* clock) {
  std::vector<CoverageData> reports;
  for (const auto& path : options.coverage) {
    reports.push_back(import_coverage_file(path));
    names->push_back(path);
    clock->reports = std::max(clock->reports, modification_time(path));
  }
  if (!options.coverage_build.empty()) {
    std::string gcov = options.gcov_executable;
    if (gcov.empty() && std::getenv("GCOV")) gcov = std::getenv("GCOV");
    reports.push_back(run_gcovr({root, options.coverage_build, gcov}, runner));
    names->push_back("gcovr over " + options.coverage_build);
    add_notes_times(options.coverage_build, *clock);
  }
  return reports;
}

// Work-tree files that differ from HEAD: coverage files cannot say which
// commit they were made at, so only these can be newer than their data.
std::set<std::string> changed_since_head(const std::string& root, ProcessRunner& runner) {
  ProcessResult r = runner.run(git_command(root, {"diff", "--name-only", "-z", "--no-ext-diff",
                                                  "--no-textconv", "HEAD", "--"}),
                               root);
  std::set<std::string> out;
  if (!r.started || r.exit_code != 0) return out;
  for (size_t start = 0; start < r.out.size();) {
    size_t end = r.out.find('\0', start);
    if (end == std::string::npos) end = r.out.size();
    if (end > start) out.insert(r.out.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

/// What tells stale coverage from fresh.
struct StaleCheck {
  CoverageClock clock;
  std::set<std::string> changed;  ///< differ from HEAD
  const Discovery* discovery = nullptr;
};

// Why the file's coverage is stale ("" when it is not): its data is older
// than its text or cannot describe it. Read before exclusion markers take
// lines out, so an excluded function is not "missing from the data".
std::string stale_reason(const FileFacts& file, const FileCoverage& fc, const SourceFacts& source,
                         const SourceFile& src, const StaleCheck& check) {
  std::string why =
      stale_by_time(file.path, modification_time(check.discovery->root + "/" + file.path),
                    check.changed.count(file.path) > 0, check.clock);
  if (why.empty()) {
    why = stale_by_content(fc, source.text.code, file.functions, src.is_header,
                           split_lines(source.source));
  }
  return why;
}

// Puts the mapped coverage on each file and function.
void attach_coverage(Report& report, MappedCoverage& mapped,
                     const std::vector<SourceFacts>& sources, const StaleCheck& stale,
                     std::vector<Diagnostic>& diags) {
  for (size_t i = 0; i < report.files.size(); ++i) {
    for (const UnmatchedMarker& m : sources[i].exclusions.unmatched) {
      bool start = m.marker.find("START") != std::string::npos;
      std::string partner =
          m.marker.substr(0, m.marker.rfind('_') + 1) + (start ? "STOP" : "START");
      diags.push_back({Diagnostic::Level::kWarning, "coverage",
                       "line " + std::to_string(m.line) + ": " + m.marker + " without a " +
                           partner + (start ? " excludes nothing" : " does nothing") +
                           " (gcovr's rule)",
                       report.files[i].path});
    }
    if (!mapped.files[i]) continue;
    FileCoverage& fc = *mapped.files[i];
    FileFacts& file = report.files[i];
    std::string why = stale_reason(file, fc, sources[i], stale.discovery->files[i], stale);
    apply_exclusions(fc, sources[i].exclusions);
    file.coverage = file_totals(fc);
    if (!why.empty()) {
      file.coverage->stale = true;
      diags.push_back({Diagnostic::Level::kWarning, "coverage",
                       "stale coverage: " + why +
                           "; its numbers may belong to other lines, and a coverage gate counts "
                           "its changed lines as uncovered",
                       file.path});
    }
    file.line_hits = fc.lines;
    for (FunctionFacts& fn : file.functions) {
      fn.coverage = range_totals(fc, fn.line, fn.end_line);
      for (auto it = fc.lines.lower_bound(fn.line);
           it != fc.lines.end() && it->first <= fn.end_line; ++it) {
        if (it->second == 0) fn.uncovered_lines.push_back(it->first);
      }
      for (auto it = fc.branches.lower_bound(fn.line);
           it != fc.branches.end() && it->first <= fn.end_line; ++it) {
        bool missed = std::any_of(it->second.begin(), it->second.end(), [](const BranchCount& b) {
          return !b.exceptional && b.count == 0;
        });
        if (missed) fn.partial_branch_lines.push_back(it->first);
      }
    }
    for (const auto& [line, outcomes] : fc.branches) {
      auto& [total, covered] = file.line_branches[line];
      std::vector<int64_t>& counts = file.line_branch_counts[line];
      for (const BranchCount& b : outcomes) {
        if (b.exceptional) continue;
        ++total;
        covered += b.count > 0;
        counts.push_back(b.count);
      }
    }
  }
}

// Puts each file's and function's history on them, and the window used.
void attach_history(Report& report, const GitHistory& history) {
  report.history_window = history.window;
  for (FileFacts& file : report.files) {
    auto it = history.files.find(file.path);
    if (it == history.files.end()) {
      file.history = History{};  // no commit in the window touched it
      continue;
    }
    file.history = it->second.stats;
    if (!history.with_functions) continue;
    for (FunctionFacts& fn : file.functions) {
      fn.history = function_history(history, it->second, fn.line, fn.end_line);
    }
  }
  for (FileFacts& file : report.files) {
    if (!history.with_functions || !file.history) continue;
    for (FunctionFacts& fn : file.functions) {
      if (!fn.history) fn.history = FunctionHistory{};
    }
  }
}

// Owners from CODEOWNERS, and the --team filter: a team sees its own files.
void attach_owners(Report& report, const std::string& root, const std::string& team,
                   std::vector<Diagnostic>& diags) {
  std::optional<std::string> where = find_codeowners(root);
  if (!where) {
    if (!team.empty()) {
      throw InputError("--team " + team +
                       ": the repository has no CODEOWNERS file "
                       "(.github/CODEOWNERS, CODEOWNERS or docs/CODEOWNERS)");
    }
    return;
  }
  std::ifstream in(root + "/" + *where, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  CodeOwners owners = parse_codeowners(text.str(), *where, diags);
  for (FileFacts& f : report.files) f.owners = owners_of(owners, f.path);
  if (team.empty()) return;
  auto owned = [&](const FileFacts& f) {
    return std::find(f.owners.begin(), f.owners.end(), team) != f.owners.end();
  };
  size_t before = report.files.size();
  report.files.erase(std::remove_if(report.files.begin(), report.files.end(),
                                    [&](const FileFacts& f) { return !owned(f); }),
                     report.files.end());
  diags.push_back({Diagnostic::Level::kInfo, "codeowners",
                   "--team " + team + ": " + std::to_string(report.files.size()) + " of " +
                       std::to_string(before) + " files are owned by the team",
                   *where});
}

// A module's history: distinct commits over its files (after --team).
void attach_module_history(Report& report, const GitHistory& history) {
  std::map<std::string, std::vector<std::string>> paths;
  for (const auto& f : report.files) paths[f.module].push_back(f.path);
  for (ModuleFacts& m : report.modules) m.history = module_history(history, paths[m.name]);
}

// Each file's role (docs/roles.md), from its path, its first lines, the
// .gitattributes files, the build's test programs (CTest), the include graph
// and the config.
void assign_roles(Report& report, const Discovery& discovery, const Config& config,
                  const CompileDatabase* db) {
  RoleInput in;
  in.files = &discovery.files;
  in.config = &config;
  if (db) {
    std::string build_dir = std::filesystem::path(db->path).parent_path().string();
    in.build_tests = files_of_test_programs(*db, read_ctest_tests(build_dir), discovery.root);
  }
  for (const FileFacts& f : report.files) {
    in.heads.push_back(role_head(f.source));
    std::vector<std::string> targets;
    for (const IncludeRef& r : f.includes) {
      if (!r.path.empty()) targets.push_back(r.path);
    }
    in.includes.push_back(std::move(targets));
  }
  for (const auto& rel : discovery.attributes) {
    std::ifstream file(discovery.root + "/" + rel, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    size_t slash = rel.rfind('/');
    in.attributes.push_back({slash == std::string::npos ? "" : rel.substr(0, slash), text.str()});
  }
  std::vector<FileRole> roles = classify_roles(in);
  for (size_t i = 0; i < report.files.size(); ++i) {
    report.files[i].role = roles[i].role;
    report.files[i].role_rule = roles[i].rule;
    report.files[i].is_test = roles[i].role == "test";
  }
  report.target_roles = config.roles.target_roles;
  // io-in-loop does not fire outside the code rules target (docs/signals.md):
  // a benchmark's or a test's loop of calls is what it exists for.
  for (FileFacts& f : report.files) {
    const auto& roles = report.target_roles;
    if (std::find(roles.begin(), roles.end(), f.role) != roles.end()) continue;
    for (FunctionFacts& fn : f.functions) {
      fn.findings.erase(std::remove_if(fn.findings.begin(), fn.findings.end(),
                                       [](const Finding& x) { return x.kind == "io-in-loop"; }),
                        fn.findings.end());
    }
  }
}

double line_fraction(const Coverage& c) {
  return static_cast<double>(c.lines_covered) / static_cast<double>(c.lines_total);
}

// The summary and modules count production code; the all_code_* figures
// and files_by_role count every file. A module with no production file is
// not listed (its files keep their module name).
void roll_up(Report& report) {
  std::map<std::string, ModuleFacts> modules;
  Coverage total, all;
  Summary& sum = report.summary;
  for (const auto& f : report.files) {
    ++sum.files_by_role[f.role];
    ++sum.all_code_files;
    sum.all_code_lines += f.code_lines;
    if (f.coverage) all += *f.coverage;
    if (f.role != "production") continue;
    ModuleFacts& m = modules[f.module];
    m.name = f.module;
    ++m.files;
    m.code_lines += f.code_lines;
    m.log_calls += f.log_calls;
    for (const auto& o : f.owners) {
      if (std::find(m.owners.begin(), m.owners.end(), o) == m.owners.end()) m.owners.push_back(o);
    }
    if (f.coverage) {
      if (!m.coverage) m.coverage = Coverage{};
      *m.coverage += *f.coverage;
      total += *f.coverage;
    }
    ++sum.files;
    sum.code_lines += f.code_lines;
    sum.functions += static_cast<int>(f.functions.size());
  }
  if (total.lines_total > 0) sum.line_coverage = line_fraction(total);
  if (all.lines_total > 0) sum.all_code_line_coverage = line_fraction(all);
  for (auto& [name, m] : modules) {
    std::sort(m.owners.begin(), m.owners.end());
    report.modules.push_back(std::move(m));
  }
}

}  // namespace

std::string facts_config(const Config& config) {
  // What changes a TU's facts: the signal patterns, and whether unbuilt
  // files are parsed.
  auto j = config_to_json(config);
  j["signals"].erase("io_depth");  // used after the join, on the call graph
  j["signals"].erase("io_virtual");
  return j["signals"].dump() + (j.contains("scan") ? j["scan"].dump() : "");
}

ScanResult run_scan(const ScanOptions& options, ProcessRunner& runner) {
  ScanResult result;
  Report& report = result.report;
  report.tool_version = STEPUP_VERSION;
  report.top = options.top;

  RepoLocation where = locate_repo(options.repo, options.paths, runner);
  result.config = load_config(where.root, options.config, nullptr);
  if (options.preloaded && facts_config(result.config) != options.shards_config) {
    throw InputError(options.shards_origin +
                     ": made with another configuration than this merge's (the signals "
                     "settings differ); run the shards and the merge with one config");
  }
  Discovery discovery = discover(where.root, result.config, runner);
  limit_to_scope(discovery, where);
  report.repo_root = discovery.root;
  if (discovery.in_git) report.commit = head_commit(discovery.root, runner);
  if (report.commit) {
    try {
      report.commit_date = commit_date_utc(discovery.root, *report.commit, runner);
    } catch (const InputError&) {  // a shallow clone's boundary: the page says "unknown"
    }
  }

  // Coverage is read before the expensive parse, so bad input fails fast.
  std::vector<std::string> coverage_names;
  StaleCheck stale;
  stale.discovery = &discovery;
  std::vector<CoverageData> coverage =
      import_all(options, discovery.root, runner, &coverage_names, &stale.clock);
  EvidenceInputs evidence = load_evidence(options.profiles, options.errors, options.findings);
  std::optional<Report> baseline;
  if (!options.baseline.empty()) baseline = read_report_file(options.baseline);
  std::optional<ChangedLines> changed;
  if (!options.diff_base.empty()) {
    if (!discovery.in_git) {
      throw InputError("--diff-base: " + discovery.root + " is not a git checkout");
    }
    changed = read_changed_lines(discovery.root, options.diff_base, runner);
  }

  std::vector<Diagnostic> diags = discovery.diagnostics;
  std::vector<SourceFacts> texts = read_texts(discovery, diags);

  std::optional<CompileDatabase> db;
  bool quick = options.parse == ParseMode::kQuick ||
               (options.parse == ParseMode::kAuto &&
                !find_compile_database(discovery.root, options.compile_commands));
  if (quick && options.shards > 0) {
    throw InputError("--shard needs a compile database: quick mode parses no translation units");
  }
  std::vector<bool> binary;
  for (const auto& t : texts) binary.push_back(t.text.binary);
  ClangScanOutput scanned =
      quick ? quick_parse(discovery, binary, std::max(1, options.jobs),
                          options.parse == ParseMode::kAuto, options.progress, diags)
            : semantic_parse(discovery, binary, options, result.config, db, diags, result.parse);
  if (quick) report.signals.parse = "quick";
  result.translation_units = scanned.tus;
  if (options.shards > 0) {
    result.shard = {STEPUP_VERSION, facts_config(result.config), options.shard, options.shards,
                    std::move(scanned.shard_facts)};
    return result;
  }

  for (size_t i = 0; i < discovery.files.size(); ++i) {
    const SourceFile& src = discovery.files[i];
    FileFacts f;
    f.path = src.path;
    f.module = src.module;
    f.is_test = src.is_test;
    f.code_lines = texts[i].text.code_lines;
    f.functions = std::move(scanned.functions[i]);
    f.parse_errors = scanned.parse_errors[i];
    f.built = scanned.built[i];
    f.includes = std::move(scanned.includes[i]);
    for (const FunctionFacts& fn : f.functions) f.log_calls += fn.log_calls;
    f.source = std::move(texts[i].source);
    f.syntax = std::move(scanned.syntax[i]);
    report.files.push_back(std::move(f));
  }
  // The project's own log API, inferred over every TU's facts (docs/signals.md).
  report.declarations = std::move(scanned.declarations);
  if (result.config.signals.infer_log_apis) infer_log_apis(report);
  assign_roles(report, discovery, result.config, db ? &*db : nullptr);
  TestFrameworkInput tests_in;
  tests_in.root = discovery.root;
  tests_in.files = &report.files;
  tests_in.db = db ? &*db : nullptr;
  report.test_framework = detect_test_framework(tests_in);
  if (!options.profiles.empty() || !options.errors.empty() || !options.findings.empty()) {
    // Before --team filters files: report.files is still indexed like discovery.files.
    PathResolver resolver(discovery.root, discovery.files, result.config.path_map);
    attach_evidence(report, evidence, resolver, diags);
  }
  add_call_graph(report, result.config.signals, diags);
  if (!coverage.empty()) {
    for (auto& c : coverage) diags.insert(diags.end(), c.diagnostics.begin(), c.diagnostics.end());
    MappedCoverage mapped = map_coverage(coverage, coverage_names, discovery.root, discovery.files,
                                         result.config.path_map);
    diags.insert(diags.end(), mapped.diagnostics.begin(), mapped.diagnostics.end());
    if (discovery.in_git && !options.coverage.empty()) {
      stale.changed = changed_since_head(discovery.root, runner);
    }
    attach_coverage(report, mapped, texts, stale, diags);
    report.signals.coverage = true;
  }
  GitHistory history;
  if (discovery.in_git) {
    std::set<std::string> paths;
    for (const auto& f : discovery.files) paths.insert(f.path);
    history =
        read_history(discovery.root, paths, options.since_days, result.config.history, runner);
    diags.insert(diags.end(), history.diagnostics.begin(), history.diagnostics.end());
    if (history.available) {
      attach_history(report, history);
      report.signals.history = true;
      report.signals.function_history = history.with_functions;
    }
    report.links = read_links(discovery.root, report.commit, result.config.links, runner, diags,
                              &report.links_missing);
  } else {
    report.links_missing = "not a git checkout";
    diags.push_back({Diagnostic::Level::kInfo, "history",
                     "not a git checkout: no history signals (history is null)", std::nullopt});
  }
  attach_owners(report, discovery.root, options.team, diags);
  roll_up(report);
  if (history.available) attach_module_history(report, history);
  report.diagnostics = std::move(diags);
  apply_rules(report, result.config.rule_options, result.config.ranking);
  if (baseline) compare_with_baseline(report, *baseline, result.config.ci.worsened_margin);
  if (changed) apply_patch_mode(report, *changed, options.diff_base);
  return result;
}

}  // namespace stepup
