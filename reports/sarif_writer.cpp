#include "reports/sarif_writer.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "reports/task_level.h"

namespace stepup {
namespace {

using Json = nlohmann::ordered_json;

const char* sarif_level(TaskLevel level) {
  switch (level) {
    case TaskLevel::kGateFailure:
      return "error";
    case TaskLevel::kHighRisk:
      return "warning";
    case TaskLevel::kSuggestion:
      break;
  }
  return "note";
}

// A repo-relative path as a URI reference: everything but unreserved
// characters and '/' percent-encoded.
std::string uri_encode(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// text cut to at most max bytes, at a UTF-8 character boundary, with a
// note saying where the rest is.
std::string capped(std::string text, size_t max) {
  static const std::string kCut = "\n[cut: the full text is in report.json]";
  if (text.size() <= max) return text;
  size_t end = max - kCut.size();
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text + kCut;
}

// A reportingDescriptor: what the rule finds (the registry's description),
// why it matters and how to act (rules/rule_help.cpp), as text and Markdown.
Json rule_descriptor(const RuleSummary& rule) {
  std::string text =
      rule.description + "\n\nWhy it matters: " + rule.why + "\n\nHow to act: " + rule.how;
  std::string markdown = "**What it finds.** " + rule.description + "\n\n**Why it matters.** " +
                         rule.why + "\n\n**How to act.** " + rule.how;
  std::vector<std::string> tags = rule.tags;
  if (tags.size() > kSarifMaxTags) tags.resize(kSarifMaxTags);
  return {{"id", rule.id},
          {"name", rule.id},
          {"shortDescription",
           {{"text", rule.short_description.empty() ? rule.id : rule.short_description}}},
          {"fullDescription", {{"text", rule.description}}},
          {"help", {{"text", text}, {"markdown", markdown}}},
          {"defaultConfiguration", {{"level", "note"}}},
          {"properties", {{"kind", rule.kind}, {"tags", tags}}}};
}

Json result_for(const Report& r, const Candidate& c, const TaskLevels& levels) {
  std::string text = c.title;
  for (const auto& w : c.why) text += "\n- " + w;
  text += "\nFirst step: " + c.first_step;
  Json result{{"ruleId", c.rule},
              {"level", sarif_level(levels.of(c))},
              {"message", {{"text", capped(std::move(text), kSarifMaxMessage)}}}};
  for (size_t i = 0; i < r.rules.size(); ++i) {
    if (r.rules[i].id == c.rule) result["ruleIndex"] = static_cast<int>(i);
  }
  // A module-level task points at the module's folder: code scanning
  // needs a location for every result.
  std::string uri = c.target.file             ? uri_encode(*c.target.file)
                    : c.target.module.empty() ? std::string("./")
                                              : uri_encode(c.target.module) + "/";
  Json physical{{"artifactLocation", {{"uri", uri}, {"uriBaseId", "SRCROOT"}}}};
  if (c.target.file && c.target.line && *c.target.line > 0) {
    physical["region"] = {{"startLine", *c.target.line}};
  }
  result["locations"] = Json::array({{{"physicalLocation", physical}}});
  if (c.status) {  // --baseline: SARIF's own vocabulary for it
    result["baselineState"] = *c.status == "new"        ? "new"
                              : *c.status == "worsened" ? "updated"
                                                        : "unchanged";
  }
  result["partialFingerprints"] = {{"stepupCandidateId/v1", c.id}};
  result["properties"] = {{"kind", c.kind},
                          {"score", c.score},
                          {"rank", c.rank},
                          {"effort", c.effort},
                          {"newcomer_friendly", c.newcomer_friendly}};
  return result;
}

}  // namespace

void write_sarif(const Report& r, std::ostream& out) {
  Json rules = Json::array();
  for (const auto& rule : r.rules) rules.push_back(rule_descriptor(rule));
  TaskLevels levels(r);
  Json results = Json::array();
  size_t written = std::min(r.candidates.size(), kSarifMaxResults);
  for (size_t i = 0; i < written; ++i) results.push_back(result_for(r, r.candidates[i], levels));
  Json run{
      {"tool", {{"driver", {{"name", "stepup"}, {"version", r.tool_version}, {"rules", rules}}}}},
      {"originalUriBaseIds", {{"SRCROOT", {{"uri", "file://" + uri_encode(r.repo_root) + "/"}}}}},
  };
  if (written < r.candidates.size()) {
    std::string note =
        "stepup found " + std::to_string(r.candidates.size()) + " tasks; the " +
        std::to_string(r.candidates.size() - written) + " ranked below " +
        std::to_string(kSarifMaxResults) + " are left out (GitHub code scanning accepts " +
        std::to_string(kSarifMaxResults) + " results per run); report.json has them all";
    run["invocations"] =
        Json::array({{{"executionSuccessful", true},
                      {"toolExecutionNotifications",
                       Json::array({{{"level", "note"}, {"message", {{"text", note}}}}})}}});
  }
  run["results"] = std::move(results);
  Json doc{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", Json::array({std::move(run)})},
  };
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace stepup
