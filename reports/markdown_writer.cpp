#include "reports/markdown_writer.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace stepup {

std::string markdown_cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '|':
        out += "\\|";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '#':
      case '!':
      case '~':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string markdown_code(const std::string& text) {
  std::string body;
  size_t longest = 0, run = 0;
  for (char c : text) {
    body += (c == '\n' || c == '\r') ? ' ' : c;
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return fence + (pad ? " " + body + " " : body) + fence;
}

std::string markdown_percent(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", fraction * 100);
  return buf;
}

std::string markdown_patch_sentence(const PatchSummary& p) {
  std::ostringstream out;
  out << "**Patch since " << markdown_code(p.base) << ":** " << p.files_changed << " file(s), "
      << p.lines_changed << " changed line(s), " << p.executable_lines << " executable";
  if (p.line_coverage) out << ", line coverage " << markdown_percent(*p.line_coverage);
  if (p.branch_coverage) out << ", branch coverage " << markdown_percent(*p.branch_coverage);
  out << ".";
  return out.str();
}

std::string markdown_baseline_sentence(const Report& r) {
  if (!r.resolved) return "";
  int fresh = 0, worse = 0;
  for (const Candidate& c : r.candidates) {
    fresh += c.status && *c.status == "new";
    worse += c.status && *c.status == "worsened";
  }
  return "**Since the baseline:** " + std::to_string(fresh) + " new, " + std::to_string(worse) +
         " worsened, " + std::to_string(r.resolved->size()) + " resolved.";
}

namespace {

// "Production code: 40 files, 300 functions, 9000 code lines, line
// coverage 81.0% (all code: 95 files, 85.2%). " The figures are production
// code's (docs/roles.md); all code is said beside them when it differs.
void write_size(const Report& r, std::ostream& out) {
  const Summary& s = r.summary;
  out << "Production code: " << s.files << " files, " << s.functions << " functions, "
      << s.code_lines << " code lines";
  if (s.line_coverage) out << ", line coverage " << markdown_percent(*s.line_coverage);
  if (s.all_code_files != s.files) {
    out << " (all code: " << s.all_code_files << " files";
    if (s.all_code_line_coverage)
      out << ", line coverage " << markdown_percent(*s.all_code_line_coverage);
    out << ")";
  }
  out << ". ";
}

void write_gate(const Report& r, std::ostream& out) {
  if (r.gate.empty()) return;
  bool failed =
      std::any_of(r.gate.begin(), r.gate.end(), [](const GateCheck& g) { return g.failed; });
  out << "**Quality gate: " << (failed ? "failed" : "passed") << "**\n\n";
  for (const GateCheck& g : r.gate) {
    out << "- " << (g.failed ? "❌ " : "✅ ") << markdown_code(g.expression) << ": "
        << markdown_cell(g.message) << "\n";
  }
  out << "\n";
}

void write_patch(const Report& r, std::ostream& out) {
  if (!r.patch) return;
  const PatchSummary& p = *r.patch;
  out << markdown_patch_sentence(p) << "\n\n";
  if (!p.files_without_coverage.empty()) {
    out << "Changed files with no coverage data at all (not counted above):\n";
    for (const auto& f : p.files_without_coverage) out << "- " << markdown_code(f) << "\n";
    out << "\n";
  }
}

void write_baseline(const Report& r, std::ostream& out) {
  if (!r.resolved) return;
  out << markdown_baseline_sentence(r) << "\n\n";
  int shown = 0;
  for (const Candidate& c : r.candidates) {
    if (!c.status || *c.status == "unchanged" || shown >= std::max(0, r.top)) continue;
    if (shown++ == 0) out << "| status | score | kind | task |\n|---|---|---|---|\n";
    out << "| " << *c.status << " | " << c.score << " | " << c.kind << " | "
        << markdown_cell(c.title) << " |\n";
  }
  if (shown) out << "\n";
}

}  // namespace

void write_markdown(const Report& r, std::ostream& out) {
  out << "## stepup: where to step up next\n\n";
  write_gate(r, out);
  write_size(r, out);
  out << r.summary.candidates << " candidate task(s).\n\n";
  std::string missing;
  const SignalsPresent& g = r.signals;
  for (const auto& [name, present] :
       {std::pair<const char*, bool>{"coverage", g.coverage}, {"git history", g.history}}) {
    if (!present) missing += std::string(missing.empty() ? "" : ", ") + name;
  }
  if (!missing.empty()) {
    out << "Signals missing: " << missing << " (scores use what the scan had; see "
        << "docs/scoring.md).\n\n";
  }
  write_patch(r, out);
  write_baseline(r, out);
  if (!r.candidates.empty()) {
    out << "| # | score | kind | task | effort | newcomer |\n"
        << "|---|---|---|---|---|---|\n";
    size_t n = std::min<size_t>(r.candidates.size(), static_cast<size_t>(std::max(0, r.top)));
    for (size_t i = 0; i < n; ++i) {
      const Candidate& c = r.candidates[i];
      out << "| " << c.rank << " | " << c.score << " | " << c.kind << " | "
          << markdown_cell(c.title) << " | " << c.effort << " | "
          << (c.newcomer_friendly ? "yes" : "no") << " |\n";
    }
    out << '\n';
  }
  int warnings = 0;
  for (const auto& d : r.diagnostics) {
    if (d.level != Diagnostic::Level::kInfo) ++warnings;
  }
  if (warnings > 0) {
    out << warnings << " warning(s) or error(s) about the scan itself; see report.json.\n";
  }
}

}  // namespace stepup
