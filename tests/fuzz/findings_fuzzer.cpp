// libFuzzer target: any bytes as static-analysis results (SARIF, cppcheck
// XML or clang-tidy text, recognised from the content).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/errors.h"
#include "scanner/evidence/findings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    stepup::import_findings(text, "/fuzz/findings");
  } catch (const stepup::InputError&) {
  }
  return 0;
}
