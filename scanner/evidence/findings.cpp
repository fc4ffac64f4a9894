#include "scanner/evidence/findings.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "model/errors.h"
#include "scanner/evidence/clang_tidy.h"
#include "scanner/evidence/cppcheck.h"
#include "scanner/evidence/sarif.h"
#include "scanner/common/input_text.h"

namespace stepup {

FindingsFormat detect_findings_format(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // BOM
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return FindingsFormat::kClangTidy;  // a clean run
  std::string_view t = text.substr(first);
  if (t[0] == '{') return FindingsFormat::kSarif;
  if (t[0] == '<') {
    return t.substr(0, 4096).find("<results") != std::string_view::npos
               ? FindingsFormat::kCppcheckXml
               : FindingsFormat::kUnknown;
  }
  if (looks_like_clang_tidy(t) || t.find(" warning") != std::string_view::npos) {
    // "N warnings generated." alone is a clang-tidy run with nothing to say.
    return FindingsFormat::kClangTidy;
  }
  return FindingsFormat::kUnknown;
}

FindingsData import_findings(std::string_view text, const std::string& name) {
  switch (detect_findings_format(text)) {
    case FindingsFormat::kSarif:
      return import_sarif(text, name);
    case FindingsFormat::kCppcheckXml:
      return import_cppcheck_xml(text, name);
    case FindingsFormat::kClangTidy:
      return import_clang_tidy(text, name);
    case FindingsFormat::kUnknown:
      break;
  }
  throw InputError(name +
                   ":1: not a findings format stepup reads (SARIF 2.1.0, cppcheck "
                   "XML version 2, clang-tidy text output)");
}

}  // namespace stepup
