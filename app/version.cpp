#include "app/version.h"

#include "app/build_info_gen.h"  // generated at build time by app/build_info.cmake
#include "model/report.h"
#include "scanner/parse/clang_version.h"

namespace stepup {

std::string version_text() {
  return std::string("stepup ") + STEPUP_VERSION + "\ncommit: " + STEPUP_GIT_COMMIT +
         "\nlibclang: " + libclang_version() + "\nreport schema: " + kReportSchema + "\n";
}

}  // namespace stepup
