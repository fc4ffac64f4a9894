// libFuzzer target: any bytes as gcovr JSON.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/errors.h"
#include "scanner/coverage/gcovr.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    stepup::import_gcovr_json(text, "/fuzz/cov.json");
  } catch (const stepup::InputError&) {
  }
  return 0;
}
