#include "reports/comment_writer.h"

#include <algorithm>
#include <cstdio>

#include "reports/markdown_writer.h"

namespace stepup {
namespace {

constexpr size_t kTextBytes = 200;  ///< a title or message, before escaping
constexpr size_t kNameBytes = 160;  ///< a path or name in a code span
constexpr size_t kReserve = 2000;   ///< for the headings and notes after a table
constexpr size_t kMaxFiles = 15;    ///< changed files listed per table or list
constexpr size_t kMaxRanges = 8;    ///< line ranges per file

/// Cuts text to at most max bytes on a UTF-8 boundary, marking the cut.
std::string clip(const std::string& text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

/// Replaces the controls that reorder displayed text (U+200E, U+200F,
/// U+202A-U+202E, U+2066-U+2069: "Trojan Source") with U+FFFD.
std::string without_bidi(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    auto at = [&](size_t k) {
      return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
    };
    unsigned char b1 = at(1), b2 = at(2);
    bool bidi = at(0) == 0xE2 &&
                ((b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) ||
                 (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9));
    if (bidi) {
      out += "\xEF\xBF\xBD";
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool is_fraction_gate(const std::string& expression) {
  return expression.rfind("line-coverage", 0) == 0 || expression.rfind("patch-coverage", 0) == 0;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

/// "4-6, 9, 12" (at most kMaxRanges ranges, then "…").
std::string line_ranges(const std::vector<int>& lines) {
  std::string out;
  size_t ranges = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t j = i;
    while (j + 1 < lines.size() && lines[j + 1] == lines[j] + 1) ++j;
    if (ranges++ == kMaxRanges) return out + ", …";
    out += (out.empty() ? "" : ", ") + std::to_string(lines[i]);
    if (j > i) out += "-" + std::to_string(lines[j]);
    i = j;
  }
  return out;
}

/// The comment under construction: rows are added while they fit.
struct Body {
  std::string text;
  int left_out = 0;
  void add(const std::string& s) { text += s; }
  void row(const std::string& s) {
    if (text.size() + s.size() + kReserve > kCommentMaxBytes) {
      ++left_out;
    } else {
      text += s;
    }
  }
};

void write_gate(const Report& r, Body& body) {
  bool failed =
      std::any_of(r.gate.begin(), r.gate.end(), [](const GateCheck& g) { return g.failed; });
  if (r.gate.empty()) {
    body.add("## stepup\n\n");
    return;
  }
  body.add(failed ? "## stepup: quality gate failed ❌\n\n"
                  : "## stepup: quality gate passed ✅\n\n");
  body.add("| check | measured | result |\n|---|---|---|\n");
  for (const GateCheck& g : r.gate) {
    std::string measured = !g.measured                      ? comment_text(g.message)
                           : is_fraction_gate(g.expression) ? markdown_percent(*g.measured)
                                                            : number(*g.measured);
    body.row("| " + comment_code(g.expression) + " | " + measured + " | " +
             (g.failed ? "❌ failed" : "✅ passed") + " |\n");
  }
  body.add("\n");
}

/// A repository name as a code span, cleaned and cut (outside tables).
std::string code_span(const std::string& text) {
  return markdown_code(clip(without_bidi(text), kNameBytes));
}

/// "`a`, `b` and 3 more".
std::string file_list(const std::vector<std::string>& paths) {
  std::string out;
  for (size_t i = 0; i < paths.size() && i < kMaxFiles; ++i) {
    out += (i ? ", " : "") + code_span(paths[i]);
  }
  if (paths.size() > kMaxFiles) out += " and " + std::to_string(paths.size() - kMaxFiles) + " more";
  return out;
}

void write_patch(const Report& r, Body& body) {
  if (!r.patch) return;
  const PatchSummary& p = *r.patch;
  body.add("### Patch coverage\n\n" + markdown_patch_sentence(p) + "\n\n");
  std::vector<const PatchFileCoverage*> missed;
  for (const PatchFileCoverage& f : p.file_coverage) {
    if (!f.uncovered.empty()) missed.push_back(&f);
  }
  std::stable_sort(missed.begin(), missed.end(),
                   [](auto* a, auto* b) { return a->uncovered.size() > b->uncovered.size(); });
  if (!missed.empty()) {
    body.add("| changed file | changed lines run | not run |\n|---|---|---|\n");
    for (size_t i = 0; i < missed.size() && i < kMaxFiles; ++i) {
      const PatchFileCoverage& f = *missed[i];
      body.row("| " + comment_code(f.path) + " | " + std::to_string(f.lines_covered) + " of " +
               std::to_string(f.executable_lines) + (f.stale ? " (stale coverage)" : "") + " | " +
               line_ranges(f.uncovered) + " |\n");
    }
    body.add("\n");
    if (missed.size() > kMaxFiles) {
      body.add(std::to_string(missed.size() - kMaxFiles) +
               " more changed file(s) have lines no test ran.\n\n");
    }
  }
  if (!p.files_without_coverage.empty()) {
    body.row("No coverage data for these changed files (not counted above): " +
             file_list(p.files_without_coverage) + ".\n\n");
  }
  if (!p.stale_files.empty()) {
    body.row("Coverage older than the source, so every changed code line counts as not run: " +
             file_list(p.stale_files) + ".\n\n");
  }
}

std::string where(const Candidate& c) {
  if (!c.target.file) return comment_code(c.target.module);
  return comment_code(*c.target.file + (c.target.line ? ":" + std::to_string(*c.target.line) : ""));
}

void write_tasks(const Report& r, Body& body) {
  std::vector<const Candidate*> shown;
  for (const Candidate& c : r.candidates) {
    if (!r.resolved || (c.status && *c.status == "new")) shown.push_back(&c);
  }
  const char* heading = r.resolved ? "New tasks since the baseline"
                        : r.patch  ? "Top tasks on the changed code"
                                   : "Top tasks";
  const char* none = r.resolved ? "No new task since the baseline."
                     : r.patch  ? "No task on the changed code."
                                : "No task found.";
  body.add(std::string("### ") + heading + "\n\n");
  if (r.resolved) body.add(markdown_baseline_sentence(r) + "\n\n");
  if (shown.empty()) {
    body.add(std::string(none) + "\n\n");
    return;
  }
  size_t n = std::min(shown.size(), static_cast<size_t>(std::max(0, r.top)));
  body.add("| # | score | task | where | effort |\n|---|---|---|---|---|\n");
  for (size_t i = 0; i < n; ++i) {
    const Candidate& c = *shown[i];
    body.row("| " + std::to_string(c.rank) + " | " + std::to_string(c.score) + " | " +
             comment_text(c.title) + " | " + where(c) + " | " + comment_text(c.effort) + " |\n");
  }
  body.add("\n");
  if (n < shown.size()) {
    body.add("Showing " + std::to_string(n) + " of " + std::to_string(shown.size()) +
             "; the report lists them all.\n\n");
  }
}

}  // namespace

std::string comment_text(const std::string& text) {
  std::string out;
  for (char c : markdown_cell(clip(without_bidi(text), kTextBytes))) {
    if (c == '$') {
      out += "\\$";
    } else if (c == '@') {
      out += "@\xE2\x80\x8B";  // U+200B: "@\u200Bname" mentions no one
    } else {
      out += c;
    }
  }
  return out;
}

std::string comment_code(const std::string& text) {
  // A table row is split at every pipe that does not end an odd run of
  // backslashes, even inside a code span, and `\|` then loses its
  // backslash: so each pipe is preceded by an odd run.
  std::string out;
  size_t backslashes = 0;
  for (char c : code_span(text)) {
    if (c == '|') out += backslashes % 2 ? "\\\\" : "\\";
    backslashes = c == '\\' ? backslashes + 1 : 0;
    out += c;
  }
  return out;
}

void write_comment(const Report& r, std::ostream& out) {
  Body body;
  body.add(std::string(kCommentMarker) + "\n");
  write_gate(r, body);
  write_patch(r, body);
  write_tasks(r, body);
  if (body.left_out > 0) {
    body.add("_" + std::to_string(body.left_out) +
             " row(s) left out to keep this comment under GitHub's size limit; the report has "
             "them._\n\n");
  }
  out << body.text;
}

}  // namespace stepup
