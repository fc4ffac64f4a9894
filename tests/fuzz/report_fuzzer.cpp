// libFuzzer target: any bytes as a --baseline / --report report.json.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/errors.h"
#include "scanner/report/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    stepup::parse_report(text, "/fuzz/report.json");
  } catch (const stepup::InputError&) {
  }
  return 0;
}
