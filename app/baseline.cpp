#include "app/baseline.h"

#include <algorithm>
#include <map>
#include <set>

namespace stepup {

void compare_with_baseline(Report& now, const Report& baseline, int margin) {
  std::map<std::string, int> before;
  for (const Candidate& c : baseline.candidates) before.emplace(c.id, c.score);
  std::set<std::string> present;
  for (Candidate& c : now.candidates) {
    present.insert(c.id);
    auto it = before.find(c.id);
    if (it == before.end()) {
      c.status = "new";
    } else {
      c.status = c.score - it->second >= margin ? "worsened" : "unchanged";
    }
  }
  std::vector<std::string> resolved;
  for (const auto& [id, score] : before) {
    if (!present.count(id)) resolved.push_back(id);
  }
  now.resolved = std::move(resolved);
}

}  // namespace stepup
