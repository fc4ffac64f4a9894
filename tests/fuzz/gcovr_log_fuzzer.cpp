// libFuzzer target: any bytes as gcovr's stderr, which --coverage-build
// reads for the gcov lines gcovr skipped. It must never crash or hang, and
// says at most one thing per file plus one for the rest.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scanner/coverage/gcovr_run.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<stepup::Diagnostic> said = stepup::gcovr_warnings(text, "/fuzz/repo", "gcovr");
  size_t lines = 1;
  for (char c : text) lines += c == '\n';
  if (said.size() > lines) __builtin_trap();
  return 0;
}
