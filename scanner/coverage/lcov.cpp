#include "scanner/coverage/lcov.h"

#include <cxxabi.h>

#include <climits>
#include <cstdlib>
#include <memory>

#include "model/errors.h"
#include "scanner/common/skipped_records.h"
#include "scanner/coverage/counts.h"

namespace stepup {
namespace {

// Only "_Z" names are C++ symbols: __cxa_demangle also decodes type
// encodings, so a C function named "i" or "f" would become "int" or "float".
std::string demangle(const std::string& raw) {
  if (raw.size() < 3 || raw.compare(0, 2, "_Z") != 0) return raw;
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> out(
      abi::__cxa_demangle(raw.c_str(), nullptr, nullptr, &status), std::free);
  return status == 0 && out ? std::string(out.get()) : raw;
}

// Cuts `s` at its first comma; `s` keeps what follows.
std::string_view take_field(std::string_view& s) {
  size_t comma = s.find(',');
  std::string_view field = s.substr(0, comma);
  s = comma == std::string_view::npos ? std::string_view() : s.substr(comma + 1);
  return field;
}

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool is_tag(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

/// One BRDA outcome as written: its block and branch ids identify it.
struct BranchRecord {
  std::string block;   ///< with lcov 2.x's 'e' prefix
  std::string branch;  ///< a number, or an llvm expression in lcov 2.x
  BranchCount count;
};

/// Reads one tracefile, one text line at a time, into CoverageData.
class LcovReader {
 public:
  LcovReader(std::string_view text, const std::string& name) : text_(text), name_(name) {}
  CoverageData read();

 private:
  using Handler = void (LcovReader::*)(std::string_view);
  struct Alias {  // an FNA record, resolved against FNL at end_of_record
    int64_t index;
    int64_t count;
    std::string name;
    size_t at;
    std::string text;
  };

  [[noreturn]] void fail(const std::string& what, size_t at = 0) const {
    throw InputError(name_ + ":" + std::to_string(at ? at : line_no_) + ": " + what);
  }
  void odd(const std::string& why) {
    skipped_.skip("line " + std::to_string(line_no_), current_, why);
  }
  void handle(std::string_view line);
  std::optional<int> line_number(std::string_view s, const char* record);
  std::optional<int64_t> count(std::string_view s, const char* record);

  void on_sf(std::string_view v);
  void on_da(std::string_view v);
  void on_brda(std::string_view v);
  void on_fn(std::string_view v);
  void on_fnda(std::string_view v);
  void on_fnl(std::string_view v);
  void on_fna(std::string_view v);
  void on_summary(std::string_view) {}  // LF/LH/BRF/BRH/FNF/FNH: recomputed, never trusted
  void on_end();
  void add_branches();

  std::string_view text_;
  const std::string& name_;
  size_t line_no_ = 0;
  std::string_view current_;
  size_t record_start_ = 0;  // line of the open record's SF, 0 outside records
  FileCoverage file_;
  std::map<int, std::vector<BranchRecord>> branches_;
  std::vector<std::string> fn_order_;
  std::map<std::string, int> fn_line_;
  std::map<std::string, int64_t> fn_hits_;
  std::map<int64_t, int> fnl_;
  std::vector<Alias> fna_;
  NegativeCounts negatives_;
  SkippedRecords skipped_;
  CoverageData out_;
};

CoverageData LcovReader::read() {
  out_.format = "lcov";
  size_t pos = 0;
  while (pos < text_.size()) {
    size_t nl = text_.find('\n', pos);
    if (nl == std::string_view::npos) nl = text_.size();
    ++line_no_;
    handle(text_.substr(pos, nl - pos));
    pos = nl + 1;
  }
  if (record_start_) fail("record for " + file_.path + " has no end_of_record", record_start_);
  if (out_.files.empty()) fail("no SF record: not an lcov tracefile", 1);
  negatives_.report(name_, out_.diagnostics);
  skipped_.report(name_, "coverage", out_.diagnostics);
  return std::move(out_);
}

void LcovReader::handle(std::string_view line) {
  // Only CRLF's '\r' goes: an SF path is kept exactly, trailing spaces too.
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty() || line[0] == '#') return;  // lcov 2.x writes --comment lines as '#...'
  current_ = line;
  if (line == "end_of_record") {
    on_end();
    return;
  }
  size_t colon = line.find(':');
  std::string_view tag = line.substr(0, colon);
  if (colon == std::string_view::npos || !is_tag(tag)) {
    fail("not an lcov record: '" + std::string(line.substr(0, 40)) + "'");
  }
  struct Entry {
    std::string_view tag;
    Handler handler;
  };
  static const Entry kRecords[] = {
      {"SF", &LcovReader::on_sf},       {"DA", &LcovReader::on_da},
      {"BRDA", &LcovReader::on_brda},   {"FN", &LcovReader::on_fn},
      {"FNDA", &LcovReader::on_fnda},   {"FNL", &LcovReader::on_fnl},
      {"FNA", &LcovReader::on_fna},     {"LF", &LcovReader::on_summary},
      {"LH", &LcovReader::on_summary},  {"BRF", &LcovReader::on_summary},
      {"BRH", &LcovReader::on_summary}, {"FNF", &LcovReader::on_summary},
      {"FNH", &LcovReader::on_summary},
  };
  for (const Entry& e : kRecords) {
    if (e.tag != tag) continue;
    if (e.handler != &LcovReader::on_sf && !record_start_) {
      fail(std::string(tag) + " record outside SF...end_of_record");
    }
    return (this->*e.handler)(line.substr(colon + 1));
  }
  // TN, VER, MCDC and record types of later lcov versions carry nothing we use.
}

std::optional<int> LcovReader::line_number(std::string_view s, const char* record) {
  std::optional<int64_t> n = parse_int64(s);
  if (!n) {
    odd(std::string(record) + ": line number '" + std::string(s.substr(0, 20)) +
        "' is not an integer");
    return std::nullopt;
  }
  if (*n < 1 || *n > INT_MAX) {
    odd(std::string(record) + ": line number " + std::to_string(*n) + " out of range");
    return std::nullopt;
  }
  return static_cast<int>(*n);
}

std::optional<int64_t> LcovReader::count(std::string_view s, const char* record) {
  std::optional<int64_t> n = parse_int64(s);
  if (!n) {
    odd(std::string(record) + ": count '" + std::string(s.substr(0, 24)) +
        "' is not a 64-bit integer");
    return std::nullopt;
  }
  return negatives_.fix(file_.path, *n);
}

void LcovReader::on_sf(std::string_view v) {
  if (record_start_) fail("SF inside the record for " + file_.path + " (missing end_of_record)");
  if (v.empty()) fail("SF record without a path");
  record_start_ = line_no_;
  file_ = FileCoverage();
  file_.path = std::string(v);
}

void LcovReader::on_da(std::string_view v) {
  std::string_view line = take_field(v);
  std::string_view hits = take_field(v);  // a third field, the checksum, is ignored
  if (line.empty() || hits.empty()) fail("DA record needs <line>,<count>");
  std::optional<int> n = line_number(line, "DA");
  if (!n) return;
  std::optional<int64_t> c = count(hits, "DA");
  if (!c) return;
  auto [it, added] = file_.lines.emplace(*n, *c);
  if (!added) it->second = add_counts(it->second, *c);
}

void LcovReader::on_brda(std::string_view v) {
  // The branch field may be an expression with commas in lcov 2.x (llvm
  // branch coverage); it is the part between the block and the last field.
  std::string_view line = take_field(v);
  std::string_view block = take_field(v);
  size_t last = v.rfind(',');
  if (line.empty() || block.empty() || last == std::string_view::npos || last == 0 ||
      last + 1 == v.size()) {
    fail("BRDA record needs <line>,<block>,<branch>,<taken>");
  }
  std::optional<int> n = line_number(line, "BRDA");
  if (!n) return;
  BranchRecord r;
  r.block = std::string(block);
  r.branch = std::string(v.substr(0, last));
  if (block[0] == 'e') {  // lcov 2.x marks exception-only branches "e<block>"
    r.count.exceptional = true;
    block.remove_prefix(1);
  }
  if (!is_digits(block)) {
    odd("BRDA: block '" + std::string(block.substr(0, 20)) + "' is not a number");
    return;
  }
  std::string_view taken = v.substr(last + 1);
  if (taken == "-") {
    r.count.evaluated = false;
  } else {
    std::optional<int64_t> c = count(taken, "BRDA");
    if (!c) return;
    r.count.count = *c;
  }
  // The same block and branch again: another instantiation of a template
  // (geninfo writes each one's records); one branch of the code, added up.
  for (BranchRecord& have : branches_[*n]) {
    if (have.block == r.block && have.branch == r.branch) {
      have.count.count = add_counts(have.count.count, r.count.count);
      have.count.evaluated = have.count.evaluated || r.count.evaluated;
      return;
    }
  }
  branches_[*n].push_back(std::move(r));
}

void LcovReader::on_fn(std::string_view v) {
  // 1.x: FN:<line>,<name>; 2.x: FN:<line>,<end line>,<name>.
  std::string_view line = take_field(v);
  if (line.empty() || v.empty()) fail("FN record needs <line>,<name>");
  size_t comma = v.find(',');
  if (comma != std::string_view::npos && is_digits(v.substr(0, comma))) v.remove_prefix(comma + 1);
  if (v.empty()) fail("FN record without a function name");
  std::optional<int> n = line_number(line, "FN");
  if (!n) return;
  std::string name(v);
  if (fn_line_.emplace(name, *n).second) fn_order_.push_back(name);
}

void LcovReader::on_fnda(std::string_view v) {
  std::string_view hits = take_field(v);
  if (hits.empty() || v.empty()) fail("FNDA record needs <count>,<name>");
  std::optional<int64_t> c = count(hits, "FNDA");
  if (!c) return;
  auto [it, added] = fn_hits_.emplace(std::string(v), *c);
  if (!added) it->second = add_counts(it->second, *c);
}

void LcovReader::on_fnl(std::string_view v) {
  std::string_view index = take_field(v);
  std::string_view line = take_field(v);
  if (index.empty() || line.empty()) fail("FNL record needs <index>,<line>[,<end>]");
  std::optional<int64_t> i = parse_int64(index);
  if (!is_digits(index) || !i)
    return odd("FNL: index '" + std::string(index) + "' is not a number");
  if (!v.empty() && !line_number(v, "FNL end")) return;
  std::optional<int> n = line_number(line, "FNL");
  if (n) fnl_[*i] = *n;
}

void LcovReader::on_fna(std::string_view v) {
  std::string_view index = take_field(v);
  std::string_view hits = take_field(v);
  if (index.empty() || hits.empty() || v.empty()) {
    fail("FNA record needs <index>,<count>,<name>");
  }
  std::optional<int64_t> i = parse_int64(index);
  if (!is_digits(index) || !i)
    return odd("FNA: index '" + std::string(index) + "' is not a number");
  std::optional<int64_t> c = count(hits, "FNA");
  if (c) fna_.push_back({*i, *c, std::string(v), line_no_, std::string(current_)});
}

// llvm-cov before LLVM 18 exports each template instantiation's branch pair
// on its own (BRDA:<line>,<pair>,<2*pair+k>,...), instantiations of one
// condition next to each other; later versions add them up first, as its
// JSON export's readers do. A line of a function with k instantiations (k FN
// records on its first line) whose pairs come in that numbering is read as
// k copies of each condition when every such line of the function holds a
// multiple of k pairs; a single-condition line (one pair) shows the data
// is already unified.
void LcovReader::add_branches() {
  std::map<int, int> instances;  // function line -> FN records on it
  for (const FunctionCount& f : file_.functions) ++instances[f.line];
  auto function_of = [&](int line) {
    auto it = instances.upper_bound(line);
    return it == instances.begin() ? instances.end() : std::prev(it);
  };
  auto llvm_pairs = [](const std::vector<BranchRecord>& list) {
    if (list.size() % 2 != 0) return false;
    for (size_t i = 0; i < list.size(); ++i) {
      if (list[i].block != std::to_string(i / 2) || list[i].branch != std::to_string(i)) {
        return false;
      }
    }
    return true;
  };
  std::map<int, bool> unified;  // function line -> its pairs are already one per condition
  for (const auto& [line, list] : branches_) {
    auto fn = function_of(line);
    if (fn == instances.end() || fn->second < 2) continue;
    bool copies = llvm_pairs(list) && (list.size() / 2) % fn->second == 0;
    if (!copies) unified[fn->first] = true;
    unified.emplace(fn->first, false);
  }
  for (auto& [line, list] : branches_) {
    auto fn = function_of(line);
    size_t k = fn == instances.end() || unified[fn->first] ? 1 : fn->second;
    auto& out = file_.branches[line];
    for (size_t i = 0; i < list.size(); ++i) {
      size_t pair = i / 2, slot = (pair / k) * 2 + i % 2;
      if (slot < out.size()) {
        out[slot].count = add_counts(out[slot].count, list[i].count.count);
        out[slot].evaluated = out[slot].evaluated || list[i].count.evaluated;
      } else {
        out.push_back(list[i].count);
      }
    }
  }
}

void LcovReader::on_end() {
  if (!record_start_) fail("end_of_record without an SF record");
  for (const std::string& raw : fn_order_) {
    auto hits = fn_hits_.find(raw);
    file_.functions.push_back(
        {demangle(raw), fn_line_[raw], hits == fn_hits_.end() ? 0 : hits->second});
  }
  for (const Alias& a : fna_) {
    auto line = fnl_.find(a.index);
    if (line == fnl_.end()) {
      skipped_.skip("line " + std::to_string(a.at), a.text,
                    "FNA index " + std::to_string(a.index) + " has no FNL");
      continue;
    }
    file_.functions.push_back({demangle(a.name), line->second, a.count});
  }
  add_branches();
  out_.files.push_back(std::move(file_));
  file_ = FileCoverage();
  branches_.clear();
  fn_order_.clear();
  fn_line_.clear();
  fn_hits_.clear();
  fnl_.clear();
  fna_.clear();
  record_start_ = 0;
}

}  // namespace

CoverageData import_lcov(std::string_view text, const std::string& name) {
  return LcovReader(text, name).read();
}

}  // namespace stepup
