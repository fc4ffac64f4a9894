#include "app/quick_mode.h"

#include "scanner/parse/unbuilt.h"
#include "scanner/quick/scan.h"

namespace stepup {

ClangScanOutput quick_parse(const Discovery& discovery, const std::vector<bool>& skip, int jobs,
                            bool automatic, const std::function<void(int, int)>& progress,
                            std::vector<Diagnostic>& diags) {
  diags.push_back(
      {automatic ? Diagnostic::Level::kWarning : Diagnostic::Level::kInfo, "parse",
       std::string(automatic ? "no compile_commands.json found (give one with -p): "
                             : "--quick: ") +
           "quick mode, a structural parse (tree-sitter) with no build: metrics as usual, but "
           "no types, so log calls, findings, error exits and call sites are unavailable (not "
           "zero) and rules that need them are off",
       std::nullopt});
  QuickScanInput in;
  in.root = discovery.root;
  in.files = &discovery.files;
  in.skip = skip;
  in.jobs = jobs;
  in.progress = progress;
  QuickScanOutput quick = quick_scan(in);

  const auto& files = discovery.files;
  ClangScanOutput out;
  out.functions = std::move(quick.functions);
  out.parse_errors = std::move(quick.parse_errors);
  out.analysed.assign(files.size(), false);
  out.built.assign(files.size(), std::nullopt);
  out.includes.resize(files.size());
  out.syntax.resize(files.size());  // tree-sitter's pass colours nothing (docs/quick.md)
  out.tus = quick.files_parsed;
  std::unordered_map<std::string, int> index_of;
  for (size_t i = 0; i < files.size(); ++i) {
    index_of.emplace(discovery.root + "/" + files[i].path, static_cast<int>(i));
  }
  std::vector<std::string> cxx = guessed_args(discovery.root, files, false);
  for (size_t i = 0; i < files.size(); ++i) {
    if (i < skip.size() && skip[i]) continue;
    out.analysed[i] = true;
    out.includes[i] = unbuilt_includes(discovery.root, discovery.root + "/" + files[i].path, cxx,
                                       files, index_of);
  }
  out.diagnostics = std::move(quick.diagnostics);
  return out;
}

}  // namespace stepup
