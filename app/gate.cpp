#include "app/gate.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "model/errors.h"

namespace stepup {
namespace {

struct Metric {
  const char* name;
  bool fraction;  ///< 0..1, not a count
};
constexpr Metric kMetrics[] = {{"max-score", false},
                               {"new-candidates", false},
                               {"line-coverage", true},
                               {"patch-coverage", true}};

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

bool holds(double v, const std::string& op, double t) {
  if (op == "<") return v < t;
  if (op == "<=") return v <= t;
  if (op == ">") return v > t;
  return v >= t;
}

std::string listed(const std::vector<std::string>& paths) {
  std::string out;
  for (size_t i = 0; i < paths.size() && i < 3; ++i) out += (i ? ", " : "") + paths[i];
  if (paths.size() > 3) out += " and " + std::to_string(paths.size() - 3) + " more";
  return out;
}

// A coverage gate never passes on stale data: patch coverage already
// counts a stale file's changed lines as uncovered, and says so; line
// coverage cannot, so it fails.
void say_stale(const Report& r, const std::string& metric, GateCheck& check) {
  if (metric == "patch-coverage" && r.patch && !r.patch->stale_files.empty()) {
    check.message += "; the coverage of " + listed(r.patch->stale_files) +
                     " is older than the source, so their changed lines count as uncovered";
    return;
  }
  if (metric != "line-coverage") return;
  std::vector<std::string> stale;
  for (const FileFacts& f : r.files) {
    if (f.coverage && f.coverage->stale) stale.push_back(f.path);
  }
  if (stale.empty()) return;
  check.failed = true;
  check.message +=
      "; but the coverage of " + listed(stale) + " is older than the source, so the gate fails";
}

// The candidates that make a failed check fail: for max-score, those whose
// own score meets the expression; for new-candidates, the new ones. A
// coverage check is about lines, not one task: it names none.
std::vector<std::string> failing_candidates(const Report& r, const GateExpr& e) {
  std::vector<std::string> ids;
  for (const Candidate& c : r.candidates) {
    bool fails = e.metric == "max-score"        ? holds(c.score, e.op, e.threshold)
                 : e.metric == "new-candidates" ? c.status && *c.status == "new"
                                                : false;
    if (fails) ids.push_back(c.id);
  }
  return ids;
}

}  // namespace

GateExpr parse_gate(const std::string& text) {
  GateExpr e;
  e.text = text;
  size_t at = text.find_first_of("<>");
  if (at == std::string::npos) {
    throw UsageError("--fail-on '" + text +
                     "': expected METRIC<N, <=, > or >= (e.g. max-score>=70)");
  }
  e.metric = text.substr(0, at);
  size_t num = at + 1 + (at + 1 < text.size() && text[at + 1] == '=');
  e.op = text.substr(at, num - at);
  const Metric* metric = nullptr;
  for (const Metric& m : kMetrics) {
    if (e.metric == m.name) metric = &m;
  }
  if (!metric) {
    throw UsageError("--fail-on '" + text + "': unknown metric '" + e.metric +
                     "' (known: max-score, new-candidates, line-coverage, patch-coverage)");
  }
  std::string value = text.substr(num);
  char* end = nullptr;
  e.threshold = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0' || !std::isfinite(e.threshold) || e.threshold < 0 ||
      (metric->fraction && e.threshold > 1)) {
    throw UsageError("--fail-on '" + text + "': '" + value + "' is not " +
                     (metric->fraction ? "a fraction from 0 to 1" : "a number >= 0"));
  }
  return e;
}

std::vector<GateCheck> evaluate_gate(const Report& r, const std::vector<GateExpr>& exprs) {
  std::vector<GateCheck> out;
  for (const GateExpr& e : exprs) {
    GateCheck check;
    check.expression = e.text;
    std::string what;
    if (e.metric == "max-score") {
      int best = 0;
      for (const Candidate& c : r.candidates) best = std::max(best, c.score);
      check.measured = best;
      what = "max score";
    } else if (e.metric == "new-candidates") {
      int fresh = 0;
      for (const Candidate& c : r.candidates) fresh += c.status && *c.status == "new";
      check.measured = fresh;
      what = "new candidates";
    } else if (e.metric == "line-coverage") {
      check.measured = r.summary.line_coverage;  // production code's (docs/roles.md)
      what = "production line coverage";
    } else {
      if (r.patch) check.measured = r.patch->line_coverage;
      what = "patch line coverage";
    }
    if (!check.measured) {
      bool no_lines = e.metric == "patch-coverage" && r.patch;
      check.failed = !no_lines;
      check.message = no_lines ? what + ": no changed executable line, nothing to measure"
                               : what + ": no coverage data to measure, so the gate fails";
    } else {
      check.failed = holds(*check.measured, e.op, e.threshold);
      check.message = what + " " + number(*check.measured) + (check.failed ? " " : " not ") + e.op +
                      " " + number(e.threshold);
    }
    say_stale(r, e.metric, check);
    if (check.failed) check.candidates = failing_candidates(r, e);
    out.push_back(std::move(check));
  }
  return out;
}

}  // namespace stepup
