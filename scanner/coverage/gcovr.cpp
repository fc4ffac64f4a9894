#include "scanner/coverage/gcovr.h"

#include <simdjson.h>

#include <array>
#include <climits>
#include <cstring>

#include "model/errors.h"
#include "scanner/common/input_text.h"
#include "scanner/common/skipped_records.h"

namespace stepup {
namespace {

namespace dom = simdjson::dom;

// Format versions gcovr has written: 0.2 (gcovr 5.0) up to 0.14 (gcovr 8.x).
constexpr int kOldestMinor = 2;
constexpr int kNewestMinor = 14;

// gcovr JSON reports run to hundreds of megabytes on large projects, so this
// importer reads them with simdjson's DOM (an order of magnitude faster
// than nlohmann's); errors are rare and re-parsed for their line:column.
class Reader {
 public:
  explicit Reader(const std::string& name) : name_(name) {}

  CoverageData read(std::string_view text) {
    CoverageData data;
    Layout layout = split_files(text);
    if (!layout.ok) {  // an unusual shape: read it whole, for its errors
      layout.skeleton = std::string(text);
      layout.elements.clear();
    }
    dom::element doc = parse(text, layout.skeleton);
    dom::object top;
    if (doc.get(top)) throw InputError(name_ + ": gcovr JSON is an object");
    data.format = "gcovr-json " + check_version(top);
    size_t i = 0;
    for (dom::element f : array_at(top, "files", name_)) {
      data.files.push_back(read_file(f, name_ + ": files[" + std::to_string(i++) + "]"));
    }
    // One file entry at a time: a small parser buffer that stays in cache
    // instead of a tree of the whole report (which faults in ~6x its size).
    for (const auto& [begin, end] : layout.elements) {
      dom::element f = parse(text, text.substr(begin, end - begin));
      data.files.push_back(read_file(f, name_ + ": files[" + std::to_string(i++) + "]"));
    }
    skipped_.report(name_, "coverage", data.diagnostics);
    if (negatives_ > 0) {
      data.diagnostics.push_back(
          {Diagnostic::Level::kWarning, "coverage",
           name_ + ": " + std::to_string(negatives_) +
               " negative count(s) (gcov writes -1 when threads race on counters) were "
               "counted as executed",
           std::nullopt});
    }
    return data;
  }

 private:
  /// The top-level "files" array's elements, found by a scan that knows
  /// strings and nesting; the rest of the document is parsed on its own.
  struct Layout {
    bool ok = false;
    std::string skeleton;  ///< the document with "files": [] emptied
    std::vector<std::pair<size_t, size_t>> elements;
  };

  static Layout split_files(std::string_view t) {
    static const std::array<bool, 256> kStructural = [] {
      std::array<bool, 256> a{};
      for (char c : std::string_view("\"{}[]:,")) a[static_cast<unsigned char>(c)] = true;
      return a;
    }();
    // Between file entries only commas and blanks may stand.
    auto only_separators = [&](size_t from) {
      size_t next = t.find_first_not_of(", \t\r\n", from);
      return next != std::string_view::npos && (t[next] == '{' || t[next] == '[' || t[next] == ']');
    };
    Layout l;
    const size_t n = t.size(), none = std::string_view::npos;
    int depth = 0;
    size_t key_begin = 0, key_end = 0, open = none, close = none, element = none;
    bool key_is_files = false;
    for (size_t i = 0; i < n; ++i) {
      while (i < n && !kStructural[static_cast<unsigned char>(t[i])]) ++i;
      if (i == n) break;
      char c = t[i];
      if (c == '"') {  // to the closing quote: one not preceded by an odd run of '\\'
        size_t j = i + 1;
        for (;;) {
          const void* q = std::memchr(t.data() + j, '"', n - j);
          if (!q) return l;
          j = static_cast<size_t>(static_cast<const char*>(q) - t.data());
          size_t slashes = 0;
          while (j - slashes - 1 > i && t[j - slashes - 1] == '\\') ++slashes;
          if (slashes % 2 == 0) break;
          ++j;
        }
        if (depth == 1) {
          key_begin = i + 1;
          key_end = j;
        }
        i = j;
        continue;
      }
      bool in_files = open != none && close == none;
      if (c == ':' && depth == 1) {
        key_is_files = t.substr(key_begin, key_end - key_begin) == "files";
      } else if (c == '{' || c == '[') {
        if (depth == 1 && c == '[' && key_is_files && open == none) {
          open = i;
          if (!only_separators(i + 1)) return l;
        } else if (depth == 2 && in_files) {
          element = i;
        }
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth < 0) return l;
        if (depth == 2 && in_files && element != none) {
          l.elements.emplace_back(element, i + 1);
          element = none;
          if (!only_separators(i + 1)) return l;
        } else if (depth == 1 && in_files) {
          close = i;
        }
      }
    }
    if (depth != 0 || open == none || close == none) return l;
    l.skeleton.reserve(n - (close - open) + 1);
    l.skeleton.append(t.substr(0, open + 1)).append(t.substr(close));
    l.ok = true;
    return l;
  }

  // Parses part of the text; a syntax error is reported against the whole
  // text, so its line:column is the file's.
  dom::element parse(std::string_view whole, std::string_view part) {
    buffer_.assign(part.begin(), part.end());
    buffer_.resize(part.size() + simdjson::SIMDJSON_PADDING);
    dom::element doc;
    if (auto error = parser_.parse(buffer_.data(), part.size(), false).get(doc)) {
      parse_json_input(whole, name_, "JSON");  // throws with line:column
      throw InputError(name_ + ": malformed JSON: " + simdjson::error_message(error));
    }
    return doc;
  }

  std::string check_version(dom::object top) {
    std::string_view v;
    if (top["gcovr/format_version"].get(v)) {
      throw InputError(name_ + ": no \"gcovr/format_version\": not gcovr JSON output");
    }
    int minor = -1;
    if (v.size() > 2 && v.size() < 6 && v.substr(0, 2) == "0." &&
        v.find_first_not_of("0123456789", 2) == std::string_view::npos) {
      minor = std::stoi(std::string(v.substr(2)));
    }
    if (minor < kOldestMinor || minor > kNewestMinor) {
      throw InputError(name_ + ": gcovr JSON format version \"" + std::string(v) +
                       "\" is not supported (supported: 0." + std::to_string(kOldestMinor) +
                       " to 0." + std::to_string(kNewestMinor) + ", gcovr 5.0 to 8.x)");
    }
    return std::string(v);
  }

  // The array under key; an absent key reads as an empty array. (A
  // default-constructed dom::array has no tape: never iterate one.)
  static std::vector<dom::element> array_at(dom::object obj, const char* key,
                                            const std::string& where) {
    std::vector<dom::element> out;
    dom::element e;
    if (obj[key].get(e)) return out;
    dom::array a;
    if (e.get(a)) throw InputError(where + ": \"" + key + "\" is not an array");
    out.reserve(a.size());
    for (dom::element x : a) out.push_back(x);
    return out;
  }

  // A count that is not a whole number, or a line number that is not a
  // positive one, is an odd value: its record is skipped and counted.
  // `line` and `branch` (-1: none) only spell out where an odd count is.
  std::optional<int64_t> count_of(dom::element v, const std::string& where, int line = 0,
                                  int branch = -1) {
    int64_t i = 0;
    uint64_t u = 0;
    if (!v.get(i)) return i;
    if (!v.get(u)) return INT64_MAX;  // above int64: saturate
    std::string at = where;
    if (line > 0) at += " line " + std::to_string(line);
    if (branch >= 0) at += " branch " + std::to_string(branch);
    skipped_.skip(at, simdjson::to_string(v), "count is not a whole number");
    return std::nullopt;
  }

  std::optional<int> line_of(dom::element v, const std::string& where) {
    int64_t i = 0;
    if (v.get(i) || i < 1 || i > INT_MAX) {
      skipped_.skip(where, simdjson::to_string(v), "line number is not a positive whole number");
      return std::nullopt;
    }
    return static_cast<int>(i);
  }

  static bool flag(dom::object obj, const char* key) {
    bool b = false;
    return !obj[key].get(b) && b;
  }

  int64_t non_negative(int64_t c) {
    if (c >= 0) return c;
    ++negatives_;
    return 1;  // gcov's -1 from racing counters: it did run
  }

  FileCoverage read_file(dom::element e, std::string where) {
    dom::object f;
    std::string_view path;
    if (e.get(f) || f["file"].get(path)) {
      throw InputError(where + ": an entry needs a \"file\" string");
    }
    FileCoverage fc;
    fc.path = std::string(path);
    where += " (" + fc.path + ")";
    for (dom::element le : array_at(f, "lines", where)) {
      dom::object line;
      if (le.get(line)) throw InputError(where + ": a line entry is not an object");
      read_line(line, where, fc);
    }
    for (dom::element fe : array_at(f, "functions", where)) {
      dom::object fn;
      if (fe.get(fn) || flag(fn, "gcovr/excluded")) continue;
      FunctionCount count;
      // From 8.0 "name" is mangled and "demangled_name" is the readable one.
      std::string_view n;
      if (!fn["demangled_name"].get(n) || !fn["name"].get(n)) count.name = std::string(n);
      dom::element lineno, calls;
      if (fn["lineno"].get(lineno)) throw InputError(where + ": a function has no \"lineno\"");
      std::optional<int> line = line_of(lineno, where + " function " + count.name);
      if (!line) continue;
      count.line = *line;
      if (!fn["execution_count"].get(calls)) {
        std::optional<int64_t> c = count_of(calls, where + " function " + count.name);
        if (!c) continue;
        count.count = non_negative(*c);
      }
      fc.functions.push_back(std::move(count));
    }
    return fc;
  }

  void read_line(dom::object line, const std::string& where, FileCoverage& fc) {
    // One pass over the fields: a report has a million of these objects.
    dom::element number_e, count_e;
    dom::array branches;
    bool has_number = false, has_count = false, has_branches = false;
    for (dom::key_value_pair field : line) {
      std::string_view key = field.key;
      if (key == "line_number") {
        number_e = field.value;
        has_number = true;
      } else if (key == "count") {
        count_e = field.value;
        has_count = true;
      } else if (key == "branches") {
        if (field.value.get(branches)) throw InputError(where + ": \"branches\" is not an array");
        has_branches = true;
      } else if (key == "gcovr/noncode" || key == "gcovr/excluded") {
        // Non-code lines (before gcovr 6.0) and excluded ones are not data.
        bool b = false;
        if (!field.value.get(b) && b) return;
      }
    }
    if (!has_number) throw InputError(where + ": a line has no \"line_number\"");
    if (!has_count) throw InputError(where + ": a line has no \"count\"");
    std::optional<int> number = line_of(number_e, where);
    if (!number) return;
    std::optional<int64_t> hits = count_of(count_e, where, *number);
    if (!hits) return;
    fc.lines[*number] += non_negative(*hits);  // gcovr 8: once per function
    if (!has_branches || branches.size() == 0) return;
    auto& mine = fc.branches[*number];
    size_t k = 0;
    for (dom::element be : branches) {
      dom::object b;
      if (be.get(b)) throw InputError(where + ": a branch entry is not an object");
      BranchCount branch;
      bool has_branch_count = false, odd = false;
      for (dom::key_value_pair field : b) {
        if (field.key == "count") {
          std::optional<int64_t> c = count_of(field.value, where, *number, static_cast<int>(k));
          odd = !c;
          branch.count = c ? non_negative(*c) : 0;
          has_branch_count = true;
        } else if (field.key == "throw") {
          bool t = false;
          branch.exceptional = !field.value.get(t) && t;
        }
      }
      if (!has_branch_count) throw InputError(where + ": a branch entry needs a \"count\"");
      if (odd) continue;  // skipped and counted; the line's other branches stand
      if (k < mine.size()) {
        mine[k].count += branch.count;
      } else {
        mine.push_back(branch);
      }
      ++k;
    }
  }

  std::string name_;
  dom::parser parser_;
  std::vector<char> buffer_;  // padded copy of the part being parsed
  int64_t negatives_ = 0;
  SkippedRecords skipped_;
};

}  // namespace

CoverageData import_gcovr_json(std::string_view text, const std::string& name) {
  return Reader(name).read(text);
}

}  // namespace stepup
