#include "reports/csv_writer.h"

namespace stepup {
namespace {

// Jira's priorities from the common score scale (docs/scoring.md).
const char* priority(int score) {
  if (score >= 80) return "Highest";
  if (score >= 60) return "High";
  if (score >= 30) return "Medium";
  return "Low";
}

int story_points(const std::string& effort) {
  if (effort == "S") return 1;
  if (effort == "M") return 3;
  return 8;
}

}  // namespace

std::string csv_field(const std::string& text) {
  std::string s = text;
  if (!s.empty() &&
      (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')) {
    s = "'" + s;
  }
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void write_csv(const Report& r, std::ostream& out) {
  out << "Summary,Description,Issue Type,Priority,Labels,Component,Story Points,"
         "stepup id,rank,score,kind,rule,module,file,line,function,effort,"
         "newcomer_friendly,status\r\n";
  for (const Candidate& c : r.candidates) {
    std::string description = "Why:\n";
    for (const auto& w : c.why) description += "- " + w + "\n";
    description += "\nFirst step: " + c.first_step;
    std::string labels = "stepup " + c.kind + " effort-" + c.effort;
    if (c.newcomer_friendly) labels += " good-first-issue";
    const std::string fields[] = {c.title,
                                  description,
                                  "Task",
                                  priority(c.score),
                                  labels,
                                  c.target.module,
                                  std::to_string(story_points(c.effort)),
                                  c.id,
                                  std::to_string(c.rank),
                                  std::to_string(c.score),
                                  c.kind,
                                  c.rule,
                                  c.target.module,
                                  c.target.file.value_or(""),
                                  c.target.line ? std::to_string(*c.target.line) : "",
                                  c.target.function.value_or(""),
                                  c.effort,
                                  c.newcomer_friendly ? "true" : "false",
                                  c.status.value_or("")};
    bool first = true;
    for (const auto& f : fields) {
      out << (first ? "" : ",") << csv_field(f);
      first = false;
    }
    out << "\r\n";
  }
}

}  // namespace stepup
