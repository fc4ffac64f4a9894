// libFuzzer target: any bytes as a C++ file for the quick mode's tree-sitter
// pass (scanner/quick): it never crashes, and every function it reports has
// sane lines and measures.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scanner/quick/scan.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  bool errors = false;
  for (const stepup::FunctionFacts& f : stepup::quick_scan_text(text, &errors)) {
    if (f.line < 1 || f.end_line < f.line || f.cyclomatic < 1 || f.cognitive < 0 ||
        f.max_nesting < 0 || f.params < 0) {
      __builtin_trap();
    }
  }
  return 0;
}
