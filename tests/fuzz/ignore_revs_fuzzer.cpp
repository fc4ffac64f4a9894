// libFuzzer target: any bytes as a .git-blame-ignore-revs file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scanner/history/commit_class.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  stepup::IgnoreRevs revs = stepup::parse_ignore_revs(text);
  if (revs.malformed > 0 && revs.first_malformed_line < 1) __builtin_trap();
  for (const auto& sha : revs.shas) {
    if (sha.size() != 40 && sha.size() != 64) __builtin_trap();
  }
  return 0;
}
