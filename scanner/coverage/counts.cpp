#include "scanner/coverage/counts.h"

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

}  // namespace stepup
