#include "reports/ticket_writer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <regex>
#include <set>
#include <sstream>

#include "reports/markdown_writer.h"
#include "reports/test_skeleton.h"

namespace stepup {
namespace {

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

// Prose whose `backticked` parts are code: each part escaped its own way.
std::string prose(const std::string& text) {
  std::string out;
  size_t at = 0;
  for (bool in_code = false; at <= text.size(); in_code = !in_code) {
    size_t tick = text.find('`', at);
    std::string part = text.substr(at, tick == std::string::npos ? std::string::npos : tick - at);
    out += in_code && !part.empty() ? markdown_code(part) : markdown_cell(part);
    if (tick == std::string::npos) break;
    at = tick + 1;
  }
  return out;
}

// The skeleton section of an add-tests ticket: the choices, then the code.
void write_skeleton(std::ostringstream& out, const Report& r, const Candidate& c) {
  SkeletonPlan p = plan_skeleton(r, c);
  if (!p.focus) return;
  const TestFramework& fw = p.framework;
  out << "\n## Test skeleton (" << framework_title(fw.name) << ")\n\n";
  if (!p.reach.empty())
    out << "- Reaching " << markdown_code(p.focus->name) << ": " << prose(p.reach) << "\n";
  if (!p.entry) {
    out << "\nNo skeleton: a test has no function to call.\n";
    return;
  }
  out << "- Framework: " << framework_title(fw.name)
      << (fw.assumed ? " (assumed: no test uses a known framework)" : "") << ": "
      << markdown_cell(fw.evidence) << ".";
  if (fw.assumed) {
    out << " The project's test build has no such framework yet: build this file into a test "
           "binary of its own, with "
        << (fw.name == "catch2-v2" ? "`#define CATCH_CONFIG_MAIN` before the include in one file"
                                   : "`Catch2::Catch2WithMain` linked")
        << ".";
  }
  out << "\n"
      << "- File: " << markdown_code(p.test_file) << ": " << prose(p.test_file_why) << ".\n";
  if (!p.include.empty()) {
    out << "- Include: "
        << markdown_code(p.include_angled ? "<" + p.include + ">" : "\"" + p.include + "\"") << ": "
        << prose(p.include_why) << ".\n";
  } else {
    out << "- Include: none: " << prose(p.include_why)
        << (p.declaration.empty()
                ? ": declare it in the test before calling it."
                : ": the skeleton carries its declaration, as written at its definition.")
        << "\n";
  }
  if (p.entry_file->built && !*p.entry_file->built) {
    out << "- Build: " << markdown_code(p.entry_file->path)
        << " is in no compile-database entry's build, so the skeleton cannot be checked against "
           "it here.\n";
  }
  out << "- One " << (fw.name == "googletest" || fw.name == "boost-test" ? "test" : "section")
      << " per decision no test takes yet, quoted from " << markdown_code(p.focus_file->path)
      << "; each is marked unwritten, so it fails or shows as skipped until it is written.\n";
  std::string code = render_skeleton(p);
  std::string fence = fence_for(code);
  out << "\n" << fence << "cpp\n" << code << fence << "\n";
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
    if (fn && fn->coverage && fn->coverage->lines_total > 0 &&
        fn->coverage->lines_covered * 5 < fn->coverage->lines_total * 4) {
      done.push_back("Line coverage of the function rises from " +
                     percent(fn->coverage->lines_covered, fn->coverage->lines_total) +
                     " to at least 80%, and every branch line listed below is taken both ways.");
    } else if (fn && fn->coverage && fn->coverage->lines_total > 0) {
      // Already at 80% or more: what is left is the lines and branches named.
      done.push_back("Every line and branch outcome this ticket names runs in a test (line "
                     "coverage of the function is " +
                     percent(fn->coverage->lines_covered, fn->coverage->lines_total) +
                     " today).");
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
  if (c.kind == "add-tests") write_skeleton(out, r, c);
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
