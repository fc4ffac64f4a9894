#include "reports/sarif_writer.h"

#include <cctype>
#include <nlohmann/json.hpp>

namespace stepup {
namespace {

using Json = nlohmann::ordered_json;

// Scores map onto SARIF levels: 70+ error, 40+ warning, the rest note.
const char* level_for(int score) {
  if (score >= 70) return "error";
  if (score >= 40) return "warning";
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

}  // namespace

void write_sarif(const Report& r, std::ostream& out) {
  Json rules = Json::array();
  for (const auto& rule : r.rules) {
    rules.push_back({{"id", rule.id},
                     {"name", rule.id},
                     {"shortDescription", {{"text", rule.description}}},
                     {"properties", {{"kind", rule.kind}}}});
  }
  Json results = Json::array();
  auto rule_index = [&](const std::string& id) {
    for (size_t i = 0; i < r.rules.size(); ++i) {
      if (r.rules[i].id == id) return static_cast<int>(i);
    }
    return -1;
  };
  for (const auto& c : r.candidates) {
    std::string text = c.title;
    for (const auto& w : c.why) text += "\n- " + w;
    text += "\nFirst step: " + c.first_step;
    Json result{{"ruleId", c.rule}, {"level", level_for(c.score)}, {"message", {{"text", text}}}};
    if (int index = rule_index(c.rule); index >= 0) result["ruleIndex"] = index;
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
    results.push_back(std::move(result));
  }
  Json doc{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       Json::array(
           {{{"tool",
              {{"driver", {{"name", "stepup"}, {"version", r.tool_version}, {"rules", rules}}}}},
             {"originalUriBaseIds",
              {{"SRCROOT", {{"uri", "file://" + uri_encode(r.repo_root) + "/"}}}}},
             {"results", results}}})},
  };
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace stepup
