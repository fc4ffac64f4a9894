// libFuzzer target: any bytes as a CTestTestfile.cmake, for the CMake
// argument reader (quoted, bracket and unquoted arguments, comments).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scanner/parse/ctest_tests.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  stepup::CTestFile file = stepup::parse_ctest_file(text);
  size_t total = 0;
  for (const auto& t : file.tests) total += t.name.size() + t.program.size();
  for (const auto& d : file.subdirs) total += d.size();
  if (total > size) __builtin_trap();  // every argument is a piece of the input
  return 0;
}
