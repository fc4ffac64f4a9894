#include "rules/rule.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>

namespace stepup {

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

void set_score(Candidate& c, double floor, double x, double cap) {
  if (!(x > 0)) x = 0;  // also catches NaN
  double exact = std::clamp(floor + (100 - floor) * (1 - std::exp(-x)), 0.0, cap);
  c.exact_score = exact;
  c.score = static_cast<int>(std::lround(exact));
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

double raising_activity(const Churn& churn, double weight, double cap) {
  if (!churn.known) return 1.0;
  return 1.0 + weight * std::min<double>(static_cast<double>(churn.commits), cap);
}

std::string churn_why(const Churn& churn, const FileFacts& file, const FunctionFacts* fn) {
  if (!churn.known || churn.commits == 0) return "";
  std::string what = churn.of_function && fn ? fn->name : file.path;
  std::string s = count_of(churn.commits, "commit");
  s += churn.fix_commits == 0
           ? (churn.commits == 1 ? ", not a bug fix," : ", none of them a bug fix,")
           : ", " + std::to_string(churn.fix_commits) +
                 (churn.fix_commits == 1 ? " of them a bug fix," : " of them bug fixes,");
  return s + " touched " + what + " in the history window";
}

std::string file_history_why(const FileFacts& file) {
  if (!file.history || file.history->commits == 0) return "";
  const History& h = *file.history;
  if (h.fix_commits == 0) {
    return count_of(h.commits, "commit") + " touched " + file.path + " in the history window";
  }
  return count_of(h.fix_commits, "bug-fix commit") + " of " + count_of(h.commits, "commit") +
         " in the history window (" +
         percent(static_cast<double>(h.fix_commits) / static_cast<double>(h.commits)) + ")";
}

void add_why(std::vector<std::string>& why, std::string line) {
  if (!line.empty()) why.push_back(std::move(line));
}

bool is_target_file(const Report& r, const FileFacts& f) {
  if (f.built && !*f.built) return false;
  return std::find(r.target_roles.begin(), r.target_roles.end(), f.role) != r.target_roles.end();
}

bool serves_tests(const std::string& name) {
  // Split snake_case and camelCase into lower-case words.
  std::vector<std::string> words(1);
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool upper = std::isupper(static_cast<unsigned char>(c)) != 0;
    if (c == '_' || (upper && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1])))) {
      if (!words.back().empty()) words.emplace_back();
      if (c == '_') continue;
    }
    words.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "testing" || (i > 0 && (words[i] == "test" || words[i] == "tests")))
      return true;
  }
  return false;
}

bool is_target_function(const FunctionFacts& fn) {
  return !fn.from_macro && fn.trivial.empty() && !serves_tests(fn.name);
}

std::string executable_lines_why(const Coverage& c) {
  std::string s = count_of(c.lines_total, "executable line") + ", ";
  if (c.lines_covered == 0) return s + "none covered";
  return s + std::to_string(c.lines_covered) + " covered (" +
         percent(static_cast<double>(c.lines_covered) / static_cast<double>(c.lines_total)) + ")";
}

std::string length_why(const FunctionFacts& fn) {
  return std::to_string(fn.end_line - fn.line + 1) + " lines long";
}

std::string parse_errors_why(const FileFacts& f) {
  if (!f.parse_errors) return "";
  return "the parse of " + f.path +
         " had errors: its complexity may be undercounted (score lowered by a third)";
}

namespace {

bool is_header_path(const std::string& p) {
  for (const char* ext : {".h", ".hh", ".hpp", ".hxx", ".inl", ".ipp"}) {
    size_t n = std::string(ext).size();
    if (p.size() > n && p.compare(p.size() - n, n, ext) == 0) return true;
  }
  return false;
}

bool defines_main(const FileFacts& f) {
  for (const FunctionFacts& fn : f.functions) {
    if (fn.qualified_name == "main" || fn.qualified_name == "wmain" ||
        fn.qualified_name == "WinMain") {
      return true;
    }
  }
  return false;
}

}  // namespace

bool is_library_module(const Report& r, const std::string& module, std::string* reason) {
  bool publishes = false, any_program = false;
  for (const FileFacts& f : r.files) {
    // A program no build compiles (contrib/, a sample) makes no application.
    if (f.role != "production" || f.built == false) continue;
    publishes = publishes || (f.path.rfind("include/", 0) == 0 && is_header_path(f.path));
    any_program = any_program || defines_main(f);
  }
  if (!publishes && any_program) return false;  // an application without a public API
  int total = 0, in_programs = 0;
  for (const FileFacts& f : r.files) {
    if (f.module != module || f.role != "production") continue;
    total += f.code_lines;
    if (defines_main(f)) in_programs += f.code_lines;
  }
  if (total == 0 || 2 * in_programs > total) return false;  // a program's own module
  if (reason) {
    *reason = module + " is library code: " +
              (publishes ? std::string("the repository publishes headers under include/")
                         : std::string("no production file defines main()")) +
              ", and the module is not a program's main file";
  }
  return true;
}

std::string known_log_apis(const Report& r) {
  std::string s =
      "glog/absl LOG, spdlog, Boost.Log, LOG_*-style macros, syslog, OpenTelemetry, "
      "prometheus-cpp";
  for (const InferredLogApi& a : r.log_apis) s += ", " + a.name;
  return s + "; add yours as signals.log_functions / log_macros";
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

std::optional<FanIn> fan_in_of(const Report& r, const FunctionFacts& fn) {
  if (!r.call_graph || fn.usr.empty()) return std::nullopt;
  const CallGraph& g = *r.call_graph;
  auto it = g.node_of.find(fn.usr);
  if (it == g.node_of.end()) return std::nullopt;
  std::set<int> callers;
  for (int e : g.callers_of[it->second]) {
    if (g.edges[e].caller != it->second) callers.insert(g.edges[e].caller);
  }
  FanIn fan;
  std::map<std::string, int> modules;
  for (int c : callers) {
    ++fan.callers;
    if (g.nodes[c].role == "test") ++fan.from_tests;
    ++modules[g.nodes[c].module];
  }
  fan.modules.assign(modules.begin(), modules.end());
  std::stable_sort(fan.modules.begin(), fan.modules.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return fan;
}

std::string fan_in_why(const std::optional<FanIn>& fan) {
  if (!fan || fan->callers < 2) return "";
  std::string s = "called from " + std::to_string(fan->callers) + " functions in " +
                  count_of(static_cast<int64_t>(fan->modules.size()), "module") + " (";
  for (size_t i = 0; i < fan->modules.size() && i < 4; ++i) {
    s += (i ? ", " : "") + (fan->modules[i].first.empty() ? "." : fan->modules[i].first) + " " +
         std::to_string(fan->modules[i].second);
  }
  s += fan->modules.size() > 4 ? ", ...)" : ")";
  if (fan->from_tests > 0) {
    s += "; " + std::to_string(fan->from_tests) + " of them in tests";
  }
  return s;
}

std::string effort_with_fan_in(const std::string& effort, const std::optional<FanIn>& fan) {
  if (!fan) return effort;
  if (fan->callers >= 40) return "L";
  if (fan->callers >= 10 && effort == "S") return "M";
  return effort;
}

}  // namespace stepup
