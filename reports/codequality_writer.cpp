#include "reports/codequality_writer.h"

#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace stepup {

using Json = nlohmann::ordered_json;

const char* codequality_severity(TaskLevel level, int score) {
  if (level == TaskLevel::kGateFailure) return "blocker";
  if (level == TaskLevel::kHighRisk) return "critical";
  if (score >= kHighScore) return "major";
  if (score >= kMinorScore) return "minor";
  return "info";
}

void write_codequality(const Report& r, std::ostream& out) {
  TaskLevels levels(r);
  Json issues = Json::array();
  std::set<std::string> fingerprints;
  for (const Candidate& c : r.candidates) {
    // Ids are unique by construction; should two tasks ever share one, the
    // second is told apart by its kind, which is as stable as the id.
    std::string fingerprint = c.id;
    if (!fingerprints.insert(fingerprint).second) {
      fingerprint += ":" + c.kind;
      fingerprints.insert(fingerprint);
    }
    // A module task points at the module's folder ("." for the root).
    std::string path = c.target.file             ? *c.target.file
                       : c.target.module.empty() ? std::string(".")
                                                 : c.target.module;
    int line = c.target.file && c.target.line && *c.target.line > 0 ? *c.target.line : 1;
    issues.push_back({{"description", c.title + " (score " + std::to_string(c.score) + ", effort " +
                                          c.effort + ")"},
                      {"check_name", c.rule},
                      {"fingerprint", fingerprint},
                      {"severity", codequality_severity(levels.of(c), c.score)},
                      {"location", {{"path", path}, {"lines", {{"begin", line}}}}}});
  }
  out << issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace stepup
