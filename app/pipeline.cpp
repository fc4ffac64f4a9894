#include "app/pipeline.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/baseline.h"
#include "app/config_loader.h"
#include "app/patch_mode.h"
#include "model/errors.h"
#include "rules/registry.h"
#include "scanner/parse/clang_scan.h"
#include "scanner/history/codeowners.h"
#include "scanner/parse/compile_db.h"
#include "scanner/coverage/import.h"
#include "scanner/coverage/map.h"
#include "scanner/common/discover.h"
#include "scanner/evidence/map.h"
#include "scanner/history/git_diff.h"
#include "scanner/history/file_history.h"
#include "scanner/report/import.h"
#include "scanner/parse/source_text.h"
#include "scanner/parse/test_framework.h"

namespace stepup {
namespace {

std::optional<std::string> head_commit(const std::string& root, ProcessRunner& runner) {
  ProcessResult r = runner.run({"git", "-C", root, "rev-parse", "--verify", "-q", "HEAD"}, root);
  if (!r.started || r.exit_code != 0) return std::nullopt;
  std::string sha = r.out.substr(0, r.out.find('\n'));
  if (sha.empty()) return std::nullopt;
  return sha;
}

/// What the pipeline reads from a source file's bytes.
struct SourceFacts {
  TextFacts text;
  Exclusions exclusions;
  int lines = 0;       ///< number of lines, for coverage beyond the end
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
    out[i].lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) +
                   (!text.empty() && text.back() != '\n');
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
                                     ProcessRunner& runner, std::vector<std::string>* names) {
  std::vector<CoverageData> reports;
  for (const auto& path : options.coverage) {
    reports.push_back(import_coverage_file(path));
    names->push_back(path);
  }
  if (!options.coverage_build.empty()) {
    reports.push_back(run_gcovr(root, options.coverage_build, runner));
    names->push_back("gcovr over " + options.coverage_build);
  }
  return reports;
}

// Puts the mapped coverage on each file and function.
void attach_coverage(Report& report, MappedCoverage& mapped,
                     const std::vector<SourceFacts>& sources, std::vector<Diagnostic>& diags) {
  for (size_t i = 0; i < report.files.size(); ++i) {
    if (!mapped.files[i]) continue;
    FileCoverage& fc = *mapped.files[i];
    FileFacts& file = report.files[i];
    apply_exclusions(fc, sources[i].exclusions);
    if (!fc.lines.empty() && fc.lines.rbegin()->first > sources[i].lines) {
      diags.push_back({Diagnostic::Level::kWarning, "coverage",
                       "coverage names line " + std::to_string(fc.lines.rbegin()->first) +
                           " but the file has " + std::to_string(sources[i].lines) +
                           " lines: the coverage data is older than the source",
                       file.path});
    }
    file.coverage = file_totals(fc);
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
      for (const BranchCount& b : outcomes) {
        if (b.exceptional) continue;
        ++total;
        covered += b.count > 0;
      }
    }
  }
}

// The semantic pass over the compile database's TUs (or guessed flags).
ClangScanOutput parse_sources(const Discovery& discovery, const std::vector<SourceFacts>& texts,
                              const ScanOptions& options, const Config& config,
                              std::optional<CompileDatabase>& db, std::vector<Diagnostic>& diags) {
  if (auto path = find_compile_database(discovery.root, options.compile_commands)) {
    db = load_compile_database(*path);
  } else {
    diags.push_back({Diagnostic::Level::kWarning, "compile-db",
                     "no compile_commands.json found (give one with -p); each "
                     "file was parsed on its own with guessed flags (-std=c++17, "
                     "-I for include/, src/ and lib/ folders), so unresolved "
                     "includes may lower accuracy",
                     std::nullopt});
  }
  ClangScanInput in;
  in.root = discovery.root;
  in.files = &discovery.files;
  in.db = db ? &*db : nullptr;
  in.jobs = std::max(1, options.jobs);
  in.resource_dir = default_resource_dir();
  in.progress = options.progress;
  in.signals = &config.signals;
  in.risk_signals = options.risk_signals;
  for (const auto& t : texts) in.skip.push_back(t.text.binary);
  std::error_code ec;
  if (!std::filesystem::exists(in.resource_dir + "/include/stddef.h", ec)) {
    diags.push_back({Diagnostic::Level::kWarning, "parse",
                     "clang resource directory " + in.resource_dir +
                         " lacks include/stddef.h; set STEPUP_CLANG_RESOURCE_DIR",
                     std::nullopt});
  }
  ClangScanOutput scanned = clang_scan(in);
  diags.insert(diags.end(), scanned.diagnostics.begin(), scanned.diagnostics.end());
  return scanned;
}

// Puts each file's and function's history on them.
void attach_history(Report& report, const GitHistory& history) {
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

void roll_up(Report& report) {
  std::map<std::string, ModuleFacts> modules;
  Coverage total;
  for (const auto& f : report.files) {
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
    report.summary.code_lines += f.code_lines;
    report.summary.functions += static_cast<int>(f.functions.size());
  }
  if (total.lines_total > 0) {
    report.summary.line_coverage =
        static_cast<double>(total.lines_covered) / static_cast<double>(total.lines_total);
  }
  report.summary.files = static_cast<int>(report.files.size());
  for (auto& [name, m] : modules) {
    std::sort(m.owners.begin(), m.owners.end());
    report.modules.push_back(std::move(m));
  }
}

}  // namespace

ScanResult run_scan(const ScanOptions& options, ProcessRunner& runner) {
  ScanResult result;
  Report& report = result.report;
  report.tool_version = STEPUP_VERSION;
  report.top = options.top;

  std::error_code ec;
  std::string root = std::filesystem::canonical(options.repo, ec).string();
  if (ec) root = options.repo;  // discover() reports the missing REPO
  result.config = load_config(root, options.config, nullptr);
  Discovery discovery = discover(options.repo, result.config, runner);
  report.repo_root = discovery.root;
  if (discovery.in_git) report.commit = head_commit(discovery.root, runner);

  // Coverage is read before the expensive parse, so bad input fails fast.
  std::vector<std::string> coverage_names;
  std::vector<CoverageData> coverage = import_all(options, discovery.root, runner, &coverage_names);
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
  ClangScanOutput scanned = parse_sources(discovery, texts, options, result.config, db, diags);
  result.translation_units = scanned.tus;

  for (size_t i = 0; i < discovery.files.size(); ++i) {
    const SourceFile& src = discovery.files[i];
    FileFacts f;
    f.path = src.path;
    f.module = src.module;
    f.is_test = src.is_test;
    f.code_lines = texts[i].text.code_lines;
    f.functions = std::move(scanned.functions[i]);
    for (const FunctionFacts& fn : f.functions) f.log_calls += fn.log_calls;
    f.source = std::move(texts[i].source);
    report.files.push_back(std::move(f));
  }
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
  if (!coverage.empty()) {
    for (auto& c : coverage) diags.insert(diags.end(), c.diagnostics.begin(), c.diagnostics.end());
    MappedCoverage mapped = map_coverage(coverage, coverage_names, discovery.root, discovery.files,
                                         result.config.path_map);
    diags.insert(diags.end(), mapped.diagnostics.begin(), mapped.diagnostics.end());
    attach_coverage(report, mapped, texts, diags);
    report.signals.coverage = true;
  }
  if (discovery.in_git) {
    std::set<std::string> paths;
    for (const auto& f : discovery.files) paths.insert(f.path);
    GitHistory history =
        read_history(discovery.root, paths, options.since_days, result.config.history, runner);
    diags.insert(diags.end(), history.diagnostics.begin(), history.diagnostics.end());
    if (history.available) {
      attach_history(report, history);
      report.signals.history = true;
      report.signals.function_history = history.with_functions;
    }
  } else {
    diags.push_back({Diagnostic::Level::kInfo, "history",
                     "not a git checkout: no history signals (history is null)", std::nullopt});
  }
  attach_owners(report, discovery.root, options.team, diags);
  roll_up(report);
  report.diagnostics = std::move(diags);
  apply_rules(report, result.config.rule_options);
  if (baseline) compare_with_baseline(report, *baseline, result.config.ci.worsened_margin);
  if (changed) apply_patch_mode(report, *changed, options.diff_base);
  return result;
}

}  // namespace stepup
