#include "scanner/quick/scan.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "scanner/quick/directives.h"
#include "scanner/quick/functions.h"
#include "scanner/quick/syntax_tree.h"

namespace stepup {
namespace {
std::string same_offsets(std::string_view text);
}  // namespace

std::vector<FunctionFacts> quick_scan_text(std::string_view text, bool* errors) {
  std::string code = blank_directives(same_offsets(text));
  SyntaxTree tree(code);
  *errors = !tree.ok() || tree.has_error();
  return quick_functions(tree);
}

namespace {

// The text with a UTF-8 BOM blanked and each lone '\r' (old Mac line ends)
// made a '\n', so tree-sitter, which counts rows by '\n', numbers lines as
// the rest of stepup does (text_lines). Byte offsets do not move.
std::string same_offsets(std::string_view text) {
  std::string out(text);
  if (out.compare(0, 3, "\xEF\xBB\xBF") == 0) out.replace(0, 3, "   ");
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\r' && (i + 1 == out.size() || out[i + 1] != '\n')) out[i] = '\n';
  }
  return out;
}

Diagnostic errors_note(const std::vector<std::string>& paths, int parsed) {
  std::string examples;
  for (size_t i = 0; i < paths.size() && i < 5; ++i) examples += (i ? ", " : "") + paths[i];
  if (paths.size() > 5) examples += ", ...";
  return {Diagnostic::Level::kInfo, "parse",
          std::to_string(paths.size()) + " of " + std::to_string(parsed) +
              " file(s) hold syntax the quick parse could not read (an unknown macro, a "
              "dialect): their metrics may be off near it (" +
              examples + ")",
          std::nullopt};
}

}  // namespace

QuickScanOutput quick_scan(const QuickScanInput& in) {
  const auto& files = *in.files;
  QuickScanOutput out;
  out.functions.resize(files.size());
  out.parse_errors.assign(files.size(), false);
  std::vector<size_t> todo;
  for (size_t i = 0; i < files.size(); ++i) {
    if (i >= in.skip.size() || !in.skip[i]) todo.push_back(i);
  }
  std::atomic<size_t> next{0};
  std::atomic<int> done{0};
  auto worker = [&]() {
    for (size_t t = next++; t < todo.size(); t = next++) {
      size_t i = todo[t];
      std::ifstream file(in.root + "/" + files[i].path, std::ios::binary);
      std::ostringstream text;
      text << file.rdbuf();
      bool errors = false;
      out.functions[i] = quick_scan_text(text.str(), &errors);
      out.parse_errors[i] = errors;
      int n = ++done;
      if (in.progress) in.progress(n, static_cast<int>(todo.size()));
    }
  };
  int n = std::max(1, std::min<int>(in.jobs, static_cast<int>(todo.size())));
  std::vector<std::thread> threads;
  for (int t = 1; t < n; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  out.files_parsed = static_cast<int>(todo.size());
  std::vector<std::string> with_errors;
  for (size_t i = 0; i < files.size(); ++i) {
    if (out.parse_errors[i]) with_errors.push_back(files[i].path);
  }
  if (!with_errors.empty()) out.diagnostics.push_back(errors_note(with_errors, out.files_parsed));
  return out;
}

}  // namespace stepup
