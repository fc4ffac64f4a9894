// libFuzzer target: any bytes as an lcov tracefile. Malformed input must end
// in InputError, never in a crash, a hang or another exception.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/errors.h"
#include "scanner/coverage/lcov.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    stepup::import_lcov(text, "/fuzz/cov.info");
  } catch (const stepup::InputError&) {
  }
  return 0;
}
