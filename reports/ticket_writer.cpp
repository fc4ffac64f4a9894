#include "reports/ticket_writer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <regex>
#include <set>
#include <sstream>

#include "reports/markdown_writer.h"

namespace stepup {
namespace {

constexpr size_t kMaxSections = 12;

const FileFacts* file_of(const Report& r, const Candidate& c) {
  if (!c.target.file) return nullptr;
  for (const FileFacts& f : r.files) {
    if (f.path == *c.target.file) return &f;
  }
  return nullptr;
}

const FunctionFacts* function_of(const FileFacts* file, const Candidate& c) {
  if (!file || !c.target.function) return nullptr;
  const FunctionFacts* best = nullptr;
  for (const FunctionFacts& fn : file->functions) {
    if (fn.qualified_name != *c.target.function) continue;
    if (!best || (c.target.line && fn.line == *c.target.line)) best = &fn;
  }
  return best;
}

// Line n (1-based) of text, without its newline and outer blanks.
std::string line_text(const std::string& text, int n) {
  size_t start = 0;
  for (int i = 1; i < n; ++i) {
    start = text.find('\n', start);
    if (start == std::string::npos) return "";
    ++start;
  }
  size_t end = text.find('\n', start);
  std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  size_t a = line.find_first_not_of(" \t\r");
  size_t b = line.find_last_not_of(" \t\r");
  return a == std::string::npos ? "" : line.substr(a, b - a + 1);
}

// A C++ string literal's body: quotes, backslashes and control bytes escaped.
std::string cxx_string(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  if (out.size() > 90) out = out.substr(0, 87) + "...";
  return out;
}

// A code fence longer than any run of backticks inside the code.
std::string fence_for(const std::string& code) {
  size_t longest = 0, run = 0;
  for (char c : code) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<size_t>(3, longest + 1), '`');
}

std::string where(const Candidate& c) {
  std::string out;
  if (c.target.file) {
    out =
        markdown_code(*c.target.file + (c.target.line ? ":" + std::to_string(*c.target.line) : ""));
  }
  if (c.target.function) out += " (" + markdown_code(*c.target.function) + ")";
  out += (out.empty() ? "module " : ", module ") + markdown_code(c.target.module);
  return out;
}

// The lines a test should reach: branch lines with an outcome never taken,
// then never-run lines that hold a decision; each quoted from the source.
std::vector<int> lines_to_reach(const FileFacts& file, const FunctionFacts& fn) {
  static const std::regex decision(
      R"((^|[^A-Za-z0-9_])(if|for|while|case|catch|switch)([^A-Za-z0-9_]|$)|\?|&&|\|\|)");
  std::set<int> out(fn.partial_branch_lines.begin(), fn.partial_branch_lines.end());
  for (int line : fn.uncovered_lines) {
    if (!file.source.empty() && std::regex_search(line_text(file.source, line), decision)) {
      out.insert(line);
    }
  }
  if (out.empty() && !fn.uncovered_lines.empty()) out.insert(fn.uncovered_lines.front());
  return {out.begin(), out.end()};
}

std::string catch2_skeleton(const FileFacts& file, const FunctionFacts& fn) {
  std::vector<int> lines = lines_to_reach(file, fn);
  std::ostringstream code;
  std::string header = file.path;
  size_t dot = header.rfind('.');
  if (dot != std::string::npos && header.find('/', dot) == std::string::npos) {
    header = header.substr(0, dot) + ".h";
  }
  code << "#include <catch2/catch.hpp>\n\n"
       << "#include \"" << cxx_string(header) << "\"  // the header that declares " << fn.name
       << "\n\n"
       << "TEST_CASE(\"" << cxx_string(fn.qualified_name) << "\", \"[stepup]\") {\n";
  if (lines.empty()) {
    code << "  SECTION(\"runs " << cxx_string(fn.name) << " at all\") {\n"
         << "    // arrange the inputs, call it, assert on the result\n  }\n";
  }
  for (size_t i = 0; i < lines.size() && i < kMaxSections; ++i) {
    std::string text = file.source.empty() ? "" : line_text(file.source, lines[i]);
    bool partial = std::binary_search(fn.partial_branch_lines.begin(),
                                      fn.partial_branch_lines.end(), lines[i]);
    code << "  SECTION(\"line " << lines[i] << ": " << cxx_string(text) << "\") {\n"
         << "    // "
         << (partial ? "take the branch outcome no test takes yet"
                     : "reach this line, which no test runs yet")
         << "\n  }\n";
  }
  if (lines.size() > kMaxSections) {
    code << "  // ... and " << lines.size() - kMaxSections << " more line(s): "
         << "see the report's uncovered_lines\n";
  }
  code << "}\n";
  return code.str();
}

std::string percent(int64_t part, int64_t whole) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", whole ? 100.0 * part / whole : 0.0);
  return buf;
}

}  // namespace

std::vector<std::string> definition_of_done(const Report& r, const Candidate& c) {
  const FunctionFacts* fn = function_of(file_of(r, c), c);
  std::string name = c.target.function ? markdown_code(*c.target.function)
                     : c.target.file   ? markdown_code(*c.target.file)
                                       : "module " + markdown_code(c.target.module);
  std::vector<std::string> done;
  if (c.kind == "add-tests") {
    done.push_back("Tests exercise " + name + " and run in CI.");
    if (fn && fn->coverage && fn->coverage->lines_total > 0) {
      done.push_back("Line coverage of the function rises from " +
                     percent(fn->coverage->lines_covered, fn->coverage->lines_total) +
                     " to at least 80%, and every branch line listed below is taken both ways.");
    } else {
      done.push_back("Coverage of the target reaches at least 80% of its lines.");
    }
  } else if (c.kind == "refactor") {
    done.push_back("Behaviour is unchanged: the existing tests pass before and after.");
    if (fn) {
      done.push_back(name + " has cognitive complexity below 15 (now " +
                     std::to_string(fn->cognitive) + "), or is split into named helpers that are.");
    } else {
      done.push_back("The coupling or complexity named in Why is gone or explained in a comment.");
    }
  } else if (c.kind == "add-instrumentation") {
    done.push_back("Every error path in " + name +
                   " logs or counts what failed, with the values needed to debug it.");
    done.push_back("No catch handler in it swallows an error silently.");
  } else if (c.kind == "investigate-performance") {
    done.push_back("A measurement (benchmark or profile) of " + name + " before and after.");
    done.push_back(
        "The call in the loop is batched, cached or moved out, or the ticket records "
        "why it must stay.");
  } else {
    done.push_back("The work named in First step is merged and reviewed.");
  }
  done.push_back("`stepup scan` no longer lists candidate " + markdown_code(c.id) +
                 ", or ranks it lower for a reason recorded here.");
  return done;
}

std::string render_ticket(const Report& r, const Candidate& c) {
  std::ostringstream out;
  out << "# " << markdown_cell(c.title) << "\n\n"
      << "**" << markdown_cell(c.kind) << "** · score " << c.score << "/100 · effort "
      << markdown_cell(c.effort) << " · "
      << (c.newcomer_friendly ? "newcomer-friendly" : "needs context")
      << (c.status ? " · " + markdown_cell(*c.status) : "") << "\n\n"
      << "Where: " << where(c) << "\n\n## Why\n\n";
  for (const auto& w : c.why) out << "- " << markdown_cell(w) << "\n";
  out << "\n## First step\n\n" << markdown_cell(c.first_step) << "\n\n## Definition of done\n\n";
  for (const auto& d : definition_of_done(r, c)) out << "- [ ] " << d << "\n";
  const FileFacts* file = file_of(r, c);
  const FunctionFacts* fn = function_of(file, c);
  if (c.kind == "add-tests" && !fn && file) {
    // A file-level task: the skeleton starts with its most complex function
    // that has lines no test runs (the one its first step names first).
    for (const FunctionFacts& f : file->functions) {
      if (!f.uncovered_lines.empty() && (!fn || f.cyclomatic > fn->cyclomatic)) fn = &f;
    }
  }
  if (c.kind == "add-tests" && fn) {
    std::string code = catch2_skeleton(*file, *fn);
    std::string fence = fence_for(code);
    out << "\n## Test skeleton (Catch2)\n\n" << fence << "cpp\n" << code << fence << "\n";
  }
  out << "\n<sub>stepup candidate " << markdown_cell(c.id) << " (rule "
      << markdown_cell(c.rule.empty() ? c.kind : c.rule) << ")</sub>\n";
  return out.str();
}

std::vector<std::pair<std::string, std::string>> ticket_files(const Report& r) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t n = std::min<size_t>(r.candidates.size(), static_cast<size_t>(std::max(0, r.top)));
  for (size_t i = 0; i < n; ++i) {
    const Candidate& c = r.candidates[i];
    char rank[16];
    std::snprintf(rank, sizeof rank, "%02d", c.rank);
    std::string safe_kind;
    for (char k : c.kind) safe_kind += std::isalnum(static_cast<unsigned char>(k)) ? k : '-';
    std::string safe_id;
    for (char k : c.id) safe_id += std::isalnum(static_cast<unsigned char>(k)) ? k : '-';
    out.emplace_back(std::string(rank) + "-" + safe_kind + "-" + safe_id + ".md",
                     render_ticket(r, c));
  }
  return out;
}

}  // namespace stepup
