#include "scanner/coverage/import.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "model/errors.h"
#include "scanner/common/input_text.h"
#include "scanner/coverage/cobertura.h"
#include "scanner/coverage/gcovr.h"
#include "scanner/coverage/lcov.h"
#include "scanner/coverage/llvm_cov.h"

namespace stepup {
namespace {

std::string_view skip_space(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // BOM
  size_t i = text.find_first_not_of(" \t\r\n");
  return i == std::string_view::npos ? std::string_view() : text.substr(i);
}

}  // namespace

CoverageFormat detect_coverage_format(std::string_view text) {
  std::string_view t = skip_space(text);
  if (t.empty()) return CoverageFormat::kUnknown;
  if (t[0] == '{') {
    // Both JSON formats name themselves at the top level, which their
    // writers put first or (sorted keys) last: look at both ends, then at
    // everything only when neither end says.
    auto names = [](std::string_view part) {
      if (part.find("\"gcovr/format_version\"") != std::string_view::npos) {
        return CoverageFormat::kGcovrJson;
      }
      if (part.find("\"llvm.coverage.json.export\"") != std::string_view::npos) {
        return CoverageFormat::kLlvmCov;
      }
      return CoverageFormat::kUnknown;
    };
    constexpr size_t kEnd = 4096;
    if (t.size() > 2 * kEnd) {
      CoverageFormat f = names(t.substr(0, kEnd));
      if (f == CoverageFormat::kUnknown) f = names(t.substr(t.size() - kEnd));
      if (f != CoverageFormat::kUnknown) return f;
    }
    return names(t);
  }
  if (t[0] == '<') {
    return t.substr(0, 4096).find("<coverage") != std::string_view::npos
               ? CoverageFormat::kCobertura
               : CoverageFormat::kUnknown;
  }
  for (std::string_view record : {"TN:", "SF:", "VER:"}) {
    if (t.substr(0, record.size()) == record) return CoverageFormat::kLcov;
  }
  return CoverageFormat::kUnknown;
}

CoverageData import_coverage(std::string_view text, const std::string& name) {
  switch (detect_coverage_format(text)) {
    case CoverageFormat::kGcovrJson:
      return import_gcovr_json(text, name);
    case CoverageFormat::kLcov:
      return import_lcov(text, name);
    case CoverageFormat::kCobertura:
      return import_cobertura(text, name);
    case CoverageFormat::kLlvmCov:
      return import_llvm_cov(text, name);
    case CoverageFormat::kUnknown:
      break;
  }
  throw InputError(name +
                   ": not a coverage format stepup reads (gcovr JSON, lcov tracefile, "
                   "Cobertura XML, llvm-cov export JSON)");
}

CoverageData import_coverage_file(const std::string& path) {
  return import_coverage(read_input_file(path, "coverage",
                                         " (use --coverage-build to run gcovr over a build "
                                         "directory)"),
                         path);
}

}  // namespace stepup
