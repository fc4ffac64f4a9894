#include "scanner/coverage_counts.h"

#include <charconv>
#include <limits>

namespace stepup {

std::optional<int64_t> parse_int64(std::string_view s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

int64_t add_counts(int64_t a, int64_t b) {
  int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) {
    return b > 0 ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
  }
  return sum;
}

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
