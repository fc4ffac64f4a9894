#include "reports/markdown_writer.h"

#include <algorithm>

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

void write_markdown(const Report& r, std::ostream& out) {
  out << "## stepup: where to step up next\n\n";
  out << r.summary.files << " files, " << r.summary.functions << " functions, "
      << r.summary.code_lines << " code lines";
  if (r.summary.line_coverage) {
    out << ", line coverage " << static_cast<int>(*r.summary.line_coverage * 1000 + 0.5) / 10.0
        << "%";
  }
  out << ". " << r.summary.candidates << " candidate task(s).\n\n";
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
