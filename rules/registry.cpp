#include "rules/registry.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "rules/change_coupling.h"
#include "rules/complex_function.h"
#include "rules/error_prone.h"
#include "rules/hot_path.h"
#include "rules/io_in_loop.h"
#include "rules/knowledge_silo.h"
#include "rules/swallowed_errors.h"
#include "rules/uninstrumented_module.h"
#include "rules/untested_hotspot.h"

namespace stepup {

const std::vector<RuleInfo>& rule_registry() {
  static const std::vector<RuleInfo> rules = {
      untested_hotspot_info(),
      error_prone_info(),
      complex_function_info(),
      change_coupling_info(),
      uninstrumented_module_info(),
      swallowed_errors_info(),
      io_in_loop_info(),
      hot_path_info(),
      knowledge_silo_info(),
  };
  return rules;
}

void apply_rules(Report& report, const std::map<std::string, RuleOptions>& options) {
  std::vector<Candidate> all;
  for (const RuleInfo& rule : rule_registry()) {
    auto it = options.find(rule.id);
    RuleOptions opts = default_options(rule);
    if (it != options.end()) {
      for (const auto& [k, v] : it->second) opts[k] = v;
    }
    report.rules.push_back({rule.id, rule.kind, rule.description});
    std::vector<Candidate> found = rule.run(report, opts);
    all.insert(all.end(), std::make_move_iterator(found.begin()),
               std::make_move_iterator(found.end()));
  }

  // One candidate per (kind, file, function): keep the highest score and
  // fold the others' evidence into it.
  auto key = [](const Candidate& c) {
    return std::make_tuple(c.kind, c.target.file.value_or(""), c.target.function.value_or(""),
                           c.target.module);
  };
  std::sort(all.begin(), all.end(), [&](const Candidate& a, const Candidate& b) {
    if (key(a) != key(b)) return key(a) < key(b);
    return a.score > b.score;
  });
  std::vector<Candidate> merged;
  for (auto& c : all) {
    if (!merged.empty() && key(merged.back()) == key(c)) {
      for (auto& w : c.why) {
        if (std::find(merged.back().why.begin(), merged.back().why.end(), w) ==
            merged.back().why.end()) {
          merged.back().why.push_back(std::move(w));
        }
      }
      continue;
    }
    merged.push_back(std::move(c));
  }

  std::sort(merged.begin(), merged.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.id < b.id;
  });
  for (Candidate& c : merged) {  // lines to mark, in file order
    std::sort(c.lines.begin(), c.lines.end());
    c.lines.erase(std::unique(c.lines.begin(), c.lines.end()), c.lines.end());
  }
  report.candidates = std::move(merged);
  number_candidates(report);
}

void number_candidates(Report& report) {
  std::map<std::string, int> module_score;
  for (size_t i = 0; i < report.candidates.size(); ++i) {
    Candidate& c = report.candidates[i];
    c.rank = static_cast<int>(i) + 1;
    int& s = module_score[c.target.module];
    s = std::max(s, c.score);
  }
  for (auto& m : report.modules) {
    auto it = module_score.find(m.name);
    m.score = it == module_score.end() ? 0 : it->second;
  }
  report.summary.candidates = static_cast<int>(report.candidates.size());
}

}  // namespace stepup
