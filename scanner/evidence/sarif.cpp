#include "scanner/evidence/sarif.h"

#include <climits>
#include <nlohmann/json.hpp>

#include "model/errors.h"
#include "scanner/common/input_text.h"
#include "scanner/common/skipped_records.h"

namespace stepup {
namespace {

using nlohmann::json;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool has_scheme(std::string_view uri) {
  size_t colon = uri.find("://");
  return colon != std::string_view::npos && colon > 1 &&
         uri.find_first_of("/\\") > colon;  // not "C:\x" nor "dir/a://b"
}

/// Walks one SARIF log; every type error names its JSON path.
class SarifReader {
 public:
  SarifReader(std::string_view text, const std::string& name) : text_(text), name_(name) {}

  FindingsData read() {
    json doc = parse_json_input(text_, name_, "SARIF");
    if (!doc.is_object() || !doc.contains("runs") || !doc["runs"].is_array()) {
      throw InputError(name_ + ": not SARIF (no top-level \"runs\" array)");
    }
    if (doc.contains("version")) {
      const json& v = doc["version"];
      if (!v.is_string() || v.get<std::string>().rfind("2.", 0) != 0) {
        throw InputError(name_ + ": SARIF version " + v.dump() + " is not supported (2.1.0 is)");
      }
    }
    out_.format = "sarif";
    const json& runs = doc["runs"];
    for (size_t r = 0; r < runs.size(); ++r) read_run(runs[r], "runs[" + std::to_string(r) + "]");
    skipped_.report(name_, "findings", out_.diagnostics);
    return std::move(out_);
  }

 private:
  /// A value of the wrong type or range inside one result: the result is
  /// skipped and counted (lenient with data), not the whole file refused.
  struct OddValue {
    std::string where, what;
  };

  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    if (in_result_) throw OddValue{path, what};
    throw InputError(name_ + ": " + path + ": " + what);
  }

  // obj[key] when present and not null, checked to be `kind`.
  const json* child(const json& obj, const char* key, json::value_t kind,
                    const std::string& path) const {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return nullptr;
    bool ok =
        it->type() == kind || (kind == json::value_t::number_integer && it->is_number_unsigned());
    if (!ok) fail(path + "." + key, std::string("must be ") + json(kind).type_name());
    return &*it;
  }
  std::string text(const json& obj, const char* key, const std::string& path) const {
    const json* v = child(obj, key, json::value_t::string, path);
    return v ? v->get<std::string>() : std::string();
  }

  void read_run(const json& run, const std::string& path) {
    if (!run.is_object()) fail(path, "must be an object");
    run_ = &run;
    run_path_ = path;
    tool_ = "sarif";
    rules_ = nullptr;
    if (const json* tool = child(run, "tool", json::value_t::object, path)) {
      if (const json* driver = child(*tool, "driver", json::value_t::object, path + ".tool")) {
        std::string n = text(*driver, "name", path + ".tool.driver");
        if (!n.empty()) tool_ = n;
        rules_ = child(*driver, "rules", json::value_t::array, path + ".tool.driver");
      }
    }
    const json* results = child(run, "results", json::value_t::array, path);
    if (!results) return;
    for (size_t i = 0; i < results->size(); ++i) {
      const json& result = (*results)[i];
      std::string at = path + ".results[" + std::to_string(i) + "]";
      if (!result.is_object()) fail(at, "must be an object");
      in_result_ = true;
      try {
        read_result(result, at);
      } catch (const OddValue& odd) {
        skipped_.skip(odd.where, result.dump(), odd.what);
      }
      in_result_ = false;
    }
  }

  bool suppressed(const json& result, const std::string& path) const {
    const json* list = child(result, "suppressions", json::value_t::array, path);
    if (!list) return false;
    for (const json& s : *list) {
      if (!s.is_object()) fail(path + ".suppressions", "must hold objects");
      auto st = s.find("status");
      if (st == s.end() || !st->is_string() || st->get<std::string>() == "accepted") return true;
    }
    return false;
  }

  std::string rule_of(const json& result, const std::string& path) const {
    std::string id = text(result, "ruleId", path);
    if (!id.empty()) return id;
    if (const json* rule = child(result, "rule", json::value_t::object, path)) {
      id = text(*rule, "id", path + ".rule");
      if (!id.empty()) return id;
    }
    if (const json* idx = child(result, "ruleIndex", json::value_t::number_integer, path)) {
      int64_t i = idx->get<int64_t>();
      if (rules_ && i >= 0 && static_cast<size_t>(i) < rules_->size() && (*rules_)[i].is_object()) {
        return text((*rules_)[i], "id",
                    run_path_ + ".tool.driver.rules[" + std::to_string(i) + "]");
      }
    }
    return {};
  }

  void read_result(const json& result, const std::string& path) {
    if (!result.is_object()) fail(path, "must be an object");
    std::string kind = text(result, "kind", path);
    if ((!kind.empty() && kind != "fail") || suppressed(result, path)) {
      ++out_.skipped;
      return;
    }
    StaticFinding f;
    f.tool = tool_;
    f.rule = rule_of(result, path);
    if (const json* msg = child(result, "message", json::value_t::object, path)) {
      f.message = text(*msg, "text", path + ".message");
    }
    const json* locations = child(result, "locations", json::value_t::array, path);
    if (!locations || locations->empty() ||
        !read_location((*locations)[0], path + ".locations[0]", &f)) {
      ++out_.skipped;
      return;
    }
    out_.findings.push_back(std::move(f));
  }

  bool read_location(const json& loc, const std::string& path, StaticFinding* f) const {
    if (!loc.is_object()) fail(path, "must be an object");
    const json* phys = child(loc, "physicalLocation", json::value_t::object, path);
    if (!phys) return false;
    std::string pp = path + ".physicalLocation";
    const json* art = child(*phys, "artifactLocation", json::value_t::object, pp);
    if (!art) return false;
    f->path = artifact_path(*art, pp + ".artifactLocation", 0);
    if (f->path.empty()) return false;
    if (const json* region = child(*phys, "region", json::value_t::object, pp)) {
      f->line = number(*region, "startLine", pp + ".region");
      f->column = number(*region, "startColumn", pp + ".region");
    }
    return true;
  }

  int number(const json& obj, const char* key, const std::string& path) const {
    const json* v = child(obj, key, json::value_t::number_integer, path);
    if (!v) return 0;
    bool out_of_range = v->is_number_unsigned()
                            ? v->get<uint64_t>() > INT_MAX
                            : (v->get<int64_t>() < 0 || v->get<int64_t>() > INT_MAX);
    if (out_of_range) {
      fail(path + "." + key, "out of range: " + v->dump());
    }
    return static_cast<int>(v->get<int64_t>());
  }

  // uri + uriBaseId, or an index into run.artifacts.
  std::string artifact_path(const json& art, const std::string& path, int depth) const {
    std::string uri = text(art, "uri", path);
    if (uri.empty()) {
      const json* idx = child(art, "index", json::value_t::number_integer, path);
      const json* artifacts = child(*run_, "artifacts", json::value_t::array, run_path_);
      if (!idx || !artifacts || depth > 0) return {};
      int64_t i = idx->get<int64_t>();
      if (i < 0 || static_cast<size_t>(i) >= artifacts->size()) {
        fail(path + ".index", "no artifact " + std::to_string(i));
      }
      std::string ap = run_path_ + ".artifacts[" + std::to_string(i) + "]";
      const json& a = (*artifacts)[i];
      if (!a.is_object()) fail(ap, "must be an object");
      const json* loc = child(a, "location", json::value_t::object, ap);
      return loc ? artifact_path(*loc, ap + ".location", depth + 1) : std::string();
    }
    return resolve(uri, text(art, "uriBaseId", path), 0);
  }

  // A relative URI continues its base's URI, itself possibly relative to
  // another base (bounded: a cycle of ids must not loop).
  std::string resolve(const std::string& uri, const std::string& base_id, int depth) const {
    if (has_scheme(uri) || uri.rfind('/', 0) == 0 || base_id.empty() || depth > 8) {
      return sarif_uri_to_path(uri);
    }
    const json* bases = child(*run_, "originalUriBaseIds", json::value_t::object, run_path_);
    if (!bases || !bases->contains(base_id)) return sarif_uri_to_path(uri);
    std::string bp = run_path_ + ".originalUriBaseIds." + base_id;
    const json& base = (*bases)[base_id];
    if (!base.is_object()) fail(bp, "must be an object");
    std::string base_uri = text(base, "uri", bp);
    if (base_uri.empty()) return sarif_uri_to_path(uri);
    if (base_uri.back() != '/') base_uri += '/';
    return resolve(base_uri + uri, text(base, "uriBaseId", bp), depth + 1);
  }

  std::string_view text_;
  const std::string& name_;
  FindingsData out_;
  const json* run_ = nullptr;
  const json* rules_ = nullptr;
  std::string run_path_, tool_;
  bool in_result_ = false;
  SkippedRecords skipped_;
};

}  // namespace

std::string sarif_uri_to_path(std::string_view uri) {
  if (uri.rfind("file://", 0) == 0) {
    std::string_view rest = uri.substr(7);
    size_t slash = rest.find('/');  // "file://host/path": the host is dropped
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    std::string path = percent_decode(rest);
    // "file:///C:/src/a.cc" names "C:/src/a.cc".
    if (path.size() >= 3 && path[0] == '/' && path[2] == ':') path.erase(0, 1);
    return path;
  }
  return percent_decode(uri);
}

FindingsData import_sarif(std::string_view text, const std::string& name) {
  return SarifReader(text, name).read();
}

}  // namespace stepup
