// libFuzzer target: any bytes as `git diff -U0` output (patch mode).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/errors.h"
#include "scanner/history/git_diff.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    stepup::parse_unified_diff(text, "/fuzz/diff");
  } catch (const stepup::InputError&) {
  }
  return 0;
}
