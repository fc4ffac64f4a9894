#include "scanner/evidence/cppcheck.h"

#include <algorithm>
#include <climits>
#include <pugixml.hpp>

#include "model/errors.h"
#include "scanner/common/input_text.h"
#include "scanner/common/numbers.h"
#include "scanner/common/skipped_records.h"

namespace stepup {
namespace {

class CppcheckReader {
 public:
  CppcheckReader(std::string_view text, const std::string& name) : text_(text), name_(name) {}

  FindingsData read() {
    pugi::xml_document doc;
    // parse_default has no parse_doctype: a DOCTYPE is skipped, never read,
    // so its entities are never defined nor expanded.
    pugi::xml_parse_result parsed =
        doc.load_buffer(text_.data(), text_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
      size_t offset = static_cast<size_t>(std::max<ptrdiff_t>(parsed.offset, 0));
      throw InputError(name_ + ":" + line_col(text_, offset) + ": byte " + std::to_string(offset) +
                       ": " + parsed.description());
    }
    pugi::xml_node root = doc.document_element();
    if (std::string_view(root.name()) != "results") {
      fail(root, "not cppcheck XML (the root element is not <results>)");
    }
    if (std::string_view(root.attribute("version").value()) != "2") {
      fail(root, "cppcheck XML version 1 is not read; run cppcheck with --xml (version 2)");
    }
    FindingsData out;
    out.format = "cppcheck";
    for (pugi::xml_node error : root.child("errors").children("error")) read_error(error, out);
    skipped_.report(name_, "findings", out.diagnostics);
    return out;
  }

 private:
  [[noreturn]] void fail(const pugi::xml_node& node, const std::string& what) const {
    ptrdiff_t at = node.offset_debug();  // one past the element's '<'
    std::string where = at > 0 ? line_col(text_, static_cast<size_t>(at - 1)) : "?";
    throw InputError(name_ + ":" + where + ": <" + node.name() + ">: " + what);
  }

  // An odd number skips its error (counted); -1 stands for "skip".
  int number(const pugi::xml_node& node, const char* attr) {
    std::string_view s = node.attribute(attr).value();
    if (s.empty()) return 0;
    std::optional<int64_t> n = parse_int64(s);
    if (!n || *n < 0 || *n > INT_MAX) {
      ptrdiff_t at = node.offset_debug();
      skipped_.skip(at > 0 ? line_col(text_, static_cast<size_t>(at - 1)) : "?",
                    std::string("<location ") + attr + "=\"" + std::string(s.substr(0, 20)) + "\">",
                    std::string(attr) + " is not a line number");
      return -1;
    }
    return static_cast<int>(*n);
  }

  void read_error(const pugi::xml_node& error, FindingsData& out) {
    std::string_view severity = error.attribute("severity").value();
    pugi::xml_node loc = error.child("location");
    if (severity == "information" || severity == "none" || !loc) {
      ++out.skipped;
      return;
    }
    StaticFinding f;
    f.tool = "cppcheck";
    f.rule = error.attribute("id").value();
    f.message = error.attribute("msg").value();
    f.path = loc.attribute("file").value();
    if (f.path.empty()) fail(loc, "location without a file");
    f.line = number(loc, "line");
    f.column = f.line < 0 ? 0 : number(loc, "column");
    if (f.line < 0 || f.column < 0) return;
    out.findings.push_back(std::move(f));
  }

  std::string_view text_;
  const std::string& name_;
  SkippedRecords skipped_;
};

}  // namespace

FindingsData import_cppcheck_xml(std::string_view text, const std::string& name) {
  return CppcheckReader(text, name).read();
}

}  // namespace stepup
