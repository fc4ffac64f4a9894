#include "scanner/coverage/llvm_cov.h"

#include <cxxabi.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <initializer_list>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "model/errors.h"
#include "scanner/common/input_text.h"
#include "scanner/common/skipped_records.h"

namespace stepup {
namespace {

using nlohmann::json;

constexpr std::string_view kExportType = "llvm.coverage.json.export";
constexpr const char* kSupportedVersions = "2.0.0, 2.0.1 and 3.x";
constexpr int64_t kMaxCount = std::numeric_limits<int64_t>::max();

// A run of lines covered by one region costs two segments, so a short
// document can name millions of lines; real exports spend far more than a
// byte per line. The budget stops a corrupt or hostile one from making us
// fill memory with lines no source file has.
constexpr int64_t kMinLineBudget = int64_t{1} << 20;
constexpr int64_t kLinesPerByte = 64;

// llvm-cov's CoverageSegment: where the count changes, and to what.
struct Segment {
  int line = 0;
  int64_t count = 0;
  bool has_count = false;
  bool region_entry = false;
  bool gap = false;
};

// What every reader needs: where messages point and what is left to spend.
struct Context {
  const std::string& name;
  int64_t line_budget = 0;
  bool clamped = false;    // some count of the current file did not fit
  SkippedRecords skipped;  // segments, branches, regions, functions with odd values
};

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw InputError(where + ": " + what);
}

// Where a value sits, spelled out only when it is wrong: a large export has
// millions of segments, and a message string for each would cost more than
// reading them.
struct Where {
  const std::string& base;  // "<export>: <source file>" or "<export>: function <name>"
  const char* item = nullptr;
  size_t index = 0;
};

std::string spelled(const Where& where) {
  if (!where.item) return where.base;
  return where.base + ": " + where.item + " " + std::to_string(where.index);
}

[[noreturn]] void fail(const Where& where, const std::string& what) { fail(spelled(where), what); }

// Counts a value that is well-formed JSON but odd (a negative count, a
// string where a number goes): its tuple is skipped.
void odd(const Where& where, const json& value, const std::string& what, Context& ctx) {
  ctx.skipped.skip(spelled(where), value.dump(), what);
}

json parse_document(std::string_view text, const std::string& name) {
  return parse_json_input(text, name, "llvm-cov export");
}

const json& field(const json& object, const char* key, const std::string& where) {
  auto it = object.find(key);
  if (it == object.end()) fail(where, std::string("missing \"") + key + "\"");
  return *it;
}

const json& array_field(const json& object, const char* key, const std::string& where) {
  const json& value = field(object, key, where);
  if (!value.is_array()) fail(where, std::string("\"") + key + "\" is not an array");
  return value;
}

std::string string_field(const json& object, const char* key, const std::string& where) {
  const json& value = field(object, key, where);
  if (!value.is_string()) fail(where, std::string("\"") + key + "\" is not a string");
  return value.get<std::string>();
}

// Counts are uint64 in LLVM's profiles; reading them as doubles would lose
// digits, so only nlohmann's integer kinds are accepted.
std::optional<int64_t> read_count(const json& value, const Where& where, Context& ctx) {
  if (value.is_number_unsigned()) {
    auto n = value.get<uint64_t>();
    if (n > static_cast<uint64_t>(kMaxCount)) {
      ctx.clamped = true;
      return kMaxCount;
    }
    return static_cast<int64_t>(n);
  }
  odd(where, value, value.is_number_integer() ? "negative count" : "count is not a whole number",
      ctx);
  return std::nullopt;
}

// A line or column: 1-based in llvm-cov, but 0 is harmless and tolerated.
std::optional<int> read_position(const json& value, const Where& where, Context& ctx) {
  if (!value.is_number_unsigned() || value.get<uint64_t>() > INT_MAX) {
    odd(where, value, "line or column is not a number from 0 to " + std::to_string(INT_MAX), ctx);
    return std::nullopt;
  }
  return static_cast<int>(value.get<uint64_t>());
}

std::optional<bool> read_flag(const json& value, const Where& where, Context& ctx) {
  if (!value.is_boolean()) {
    odd(where, value, "not true or false", ctx);
    return std::nullopt;
  }
  return value.get<bool>();
}

const json& tuple_at(const json& list, size_t i, size_t min_size, const std::string& where,
                     const char* list_name) {
  const json& t = list[i];
  if (!t.is_array() || t.size() < min_size) {
    fail(where + ": " + list_name, "entry " + std::to_string(i) + " is not an array of at least " +
                                       std::to_string(min_size) + " values");
  }
  return t;
}

int64_t add_clamped(int64_t a, int64_t b, Context& ctx) {
  if (a > kMaxCount - b) {
    ctx.clamped = true;
    return kMaxCount;
  }
  return a + b;
}

// [line, col, count, hasCount, isRegionEntry(, isGapRegion)]: the sixth
// value came later (2.0.0 exports may lack it).
std::vector<Segment> read_segments(const json& list, const std::string& where, Context& ctx) {
  std::vector<Segment> segments;
  segments.reserve(list.size());
  for (size_t i = 0; i < list.size(); ++i) {
    const json& t = tuple_at(list, i, 5, where, "segments");
    Where at{where, "segment", i};
    std::optional<int> line = read_position(t[0], at, ctx);
    std::optional<int> column = line ? read_position(t[1], at, ctx) : std::nullopt;
    std::optional<int64_t> count = column ? read_count(t[2], at, ctx) : std::nullopt;
    std::optional<bool> has_count = count ? read_flag(t[3], at, ctx) : std::nullopt;
    std::optional<bool> entry = has_count ? read_flag(t[4], at, ctx) : std::nullopt;
    std::optional<bool> gap = !entry         ? std::nullopt
                              : t.size() > 5 ? read_flag(t[5], at, ctx)
                                             : std::optional<bool>(false);
    if (!gap) continue;
    Segment s;
    s.line = *line;
    s.count = *count;
    s.has_count = *has_count;
    s.region_entry = *entry;
    s.gap = *gap;
    // The line walk below needs lines in order; llvm-cov writes them so.
    if (!segments.empty() && s.line < segments.back().line) {
      fail(at, "line " + std::to_string(s.line) + " comes after line " +
                   std::to_string(segments.back().line));
    }
    segments.push_back(s);
  }
  return segments;
}

void spend_lines(int64_t n, const std::string& where, Context& ctx) {
  ctx.line_budget -= n;
  if (ctx.line_budget < 0) {
    fail(where, "segments cover more lines than an export of this size can describe");
  }
}

// LineCoverageIterator and LineCoverageStats (llvm/lib/ProfileData/Coverage/
// CoverageMapping.cpp): a line is executable unless it opens a skipped region
// or no counted region starts on it or wraps into it from the lines before;
// its count is the largest of the wrapped region's count and the counts of the
// non-gap regions that start on it. The wrapped segment is the last one of the
// nearest earlier line that has segments. Lines after the last segment are
// not executable.
void add_line_counts(const std::vector<Segment>& segments, FileCoverage& file,
                     const std::string& where, Context& ctx) {
  auto starts_region = [](const Segment& s) { return !s.gap && s.has_count && s.region_entry; };
  const Segment* wrapped = nullptr;
  size_t i = 0;
  while (i < segments.size()) {
    int line = segments[i].line;
    if (wrapped && wrapped->has_count && int64_t{wrapped->line} + 1 < line) {
      // Lines without segments: only the wrapped region applies.
      spend_lines(line - wrapped->line - 1, where, ctx);
      for (int l = wrapped->line + 1; l < line; ++l) file.lines[l] = wrapped->count;
    }
    size_t begin = i;
    bool starts = false;
    int64_t count = wrapped ? wrapped->count : 0;
    for (; i < segments.size() && segments[i].line == line; ++i) {
      if (starts_region(segments[i])) {
        starts = true;
        count = std::max(count, segments[i].count);
      }
    }
    bool skipped = !segments[begin].has_count && segments[begin].region_entry;
    if (!skipped && (starts || (wrapped && wrapped->has_count))) {
      spend_lines(1, where, ctx);
      file.lines[line] = count;
    }
    wrapped = &segments[i - 1];
  }
}

// Branches by where they are counted: the line that shows them, the column
// of the macro expansion they come from (-1: none), and their own range.
using BranchKey = std::tuple<int, int, int, int, int, int>;
using BranchSums = std::map<BranchKey, std::pair<int64_t, int64_t>>;

// [lineStart, colStart, lineEnd, colEnd, trueCount, falseCount, fileID,
// expandedFileID, kind]. Each template instantiation repeats its branches at
// the same range; they are added, as llvm-cov adds them into the segments.
// In an expansion (`shown` set: its line and column) only the branches of
// the macro's own body count (fileID `body`), shown at the expansion, as
// llvm-cov's lcov export shows them.
void sum_branches(const json& list, BranchSums& sums, const std::string& where, Context& ctx,
                  std::optional<std::pair<int, int>> shown = std::nullopt, int body = 0) {
  for (size_t i = 0; i < list.size(); ++i) {
    const json& t = tuple_at(list, i, 6, where, "branches");
    Where at{where, "branch", i};
    if (shown && (t.size() < 7 || !t[6].is_number_unsigned() ||
                  t[6].get<uint64_t>() != static_cast<uint64_t>(body))) {
      continue;
    }
    std::optional<int> p[4];
    for (int k = 0; k < 4 && (k == 0 || p[k - 1]); ++k) p[k] = read_position(t[k], at, ctx);
    std::optional<int64_t> yes = p[3] ? read_count(t[4], at, ctx) : std::nullopt;
    std::optional<int64_t> no = yes ? read_count(t[5], at, ctx) : std::nullopt;
    if (!no) continue;
    BranchKey key = shown ? BranchKey{shown->first, shown->second, *p[0], *p[1], *p[2], *p[3]}
                          : BranchKey{*p[0], -1, *p[0], *p[1], *p[2], *p[3]};
    auto& [when_true, when_false] = sums[key];
    when_true = add_clamped(when_true, *yes, ctx);
    when_false = add_clamped(when_false, *no, ctx);
  }
}

// {"source_region": [line, col, endLine, endCol, count, fileID,
// expandedFileID, kind], "branches": [...], ...}: macro expansions.
void sum_expansion_branches(const json& list, BranchSums& sums, const std::string& where,
                            Context& ctx) {
  for (size_t i = 0; i < list.size(); ++i) {
    const json& e = list[i];
    if (!e.is_object() || !e.contains("branches") || !e.contains("source_region")) continue;
    const json& region = e["source_region"];
    std::string at = where + ": expansion " + std::to_string(i);
    if (!region.is_array() || region.size() < 7) fail(at, "\"source_region\" is not a region");
    Where w{at};
    std::optional<int> line = read_position(region[0], w, ctx);
    std::optional<int> col = line ? read_position(region[1], w, ctx) : std::nullopt;
    std::optional<int> body = col ? read_position(region[6], w, ctx) : std::nullopt;
    if (!body) continue;
    sum_branches(array_field(e, "branches", at), sums, at, ctx, std::make_pair(*line, *col), *body);
  }
}

void add_branches(const BranchSums& sums, FileCoverage& file) {
  for (const auto& [key, counts] : sums) {
    auto& outcomes = file.branches[std::get<0>(key)];
    for (int64_t count : {counts.first, counts.second}) {
      BranchCount outcome;
      outcome.count = count;
      outcomes.push_back(outcome);
    }
  }
}

// Static functions are named "file.cpp:_ZL3fooi" in the profile; only the part
// after the colon is mangled.
std::string demangle(const std::string& raw) {
  std::string_view mangled = raw;
  size_t colon = mangled.rfind(':');
  if (colon != std::string_view::npos) mangled.remove_prefix(colon + 1);
  if (mangled.substr(0, 2) != "_Z") return raw;  // C names and main
  int status = 0;
  char* out = abi::__cxa_demangle(std::string(mangled).c_str(), nullptr, nullptr, &status);
  if (status != 0 || out == nullptr) {
    std::free(out);
    return raw;
  }
  std::string name(out);
  std::free(out);
  return name;
}

// Where the function starts: its first region in its own file (file ID 0; the
// others are files its macros expand from). Returns 0 for a function without
// one, which has nothing to place.
int function_line(const json& regions, const std::string& where, Context& ctx) {
  int line = 0;
  for (size_t i = 0; i < regions.size(); ++i) {
    const json& t = tuple_at(regions, i, 6, where, "regions");
    Where at{where, "region", i};
    std::optional<int> start = read_position(t[0], at, ctx);
    std::optional<int> file = start ? read_position(t[5], at, ctx) : std::nullopt;
    if (file && *file == 0 && (line == 0 || *start < line)) line = *start;
  }
  return line;
}

struct Files {
  std::vector<FileCoverage> list;
  std::map<std::string, size_t> index;                        // path -> position in list
  std::vector<bool> clamped;                                  // parallel to list
  std::vector<bool> listed;                                   // parallel: read from a "files" entry
  std::map<std::pair<size_t, int>, FunctionCount> functions;  // by (file, line)
};

size_t file_for(const std::string& path, Files& files) {
  auto [it, added] = files.index.emplace(path, files.list.size());
  if (added) {
    files.list.push_back(FileCoverage{});
    files.list.back().path = path;
    files.clamped.push_back(false);
    files.listed.push_back(false);
  }
  return it->second;
}

void read_file(const json& entry, size_t i, Files& files, Context& ctx) {
  std::string where = ctx.name + ": file " + std::to_string(i);
  if (!entry.is_object()) fail(where, "not an object");
  std::string path = string_field(entry, "filename", where);
  where = ctx.name + ": " + path;
  size_t at = file_for(path, files);
  if (files.listed[at]) fail(where, "listed twice");
  files.listed[at] = true;
  if (!entry.contains("segments")) {
    fail(where, "no \"segments\" (was the export made with -summary-only?)");
  }
  ctx.clamped = false;
  FileCoverage& file = files.list[at];
  add_line_counts(read_segments(array_field(entry, "segments", where), where, ctx), file, where,
                  ctx);
  BranchSums sums;
  if (entry.contains("branches"))
    sum_branches(array_field(entry, "branches", where), sums, where, ctx);
  if (entry.contains("expansions")) {
    sum_expansion_branches(array_field(entry, "expansions", where), sums, where, ctx);
  }
  add_branches(sums, file);
  if (ctx.clamped) files.clamped[at] = true;
}

// Adds the function records up, one FunctionCount per (file, line): the
// instantiations of a template share the definition's line.
void read_functions(const json& list, Files& files, Context& ctx) {
  for (size_t i = 0; i < list.size(); ++i) {
    std::string where = ctx.name + ": function " + std::to_string(i);
    const json& record = list[i];
    if (!record.is_object()) fail(where, "not an object");
    std::string raw = string_field(record, "name", where);
    where = ctx.name + ": function " + raw;
    const json& filenames = array_field(record, "filenames", where);
    if (filenames.empty() || !filenames[0].is_string()) {
      fail(where, "\"filenames\" does not start with a file name");
    }
    ctx.clamped = false;
    std::optional<int64_t> count = read_count(field(record, "count", where), Where{where}, ctx);
    int line = function_line(array_field(record, "regions", where), where, ctx);
    if (!count || line == 0) continue;
    size_t file = file_for(filenames[0].get<std::string>(), files);
    FunctionCount& f = files.functions[{file, line}];
    std::string name = demangle(raw);
    // The instantiations' names differ in their template arguments; the
    // smallest is kept so the result does not depend on record order.
    if (f.name.empty() || name < f.name) f.name = name;
    f.line = line;
    f.count = add_clamped(f.count, *count, ctx);
    if (ctx.clamped) files.clamped[file] = true;
  }
}

std::string checked_version(const json& doc, const std::string& name) {
  if (!doc.is_object()) fail(name, "an llvm-cov export is a JSON object");
  auto type = doc.find("type");
  if (type == doc.end() || !type->is_string() || type->get<std::string>() != kExportType) {
    fail(name, std::string("not an llvm-cov export: \"type\" is not \"") +
                   std::string(kExportType) + "\"");
  }
  std::string version = string_field(doc, "version", name);
  if (version != "2.0.0" && version != "2.0.1" && version.rfind("3.", 0) != 0) {
    fail(name, "llvm-cov export version \"" + version +
                   "\" is not supported (supported: " + kSupportedVersions + ")");
  }
  return version;
}

}  // namespace

CoverageData import_llvm_cov(std::string_view text, const std::string& name) {
  json doc = parse_document(text, name);
  CoverageData out;
  out.format = "llvm-cov " + checked_version(doc, name);
  int64_t budget =
      std::max<int64_t>(kMinLineBudget, kLinesPerByte * static_cast<int64_t>(text.size()));
  Context ctx{name, budget, false, {}};
  Files files;
  const json& data = array_field(doc, "data", name);
  for (size_t d = 0; d < data.size(); ++d) {
    std::string where = name + ": data " + std::to_string(d);
    if (!data[d].is_object()) fail(where, "not an object");
    const json& file_list = array_field(data[d], "files", where);
    for (size_t i = 0; i < file_list.size(); ++i) read_file(file_list[i], i, files, ctx);
    // -skip-functions leaves them out; lines and branches stand without them.
    if (data[d].contains("functions")) {
      read_functions(array_field(data[d], "functions", where), files, ctx);
    }
  }
  for (auto& [key, f] : files.functions) files.list[key.first].functions.push_back(std::move(f));
  for (size_t i = 0; i < files.list.size(); ++i) {
    if (!files.clamped[i]) continue;
    Diagnostic d;
    d.level = Diagnostic::Level::kWarning;
    d.source = "coverage";
    d.message = name + ": " + files.list[i].path + ": counts above " + std::to_string(kMaxCount) +
                " were clamped to it";
    out.diagnostics.push_back(std::move(d));
  }
  ctx.skipped.report(name, "coverage", out.diagnostics);
  out.files = std::move(files.list);
  return out;
}

}  // namespace stepup
