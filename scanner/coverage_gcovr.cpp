#include "scanner/coverage_gcovr.h"

#include <nlohmann/json.hpp>

#include "model/errors.h"
#include "scanner/input_text.h"

namespace stepup {
namespace {

using Json = nlohmann::json;

// Format versions gcovr has written: 0.2 (gcovr 5.0) up to 0.14 (gcovr 8.x).
constexpr int kOldestMinor = 2;
constexpr int kNewestMinor = 14;

void check_version(const Json& doc, const std::string& name) {
  auto it = doc.find("gcovr/format_version");
  if (it == doc.end() || !it->is_string()) {
    throw InputError(name + ": no \"gcovr/format_version\": not gcovr JSON output");
  }
  std::string v = it->get<std::string>();
  int minor = -1;
  if (v.size() > 2 && v.compare(0, 2, "0.") == 0 &&
      v.find_first_not_of("0123456789", 2) == std::string::npos && v.size() < 6) {
    minor = std::stoi(v.substr(2));
  }
  if (minor < kOldestMinor || minor > kNewestMinor) {
    throw InputError(name + ": gcovr JSON format version \"" + v +
                     "\" is not supported (supported: 0." + std::to_string(kOldestMinor) +
                     " to 0." + std::to_string(kNewestMinor) + ", gcovr 5.0 to 8.x)");
  }
}

int64_t count_of(const Json& v, const std::string& where) {
  if (v.is_number_integer()) return v.get<int64_t>();
  if (v.is_number_unsigned()) {
    uint64_t u = v.get<uint64_t>();
    return u > static_cast<uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<int64_t>(u);
  }
  throw InputError(where + ": count is not a whole number: " + v.dump());
}

int line_of(const Json& v, const std::string& where) {
  if (!v.is_number_integer() || v.get<int64_t>() < 1 || v.get<int64_t>() > INT32_MAX) {
    throw InputError(where + ": line number is not a positive whole number: " + v.dump());
  }
  return static_cast<int>(v.get<int64_t>());
}

bool flag(const Json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_boolean() && it->get<bool>();
}

const Json& array_at(const Json& obj, const char* key, const std::string& where) {
  static const Json kEmpty = Json::array();
  auto it = obj.find(key);
  if (it == obj.end()) return kEmpty;
  if (!it->is_array()) throw InputError(where + ": \"" + key + "\" is not an array");
  return *it;
}

}  // namespace

CoverageData import_gcovr_json(std::string_view text, const std::string& name) {
  Json doc = parse_json_input(text, name, "JSON");
  if (!doc.is_object()) throw InputError(name + ": gcovr JSON is an object");
  check_version(doc, name);
  CoverageData data;
  data.format = "gcovr-json " + doc["gcovr/format_version"].get<std::string>();
  const Json& files = array_at(doc, "files", name);
  int64_t negatives = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    const Json& f = files[i];
    std::string where = name + ": files[" + std::to_string(i) + "]";
    if (!f.is_object() || !f.contains("file") || !f["file"].is_string()) {
      throw InputError(where + ": an entry needs a \"file\" string");
    }
    FileCoverage fc;
    fc.path = f["file"].get<std::string>();
    where += " (" + fc.path + ")";
    for (const Json& line : array_at(f, "lines", where)) {
      if (!line.is_object()) throw InputError(where + ": a line entry is not an object");
      // Before gcovr 6.0 non-code lines were listed and flagged; excluded
      // lines (markers in the source) are not coverage data either.
      if (flag(line, "gcovr/noncode") || flag(line, "gcovr/excluded")) continue;
      int number = line_of(line.value("line_number", Json()), where);
      int64_t hits = count_of(line.value("count", Json()), where);
      if (hits < 0) {
        ++negatives;
        hits = 1;  // gcov's -1 from racing counters: the line did run
      }
      fc.lines[number] += hits;  // gcovr 8 lists a line once per function
      auto& branches = fc.branches[number];
      size_t k = 0;
      for (const Json& b : array_at(line, "branches", where)) {
        if (!b.is_object()) throw InputError(where + ": a branch entry is not an object");
        int64_t c = count_of(b.value("count", Json()), where);
        if (c < 0) {
          ++negatives;
          c = 1;
        }
        if (k < branches.size()) {
          branches[k].count += c;
        } else {
          branches.push_back({c, true, flag(b, "throw")});
        }
        ++k;
      }
      if (branches.empty()) fc.branches.erase(number);
    }
    for (const Json& fn : array_at(f, "functions", where)) {
      if (!fn.is_object() || flag(fn, "gcovr/excluded")) continue;
      FunctionCount count;
      // From 8.0 "name" is mangled and "demangled_name" is the readable one.
      auto dn = fn.find("demangled_name");
      auto n = fn.find("name");
      if (dn != fn.end() && dn->is_string()) {
        count.name = dn->get<std::string>();
      } else if (n != fn.end() && n->is_string()) {
        count.name = n->get<std::string>();
      }
      count.line = line_of(fn.value("lineno", Json()), where);
      count.count = count_of(fn.value("execution_count", Json(0)), where);
      if (count.count < 0) count.count = 1;
      fc.functions.push_back(std::move(count));
    }
    data.files.push_back(std::move(fc));
  }
  if (negatives > 0) {
    data.diagnostics.push_back(
        {Diagnostic::Level::kWarning, "coverage",
         name + ": " + std::to_string(negatives) +
             " negative count(s) (gcov writes -1 when threads race on counters) were "
             "counted as executed",
         std::nullopt});
  }
  return data;
}

}  // namespace stepup
