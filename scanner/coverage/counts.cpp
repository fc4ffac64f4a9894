#include "scanner/coverage/counts.h"

#include <algorithm>

namespace stepup {

int64_t NegativeCounts::fix(const std::string& path, int64_t count) {
  if (count >= 0) return count;
  ++per_path_[path];
  return 1;
}

void NegativeCounts::report(const std::string& name, std::vector<Diagnostic>& out) const {
  for (const auto& [path, n] : per_path_) {
    Diagnostic d;
    d.level = Diagnostic::Level::kWarning;
    d.source = "coverage";
    d.message = name + ": " + path + ": " + std::to_string(n) +
                (n == 1 ? " negative count" : " negative counts") +
                " (gcov's counters race in multithreaded runs); counted as executed";
    out.push_back(std::move(d));
  }
}

void merge_function_instances(std::vector<FunctionCount>& functions) {
  std::stable_sort(functions.begin(), functions.end(),
                   [](const FunctionCount& a, const FunctionCount& b) { return a.line < b.line; });
  std::vector<FunctionCount> out;
  for (FunctionCount& f : functions) {
    if (!out.empty() && out.back().line == f.line) {
      FunctionCount& same = out.back();
      same.count = add_counts(same.count, f.count);
      if (f.name < same.name) same.name = std::move(f.name);
      continue;
    }
    out.push_back(std::move(f));
  }
  functions = std::move(out);
}

}  // namespace stepup
