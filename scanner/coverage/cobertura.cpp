#include "scanner/coverage/cobertura.h"

#include <algorithm>
#include <climits>
#include <pugixml.hpp>

#include "model/errors.h"
#include "scanner/common/input_text.h"
#include "scanner/common/skipped_records.h"
#include "scanner/coverage/counts.h"

namespace stepup {
namespace {

// A line is one statement; gcc's biggest switches stay far below this. The cap
// keeps "0% (0/99999999999)" from allocating gigabytes.
constexpr int64_t kMaxBranchesPerLine = 1 << 16;

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

/// Walks one parsed report and merges its classes per filename.
class CoberturaReader {
 public:
  CoberturaReader(std::string_view text, const std::string& name) : text_(text), name_(name) {}
  CoverageData read();

 private:
  [[noreturn]] void fail(const pugi::xml_node& node, const std::string& what) const;
  void odd(const pugi::xml_node& node, const std::string& what);
  std::optional<int> line_number(const pugi::xml_node& line);
  std::optional<int64_t> hits(const pugi::xml_node& line, const std::string& path,
                              bool report_negative);
  std::vector<BranchCount> branches(const pugi::xml_node& line);
  void read_lines(const pugi::xml_node& lines, FileCoverage& file, const std::string& path);
  void read_class(const pugi::xml_node& cls);
  FileCoverage& file_for(const std::string& path);

  std::string_view text_;
  const std::string& name_;
  std::vector<std::string> bases_;
  std::map<std::string, size_t> index_;  // filename -> position in out_.files
  NegativeCounts negatives_;
  SkippedRecords skipped_;
  CoverageData out_;
};

void CoberturaReader::fail(const pugi::xml_node& node, const std::string& what) const {
  // offset_debug() is the offset of the element's name, one past its '<'.
  ptrdiff_t at = node.offset_debug();
  std::string where = at > 0 ? line_col(text_, static_cast<size_t>(at - 1)) : "?";
  throw InputError(name_ + ":" + where + ": <" + node.name() + ">: " + what);
}

// An element as written, for quoting an odd one.
std::string element_text(const pugi::xml_node& node) {
  std::string out = std::string("<") + node.name();
  for (pugi::xml_attribute a : node.attributes()) {
    out += std::string(" ") + a.name() + "=\"" + a.value() + "\"";
  }
  return out + ">";
}

void CoberturaReader::odd(const pugi::xml_node& node, const std::string& what) {
  ptrdiff_t at = node.offset_debug();
  skipped_.skip(at > 0 ? line_col(text_, static_cast<size_t>(at - 1)) : "?", element_text(node),
                what);
}

// A missing attribute is a broken element (InputError); one holding an odd
// value is skipped and counted.
std::optional<int> CoberturaReader::line_number(const pugi::xml_node& line) {
  pugi::xml_attribute a = line.attribute("number");
  if (!a) fail(line, "no number attribute");
  std::string_view s = a.value();
  std::optional<int64_t> n = parse_int64(s);
  if (!n) {
    odd(line, "number \"" + std::string(s.substr(0, 20)) + "\" is not an integer");
  } else if (*n < 1 || *n > INT_MAX) {
    odd(line, "line number " + std::to_string(*n) + " out of range");
  } else {
    return static_cast<int>(*n);
  }
  return std::nullopt;
}

std::optional<int64_t> CoberturaReader::hits(const pugi::xml_node& line, const std::string& path,
                                             bool report_negative) {
  pugi::xml_attribute a = line.attribute("hits");
  if (!a) fail(line, "no hits attribute");
  std::string_view s = a.value();
  std::optional<int64_t> n = parse_int64(s);
  if (!n) {
    odd(line, "hits \"" + std::string(s.substr(0, 24)) + "\" is not a 64-bit integer");
    return std::nullopt;
  }
  if (!report_negative) return *n < 0 ? 1 : *n;
  return negatives_.fix(path, *n);
}

std::vector<BranchCount> CoberturaReader::branches(const pugi::xml_node& line) {
  std::string_view branch = line.attribute("branch").value();
  std::string_view cc = line.attribute("condition-coverage").value();
  if ((branch != "true" && branch != "True") || cc.empty()) return {};
  // "50% (1/2)": the percentage is derived; the fraction is the data.
  size_t open = cc.find('('), slash = cc.find('/'), close = cc.find(')');
  if (open == std::string_view::npos || slash == std::string_view::npos ||
      close == std::string_view::npos || !(open < slash && slash < close)) {
    odd(line, "condition-coverage \"" + std::string(cc.substr(0, 30)) +
                  "\" is not \"P% (covered/total)\"");
    return {};
  }
  std::optional<int64_t> covered = parse_int64(cc.substr(open + 1, slash - open - 1));
  std::optional<int64_t> total = parse_int64(cc.substr(slash + 1, close - slash - 1));
  if (!covered || !total || *covered < 0 || *covered > *total || *total > kMaxBranchesPerLine) {
    odd(line,
        "condition-coverage \"" + std::string(cc.substr(0, 30)) + "\" has no valid covered/total");
    return {};
  }
  std::vector<BranchCount> out(static_cast<size_t>(*total));
  for (int64_t i = 0; i < *covered; ++i) out[i].count = 1;
  return out;
}

FileCoverage& CoberturaReader::file_for(const std::string& path) {
  auto [it, added] = index_.emplace(path, out_.files.size());
  if (added) {
    out_.files.emplace_back();
    out_.files.back().path = path;
    out_.files.back().bases = bases_;
  }
  return out_.files[it->second];
}

void CoberturaReader::read_lines(const pugi::xml_node& lines, FileCoverage& file,
                                 const std::string& path) {
  for (pugi::xml_node line : lines.children("line")) {
    std::optional<int> n = line_number(line);
    std::optional<int64_t> h = n ? hits(line, path, true) : std::nullopt;
    if (!h) continue;
    auto [it, added] = file.lines.emplace(*n, *h);
    if (!added) it->second = add_counts(it->second, *h);
    std::vector<BranchCount> more = branches(line);
    if (more.empty()) continue;
    std::vector<BranchCount>& have = file.branches[*n];
    if (have.size() < more.size()) have.resize(more.size());
    for (size_t i = 0; i < more.size(); ++i) have[i].count += more[i].count;
  }
}

void CoberturaReader::read_class(const pugi::xml_node& cls) {
  std::string path = cls.attribute("filename").value();
  if (path.empty()) fail(cls, "class without a filename");
  FileCoverage& file = file_for(path);
  // Method <lines> repeat the class's lines and only place the function,
  // unless the class has no <lines> of its own (some converters write only
  // the methods'): then they are the data.
  pugi::xml_node own = cls.child("lines");
  read_lines(own, file, path);
  for (pugi::xml_node method : cls.child("methods").children("method")) {
    std::string fn = method.attribute("name").value();
    if (fn.empty()) fail(method, "method without a name");
    if (!own) read_lines(method.child("lines"), file, path);
    std::optional<int> first_line;
    int64_t first_hits = 0;
    // The first line with usable values places it (odd ones were counted
    // where the lines were read).
    for (pugi::xml_node line : method.child("lines").children("line")) {
      std::optional<int64_t> n = parse_int64(line.attribute("number").value());
      std::optional<int64_t> h = parse_int64(line.attribute("hits").value());
      if (n && h && *n >= 1 && *n <= INT_MAX) {
        first_line = static_cast<int>(*n);
        first_hits = *h < 0 ? 1 : *h;
        break;
      }
    }
    // A method with no line cannot be placed in the file; it adds nothing.
    if (first_line) file.functions.push_back({fn, *first_line, first_hits});
  }
}

CoverageData CoberturaReader::read() {
  out_.format = "cobertura";
  pugi::xml_document doc;
  // parse_default has no parse_doctype: a DOCTYPE is skipped, never read, so
  // its entities are never defined nor expanded (no billion laughs). Only the
  // five predefined entities and character references are decoded.
  pugi::xml_parse_result parsed =
      doc.load_buffer(text_.data(), text_.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    size_t offset = static_cast<size_t>(std::max<ptrdiff_t>(parsed.offset, 0));
    throw InputError(name_ + ":" + line_col(text_, offset) + ": byte " + std::to_string(offset) +
                     ": " + parsed.description());
  }
  pugi::xml_node root = doc.document_element();
  if (std::string_view(root.name()) != "coverage") {
    fail(root, "not a Cobertura report (the root element is not <coverage>)");
  }
  for (pugi::xml_node source : root.child("sources").children("source")) {
    std::string_view base = trim(source.child_value());
    if (!base.empty()) bases_.emplace_back(base);
  }
  for (pugi::xml_node package : root.child("packages").children("package")) {
    for (pugi::xml_node cls : package.child("classes").children("class")) read_class(cls);
  }
  negatives_.report(name_, out_.diagnostics);
  skipped_.report(name_, "coverage", out_.diagnostics);
  return std::move(out_);
}

}  // namespace

CoverageData import_cobertura(std::string_view text, const std::string& name) {
  return CoberturaReader(text, name).read();
}

}  // namespace stepup
