// libFuzzer target: any bytes as a source file's text, for the #include
// directive scanner (comments, strings, raw strings, line splices).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scanner/parse/includes.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& d : stepup::scan_include_directives(text)) {
    if (d.line < 1 || d.name_line < d.line) __builtin_trap();
  }
  return 0;
}
