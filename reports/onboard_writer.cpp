#include "reports/onboard_writer.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "reports/markdown_writer.h"
#include "reports/ticket_writer.h"

namespace stepup {
namespace {

using Json = nlohmann::ordered_json;

std::string module_name(const std::string& m) { return m.empty() ? "." : m; }

std::string count(int64_t n, const std::string& one) {
  return std::to_string(n) + " " + one + (n == 1 ? "" : "s");
}

std::string teaches(const OnboardStep& s) {
  std::string out = "module " + markdown_code(module_name(s.module));
  if (!s.concepts.empty()) {
    out += ": ";
    for (size_t i = 0; i < s.concepts.size(); ++i) out += (i ? ", " : "") + markdown_cell(s.concepts[i]);
  }
  return out;
}

// A ticket under the plan's heading: its title ("# ...") becomes
// "### <label>: ...", followed by note when given; its other headings go
// two levels down.
std::string nested(const std::string& label, const std::string& ticket,
                   const std::string& note = "") {
  std::string out;
  std::istringstream in(ticket);
  std::string line;
  bool fence = false, titled = false;
  while (std::getline(in, line)) {
    if (line.rfind("```", 0) == 0) fence = !fence;
    if (!titled && line.rfind("# ", 0) == 0) {
      out += "### " + label + ": " + line.substr(2) + "\n";
      if (!note.empty()) out += "\n" + note + "\n";
      titled = true;
      continue;
    }
    out += (!fence && !line.empty() && line[0] == '#' ? "##" : "") + line + "\n";
  }
  return out;
}

}  // namespace

std::string onboard_markdown(const Report& r, const OnboardPlan& plan) {
  std::ostringstream out;
  out << "# Onboarding plan";
  if (!plan.team.empty()) out << " for " << markdown_cell(plan.team);
  if (!plan.module.empty()) out << ", module " << markdown_code(plan.module);
  out << "\n\n";
  if (r.commit) out << "From the scan of commit " << markdown_code(r.commit->substr(0, 12)) << ". ";
  out << "Read first, then take the solo tickets, then the pair tickets.\n";

  out << "\n## Must-read\n\n";
  if (plan.must_read.empty()) out << "No production file in scope.\n";
  for (size_t i = 0; i < plan.must_read.size(); ++i) {
    const MustRead& m = plan.must_read[i];
    out << i + 1 << ". " << markdown_code(m.path);
    for (const std::string& p : m.paired) out << " + " << markdown_code(p);
    out << " (module " << markdown_code(module_name(m.module)) << "): called from "
        << count(m.callers, "function") << " in other files, included by "
        << count(m.includers, "file") << ", " << count(m.commits, "commit") << ".";
    if (!m.main_author.empty()) out << " Ask " << markdown_cell(m.main_author) << ".";
    out << "\n";
    if (!m.summary.empty()) {
      out << "   > " << markdown_cell(m.summary) << " (" << markdown_cell(m.summary_from) << ")\n";
    }
  }

  out << "\n## Solo tickets\n\nSmall, local and well defined: one to take alone.\n";
  for (size_t i = 0; i < plan.solo.size(); ++i) {
    out << "\n" << nested("Solo " + std::to_string(i + 1), render_ticket(r, *plan.solo[i].task));
  }
  out << "\n## Pair tickets\n\nIn knowledge silos or central code: one to take with the person "
         "who knows it.\n";
  for (size_t i = 0; i < plan.pair.size(); ++i) {
    const OnboardTicket& t = plan.pair[i];
    std::string with = "**Pair with " +
                       (t.pair_with.empty()
                            ? std::string("whoever knows it: the history window names no person "
                                          "for it (no commits, or an automated account's)")
                            : markdown_cell(t.pair_with)) +
                       "**: " + markdown_cell(t.why_pair) + ".";
    out << "\n" << nested("Pair " + std::to_string(i + 1), render_ticket(r, *t.task), with);
  }

  out << "\n## First week\n\n| Day | Do | What | Teaches |\n|---|---|---|---|\n";
  for (const OnboardStep& s : plan.first_week) {
    out << "| " << s.day << " | " << s.action << " | "
        << (s.action == "read" ? markdown_code(s.what) : markdown_cell(s.what)) << " | "
        << teaches(s) << " |\n";
  }
  if (!plan.notes.empty()) {
    out << "\n## Notes\n\n";
    for (const std::string& n : plan.notes) out << "- " << markdown_cell(n) << "\n";
  }
  return out.str();
}

std::string onboard_json(const Report& r, const OnboardPlan& plan) {
  Json must = Json::array(), solo = Json::array(), pair = Json::array(), week = Json::array();
  for (const MustRead& m : plan.must_read) {
    must.push_back({{"path", m.path},
                    {"paired", m.paired},
                    {"module", m.module},
                    {"callers", m.callers},
                    {"includers", m.includers},
                    {"commits", m.commits},
                    {"centrality", m.centrality},
                    {"summary", m.summary},
                    {"summary_from", m.summary_from},
                    {"main_author", m.main_author}});
  }
  auto ticket = [&](const OnboardTicket& t) {
    return Json{{"id", t.task->id},
                {"title", t.task->title},
                {"kind", t.task->kind},
                {"effort", t.task->effort},
                {"ticket", render_ticket(r, *t.task)}};
  };
  for (const OnboardTicket& t : plan.solo) solo.push_back(ticket(t));
  for (const OnboardTicket& t : plan.pair) {
    Json j = ticket(t);
    j["pair_with"] = t.pair_with;
    j["why_pair"] = t.why_pair;
    pair.push_back(std::move(j));
  }
  for (const OnboardStep& s : plan.first_week) {
    week.push_back({{"day", s.day},
                    {"action", s.action},
                    {"what", s.what},
                    {"module", s.module},
                    {"concepts", s.concepts}});
  }
  Json j{{"schema", "stepup-onboard/1"},
         {"team", plan.team},
         {"module", plan.module},
         {"must_read", std::move(must)},
         {"solo", std::move(solo)},
         {"pair", std::move(pair)},
         {"first_week", std::move(week)},
         {"notes", plan.notes}};
  return j.dump(2) + "\n";
}

}  // namespace stepup
