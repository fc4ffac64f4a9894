#include "rules/knowledge_silo.h"

#include <cmath>
#include <cstdio>
#include <set>

namespace stepup {
namespace {

const char kRule[] = "knowledge-silo";

/// Who changed a module: each file's main author is credited with their
/// share of its commits; other authors' commits are only counted in the
/// total, so the share is never overstated.
struct Authorship {
  int64_t changes = 0;
  std::map<std::string, double> by_author;
  std::string top;
  double top_changes = 0;
  const FileFacts* busiest = nullptr;
  std::string last_change;  ///< newest commit date in the module, YYYY-MM-DD
};

// Days since 1970-01-01 of a "YYYY-MM-DD" date (Howard Hinnant's
// days_from_civil); -1 when it is not such a date.
long days_of(const std::string& ymd) {
  int y, m, d;
  if (ymd.size() != 10 || std::sscanf(ymd.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return -1;
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// The newest commit date of any file: the scan's "now", so the rule does
// not read the clock.
std::string newest_change(const Report& r) {
  std::string newest;
  for (const FileFacts& f : r.files) {
    if (f.history && f.history->last_change > newest) newest = f.history->last_change;
  }
  return newest;
}

Authorship authorship(const Report& r, const std::string& module) {
  Authorship a;
  for (const FileFacts& f : r.files) {
    if (f.module != module || !is_target_file(r, f) || !f.history || f.history->commits == 0)
      continue;
    a.changes += f.history->commits;
    a.by_author[f.history->main_author] += f.history->main_author_share * f.history->commits;
    if (!a.busiest || f.history->commits > a.busiest->history->commits) a.busiest = &f;
    if (f.history->last_change > a.last_change) a.last_change = f.history->last_change;
  }
  for (const auto& [who, n] : a.by_author) {
    if (n > a.top_changes) {
      a.top = who;
      a.top_changes = n;
    }
  }
  return a;
}

// A solo project is one big silo by construction: nothing to pair on.
bool several_authors(const Report& r) {
  std::set<std::string> mains;
  for (const FileFacts& f : r.files) {
    if (!f.history || f.history->commits == 0) continue;
    if (f.history->authors > 1) return true;
    mains.insert(f.history->main_author);
  }
  return mains.size() > 1;
}

}  // namespace

RuleInfo knowledge_silo_info() {
  return {kRule,
          "pair",
          "Active modules where one author made most of the changes: pair with them on the next "
          "change, or have them write down what only they know.",
          {{"min_share", 0.8, 0.5, 1, "share of the module's file changes one author must hold"},
           {"min_changes", 8, 1, 100000, "file changes in the history window a module needs"},
           {"active_days", 90, 0, 36500,
            "the module's newest change must be at most this many days older than the "
            "repository's newest change"},
           {"scale", 20, 0.1, 100000,
            "share x file changes above min_changes that take the score 63% of the way from 30 "
            "to 100"}},
          &knowledge_silo};
}

std::vector<Candidate> knowledge_silo(const Report& signals, const RuleOptions& o) {
  std::vector<Candidate> out;
  if (!signals.signals.history || !several_authors(signals)) return out;
  const long now = days_of(newest_change(signals));
  for (const ModuleFacts& m : signals.modules) {
    Authorship a = authorship(signals, m.name);
    if (a.changes < o.at("min_changes") || a.top.empty()) continue;
    const long idle = now - days_of(a.last_change);
    if (idle > o.at("active_days")) continue;  // settled code: no one to learn it from soon
    double share = a.top_changes / static_cast<double>(a.changes);
    if (share < o.at("min_share")) continue;
    Candidate c;
    c.rule = kRule;
    c.kind = "pair";
    c.id = candidate_id(kRule, m.name, "");
    c.score = saturating_score_from(30, share * (a.changes - o.at("min_changes")) / o.at("scale"));
    c.target = {m.name, std::nullopt, std::nullopt, std::nullopt};
    c.title = "Spread the knowledge of " + m.name + ": pair with " + a.top;
    c.why.push_back(a.top + " made " + percent(share) + " of the module's " +
                    count_of(a.changes, "file change") + " in the history window");
    if (!m.owners.empty()) {
      std::string owners;
      for (const auto& w : m.owners) owners += (owners.empty() ? "" : ", ") + w;
      c.why.push_back("CODEOWNERS: " + owners);
    }
    c.why.push_back("last changed " + a.last_change +
                    (idle <= 0 ? ", the newest change of any scanned file"
                               : ", " + count_of(idle, "day") +
                                     " before the newest change of any scanned file"));
    c.why.push_back("most changed file: " + a.busiest->path + " (" +
                    count_of(a.busiest->history->commits, "commit") + ")");
    c.first_step = "Pair with " + a.top + " on the next change to " + a.busiest->path +
                   ", and write down in the module's README what you learned that the code "
                   "does not say.";
    c.effort = "S";
    c.newcomer_friendly = true;  // the classic onboarding task: learn it from its author
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace stepup
