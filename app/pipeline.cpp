#include "app/pipeline.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "app/config_loader.h"
#include "rules/registry.h"
#include "scanner/clang_scan.h"
#include "scanner/compile_db.h"
#include "scanner/discover.h"
#include "scanner/source_text.h"

namespace stepup {
namespace {

std::optional<std::string> head_commit(const std::string& root, ProcessRunner& runner) {
  ProcessResult r = runner.run({"git", "-C", root, "rev-parse", "--verify", "-q", "HEAD"}, root);
  if (!r.started || r.exit_code != 0) return std::nullopt;
  std::string sha = r.out.substr(0, r.out.find('\n'));
  if (sha.empty()) return std::nullopt;
  return sha;
}

// Reads each file once for the text facts; binary files are not parsed.
std::vector<TextFacts> read_texts(const Discovery& d, std::vector<Diagnostic>& diags) {
  std::vector<TextFacts> out(d.files.size());
  for (size_t i = 0; i < d.files.size(); ++i) {
    std::ifstream in(d.root + "/" + d.files[i].path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    out[i] = analyse_text(ss.str());
    if (out[i].binary) {
      diags.push_back({Diagnostic::Level::kWarning, "discover",
                       "binary content (NUL bytes) in a source file; not parsed",
                       d.files[i].path});
    } else if (!out[i].valid_utf8) {
      diags.push_back({Diagnostic::Level::kInfo, "discover",
                       "not valid UTF-8; names with invalid bytes are shown with "
                       "U+FFFD in the report",
                       d.files[i].path});
    }
  }
  return out;
}

void roll_up(Report& report) {
  std::map<std::string, ModuleFacts> modules;
  for (const auto& f : report.files) {
    ModuleFacts& m = modules[f.module];
    m.name = f.module;
    ++m.files;
    m.code_lines += f.code_lines;
    m.log_calls += f.log_calls;
    report.summary.code_lines += f.code_lines;
    report.summary.functions += static_cast<int>(f.functions.size());
  }
  report.summary.files = static_cast<int>(report.files.size());
  for (auto& [name, m] : modules) report.modules.push_back(std::move(m));
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
  std::string config_path;
  result.config = load_config(root, options.config, &config_path);
  Discovery discovery = discover(options.repo, result.config, runner);
  report.repo_root = discovery.root;
  if (discovery.in_git) report.commit = head_commit(discovery.root, runner);

  std::vector<Diagnostic> diags = discovery.diagnostics;
  std::vector<TextFacts> texts = read_texts(discovery, diags);

  std::optional<CompileDatabase> db;
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
  for (const auto& t : texts) in.skip.push_back(t.binary);
  if (!std::filesystem::exists(in.resource_dir + "/include/stddef.h", ec)) {
    diags.push_back({Diagnostic::Level::kWarning, "parse",
                     "clang resource directory " + in.resource_dir +
                         " lacks include/stddef.h; set STEPUP_CLANG_RESOURCE_DIR",
                     std::nullopt});
  }
  ClangScanOutput scanned = clang_scan(in);
  result.translation_units = scanned.tus;
  diags.insert(diags.end(), scanned.diagnostics.begin(), scanned.diagnostics.end());

  for (size_t i = 0; i < discovery.files.size(); ++i) {
    const SourceFile& src = discovery.files[i];
    FileFacts f;
    f.path = src.path;
    f.module = src.module;
    f.is_test = src.is_test;
    f.code_lines = texts[i].code_lines;
    f.functions = std::move(scanned.functions[i]);
    report.files.push_back(std::move(f));
  }
  roll_up(report);
  report.diagnostics = std::move(diags);
  apply_rules(report, result.config.rule_options);
  return result;
}

}  // namespace stepup
