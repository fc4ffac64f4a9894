#include "rules/rule.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace stepup {

bool is_target_file(const Report& report, const FileFacts& file) {
  if (file.built == false) return false;
  return std::find(report.target_roles.begin(), report.target_roles.end(), file.role) !=
         report.target_roles.end();
}

RuleOptions default_options(const RuleInfo& rule) {
  RuleOptions out;
  for (const auto& o : rule.options) out[o.name] = o.default_value;
  return out;
}

std::string candidate_id(const std::string& rule, const std::string& file,
                         const std::string& function) {
  // FNV-1a 64: stable across platforms and runs, unlike std::hash.
  uint64_t h = 14695981039346656037ull;
  for (const std::string* part : {&rule, &file, &function}) {
    for (unsigned char c : *part) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;  // separator, so ("ab","c") != ("a","bc")
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string effort_from_lines(int lines) {
  if (lines <= 40) return "S";
  if (lines <= 120) return "M";
  return "L";
}

std::string effort_from_size(int uncovered, int lines, int params) {
  // A test reaches a handful of lines per case; many parameters mean more
  // set-up per case.
  double work = uncovered + lines / 4.0 + 3.0 * std::max(0, params - 3);
  if (work <= 20) return "S";
  if (work <= 60) return "M";
  return "L";
}

int saturating_score(double x) { return saturating_score_from(0, x); }

int saturating_score_from(double floor, double x) {
  if (!(x > 0)) x = 0;  // also catches NaN
  double s = floor + (100 - floor) * (1 - std::exp(-x));
  return static_cast<int>(std::lround(std::clamp(s, 0.0, 100.0)));
}

std::string line_ranges(std::vector<int> lines, size_t max_ranges) {
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  std::string out;
  size_t ranges = 0;
  for (size_t i = 0; i < lines.size();) {
    size_t j = i;
    while (j + 1 < lines.size() && lines[j + 1] == lines[j] + 1) ++j;
    if (ranges == max_ranges) return out + ", ...";
    if (!out.empty()) out += ", ";
    out += std::to_string(lines[i]);
    if (j > i) out += "-" + std::to_string(lines[j]);
    ++ranges;
    i = j + 1;
  }
  return out;
}

std::string count_of(int64_t n, const std::string& singular, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : (plural.empty() ? singular + "s" : plural));
}

std::string percent(double fraction) {
  return std::to_string(static_cast<int>(std::lround(fraction * 100))) + "%";
}

Churn churn_of(const FileFacts& file, const FunctionFacts* fn) {
  Churn c;
  if (fn && fn->history) {
    c.known = c.of_function = true;
    c.commits = fn->history->commits;
    c.fix_commits = fn->history->fix_commits;
  } else if (file.history) {
    c.known = true;
    c.commits = file.history->commits;
    c.fix_commits = file.history->fix_commits;
  }
  return c;
}

double churn_activity(const Churn& churn, double weight, double cap) {
  if (!churn.known) return 1.0;
  return 0.5 + weight * std::min<double>(static_cast<double>(churn.commits), cap);
}

std::string churn_why(const Churn& churn) {
  if (!churn.known) return "history unknown (no git history): churn and fixes not counted";
  std::string what = churn.of_function ? "this function" : "this file";
  if (churn.commits == 0) return "no commit touched " + what + " in the history window";
  std::string s = count_of(churn.commits, "commit");
  s += churn.fix_commits == 0
           ? ", none of them a bug fix,"
           : ", " + std::to_string(churn.fix_commits) +
                 (churn.fix_commits == 1 ? " of them a bug fix," : " of them bug fixes,");
  return s + " touched " + what + " in the history window";
}

std::optional<double> covered_fraction(const std::optional<Coverage>& c) {
  if (!c) return std::nullopt;
  int64_t total = c->lines_total + c->branches_total;
  if (total <= 0) return std::nullopt;
  return static_cast<double>(c->lines_covered + c->branches_covered) / static_cast<double>(total);
}

int count_findings(const FunctionFacts& fn, const std::string& kind) {
  return static_cast<int>(std::count_if(fn.findings.begin(), fn.findings.end(),
                                        [&](const Finding& f) { return f.kind == kind; }));
}

std::string at(const std::string& file, int line) { return file + ":" + std::to_string(line); }

}  // namespace stepup
