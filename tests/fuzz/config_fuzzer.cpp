// libFuzzer target: any bytes as .stepup.json.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/config_loader.h"
#include "model/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    stepup::parse_config("/fuzz/.stepup.json", text);
  } catch (const stepup::InputError&) {
  }
  return 0;
}
