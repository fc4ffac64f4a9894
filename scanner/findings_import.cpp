#include "scanner/findings_import.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "model/errors.h"
#include "scanner/findings_clang_tidy.h"
#include "scanner/findings_cppcheck.h"
#include "scanner/findings_sarif.h"

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

std::string read_evidence_file(const std::string& path, const std::string& what) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw InputError(path + ": is a directory, not a " + what + " file");
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw InputError(path + ": cannot read " + what + " file: " + std::strerror(errno));
  std::string text;
  if (std::fseek(f, 0, SEEK_END) == 0) {
    long size = std::ftell(f);
    if (size > 0) text.reserve(static_cast<size_t>(size));
    std::fseek(f, 0, SEEK_SET);
  }
  char chunk[1 << 16];  // also works for pipes, whose size is unknown
  for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;) text.append(chunk, n);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) throw InputError(path + ": cannot read " + what + " file");
  return text;
}

}  // namespace stepup
