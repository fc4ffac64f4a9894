#include "rules/change_coupling.h"

#include <algorithm>
#include <cmath>

namespace stepup {
namespace {

const char kRule[] = "change-coupling";

const FileFacts* find_file(const Report& r, const std::string& path) {
  for (const FileFacts& f : r.files) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

struct Partner {
  const FileFacts* file;
  Coupling coupling;
  double points;
};

// One candidate per file for all its pairs (each pair listed once, under
// its first path), so the de-duplication's one-per-target holds.
Candidate file_candidate(const FileFacts& a, std::vector<Partner> ps) {
  std::sort(ps.begin(), ps.end(),
            [](const Partner& x, const Partner& y) { return x.points > y.points; });
  const FileFacts& b = *ps.front().file;
  const Coupling& k = ps.front().coupling;
  double points = 0;
  for (const Partner& p : ps) points += p.points;
  Candidate c;
  c.rule = kRule;
  c.kind = "refactor";
  c.id = candidate_id(kRule, a.path, "");
  set_score(c, 30, points);
  c.target = {a.module, a.path, std::nullopt, std::nullopt};
  c.title = "Untangle " + a.path + " and " + b.path + ", which keep changing together";
  if (ps.size() > 1) c.title += " (and " + count_of(ps.size() - 1, "more file") + ")";
  int64_t a_commits = a.history ? a.history->commits : 0;
  for (size_t i = 0; i < ps.size() && i < 3; ++i) {  // the strongest three; the title counts all
    const Partner& p = ps[i];
    int64_t b_commits = p.file->history ? p.file->history->commits : 0;
    c.why.push_back(count_of(p.coupling.shared, "commit") + " changed both " + a.path + " (" +
                    std::to_string(a_commits) + " commits) and " + p.file->path + " (" +
                    std::to_string(b_commits) + "): coupling degree " + percent(p.coupling.degree));
  }
  c.why.push_back("they sit in different modules: " + a.module + " and " + b.module);
  c.first_step = "Read the " + std::to_string(k.shared) +
                 " commits that changed both (git log -- " + a.path + " " + b.path +
                 "), name the knowledge they share, and move it behind one interface in one "
                 "module.";
  c.effort = ps.size() > 2 ? "L" : "M";
  c.newcomer_friendly = false;  // crosses module boundaries: not local
  return c;
}

}  // namespace

RuleInfo change_coupling_info() {
  return {
      kRule,
      "refactor",
      "Files in different modules that keep changing in the same commits (history's "
      "coupling): a hidden dependency to make explicit or remove.",
      {{"scale", 8, 0.1, 1000,
        "degree x (shared - min_shared + 1) that takes the score 63% of the way from 30 to 100"},
       {"min_degree", 0.5, 0, 1, "coupling degree a pair needs to fire"},
       {"min_shared", 5, 1, 100000, "shared commits a pair needs to fire"}},
      &change_coupling};
}

// A declaration and its definition (include/leveldb/c.h and db/c.cc, a
// public header and its source) change together by design: the same base
// name without its extension.
bool header_and_source(const std::string& a, const std::string& b) {
  auto stem = [](const std::string& p) {
    std::string base = p.substr(p.rfind('/') + 1);
    return base.substr(0, base.rfind('.'));
  };
  return stem(a) == stem(b);
}

std::vector<Candidate> change_coupling(const Report& signals, const RuleOptions& o) {
  std::vector<Candidate> out;
  for (const FileFacts& a : signals.files) {
    if (!is_target_file(signals, a) || !a.history) continue;
    std::vector<Partner> partners;
    for (const Coupling& k : a.history->coupled) {
      if (k.path <= a.path) continue;  // each pair once, from its first path
      if (k.degree < o.at("min_degree") || k.shared < o.at("min_shared")) continue;
      const FileFacts* b = find_file(signals, k.path);
      // Code and its tests change together by design, as a header and its
      // source do; a file gone from the tree has no module to untangle.
      if (!b || !is_target_file(signals, *b) || b->module == a.module) continue;
      if (header_and_source(a.path, b->path)) continue;
      double x = k.degree * static_cast<double>(k.shared - o.at("min_shared") + 1) / o.at("scale");
      partners.push_back({b, k, x});
    }
    if (!partners.empty()) out.push_back(file_candidate(a, std::move(partners)));
  }
  return out;
}

}  // namespace stepup
