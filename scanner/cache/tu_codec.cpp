#include "scanner/cache/tu_codec.h"

#include <charconv>

#include "scanner/cache/hash.h"

namespace stepup {
namespace {

using json = nlohmann::json;
constexpr std::string_view kMagic = "STEPUPF";

json finding_json(const Finding& f) {
  return json::array({f.kind, f.line, f.detail, f.path_calls, f.failed_call});
}

Finding finding_from(const json& j) {
  return Finding(j.at(0).get<std::string>(), j.at(1).get<int>(), j.at(2).get<std::string>(),
                 j.at(3).get<std::vector<std::string>>(), j.at(4).get<std::string>());
}

json function_json(const FunctionFacts& f) {
  json findings = json::array(), exits = json::array(), calls = json::array(), io = json::array();
  for (const auto& x : f.findings) findings.push_back(finding_json(x));
  for (const auto& e : f.error_exits) {
    exits.push_back(json::array({e.line, e.kind, e.value, e.condition_line, e.condition}));
  }
  for (const auto& c : f.calls)
    calls.push_back(
        json::array({c.callee_usr, c.line, c.is_virtual, c.in_log, c.loop_line, c.conditional}));
  for (const auto& c : f.io_calls) io.push_back(json::array({c.api, c.line, c.conditional}));
  return json::array({f.name, f.qualified_name, f.line, f.end_line, f.cyclomatic, f.cognitive,
                      f.params, f.max_nesting, f.log_calls, findings, f.from_macro, f.trivial,
                      f.internal_linkage, f.is_constexpr, f.is_template, exits, f.usr, calls, io,
                      f.overrides});
}

FunctionFacts function_from(const json& j) {
  FunctionFacts f;
  f.name = j.at(0).get<std::string>();
  f.qualified_name = j.at(1).get<std::string>();
  f.line = j.at(2).get<int>();
  f.end_line = j.at(3).get<int>();
  f.cyclomatic = j.at(4).get<int>();
  f.cognitive = j.at(5).get<int>();
  f.params = j.at(6).get<int>();
  f.max_nesting = j.at(7).get<int>();
  f.log_calls = j.at(8).get<int>();
  for (const auto& x : j.at(9)) f.findings.push_back(finding_from(x));
  f.from_macro = j.at(10).get<bool>();
  f.trivial = j.at(11).get<std::string>();
  f.internal_linkage = j.at(12).get<bool>();
  f.is_constexpr = j.at(13).get<bool>();
  f.is_template = j.at(14).get<bool>();
  for (const auto& e : j.at(15)) {
    f.error_exits.push_back({e.at(0).get<int>(), e.at(1).get<std::string>(),
                             e.at(2).get<std::string>(), e.at(3).get<int>(),
                             e.at(4).get<std::string>()});
  }
  f.usr = j.at(16).get<std::string>();
  for (const auto& c : j.at(17)) {
    f.calls.push_back({c.at(0).get<std::string>(), c.at(1).get<int>(), c.at(2).get<bool>(),
                       c.at(3).get<bool>(), c.at(4).get<int>(), c.at(5).get<bool>()});
  }
  for (const auto& c : j.at(18)) {
    f.io_calls.push_back({c.at(0).get<std::string>(), c.at(1).get<int>(), c.at(2).get<bool>()});
  }
  f.overrides = j.at(19).get<std::vector<std::string>>();
  return f;
}

json decl_json(const DeclFacts& d) {
  return json::array({d.name, d.qualified_name, d.path, d.line, d.variadic, d.format_param,
                      d.logger_param, d.result, d.is_macro, d.calls_log, d.known_log});
}

DeclFacts decl_from(const json& j) {
  DeclFacts d;
  d.name = j.at(0).get<std::string>();
  d.qualified_name = j.at(1).get<std::string>();
  d.path = j.at(2).get<std::string>();
  d.line = j.at(3).get<int>();
  d.variadic = j.at(4).get<bool>();
  d.format_param = j.at(5).get<bool>();
  d.logger_param = j.at(6).get<bool>();
  d.result = j.at(7).get<std::string>();
  d.is_macro = j.at(8).get<bool>();
  d.calls_log = j.at(9).get<bool>();
  d.known_log = j.at(10).get<bool>();
  return d;
}

json file_json(const TuFileFacts& f) {
  json fns = json::array(), incs = json::array();
  for (const auto& fn : f.functions) fns.push_back(function_json(fn));
  for (const auto& r : f.includes)
    incs.push_back(json::array({r.line, r.spelled, r.angled, r.path}));
  return json::array({f.path, fns, incs, f.syntax});
}

TuFileFacts file_from(const json& j) {
  TuFileFacts f;
  f.path = j.at(0).get<std::string>();
  for (const auto& fn : j.at(1)) f.functions.push_back(function_from(fn));
  for (const auto& r : j.at(2)) {
    f.includes.push_back({r.at(0).get<int>(), r.at(1).get<std::string>(), r.at(2).get<bool>(),
                          r.at(3).get<std::string>()});
  }
  f.syntax = j.at(3).get<std::vector<int>>();
  return f;
}

json diagnostic_json(const Diagnostic& d) {
  return json::array(
      {static_cast<int>(d.level), d.source, d.message, d.path ? json(*d.path) : json(nullptr)});
}

Diagnostic diagnostic_from(const json& j) {
  Diagnostic d;
  int level = j.at(0).get<int>();
  if (level < 0 || level > 2) throw std::out_of_range("diagnostic level");
  d.level = static_cast<Diagnostic::Level>(level);
  d.source = j.at(1).get<std::string>();
  d.message = j.at(2).get<std::string>();
  if (!j.at(3).is_null()) d.path = j.at(3).get<std::string>();
  return d;
}

void put_u64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}

uint64_t get_u64(std::string_view in) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

}  // namespace

json tu_facts_to_json(const TuFacts& t) {
  json files = json::array(), decls = json::array(), diags = json::array();
  for (const auto& f : t.files) files.push_back(file_json(f));
  for (const auto& [usr, d] : t.declarations) decls.push_back(json::array({usr, decl_json(d)}));
  for (const auto& d : t.diagnostics) diags.push_back(diagnostic_json(d));
  return json::array({t.included, files, t.error_paths, decls, diags, t.deps, t.probes, t.parsed});
}

TuFacts tu_facts_from_json(const json& j) {
  TuFacts t;
  t.included = j.at(0).get<std::vector<std::string>>();
  for (const auto& f : j.at(1)) t.files.push_back(file_from(f));
  t.error_paths = j.at(2).get<std::vector<std::string>>();
  for (const auto& d : j.at(3)) t.declarations[d.at(0).get<std::string>()] = decl_from(d.at(1));
  for (const auto& d : j.at(4)) t.diagnostics.push_back(diagnostic_from(d));
  t.deps = j.at(5).get<std::vector<std::pair<std::string, std::string>>>();
  t.probes = j.at(6).get<std::vector<std::pair<std::string, std::string>>>();
  t.parsed = j.at(7).get<bool>();
  return t;
}

std::string frame(const json& payload) {
  std::vector<uint8_t> body = json::to_msgpack(payload);
  std::string_view view(reinterpret_cast<const char*>(body.data()), body.size());
  std::string out(kMagic);
  out += std::to_string(kTuFactsFormat);
  out.push_back('\n');
  put_u64(out, body.size());
  out += sha256_hex(view);
  out += view;
  return out;
}

std::optional<json> unframe(std::string_view bytes, std::string* why) {
  std::string head = std::string(kMagic) + std::to_string(kTuFactsFormat) + "\n";
  if (bytes.substr(0, kMagic.size()) != kMagic) {
    *why = "not a stepup facts record";
    return std::nullopt;
  }
  if (bytes.substr(0, head.size()) != head) {
    *why = "written by another facts format (this stepup reads format " +
           std::to_string(kTuFactsFormat) + ")";
    return std::nullopt;
  }
  bytes.remove_prefix(head.size());
  if (bytes.size() < 8 + 64) {
    *why = "cut off in its header";
    return std::nullopt;
  }
  uint64_t size = get_u64(bytes);
  std::string sum(bytes.substr(8, 64));
  bytes.remove_prefix(8 + 64);
  if (bytes.size() != size) {
    *why = "cut off or padded: " + std::to_string(bytes.size()) + " payload bytes of " +
           std::to_string(size);
    return std::nullopt;
  }
  if (sha256_hex(bytes) != sum) {
    *why = "checksum mismatch";
    return std::nullopt;
  }
  try {
    return json::from_msgpack(bytes.begin(), bytes.end());
  } catch (const json::exception& e) {
    *why = std::string("malformed payload: ") + e.what();
    return std::nullopt;
  }
}

}  // namespace stepup
