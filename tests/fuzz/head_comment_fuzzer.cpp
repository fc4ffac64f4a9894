// libFuzzer target: the head comment that `stepup onboard` quotes as a
// must-read file's summary, read from any repository file's text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/onboard.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::string summary = stepup::head_comment(text);
  if (summary.size() > 200) __builtin_trap();  // cut to at most 200 characters
  if (summary.find('\n') != std::string::npos) __builtin_trap();  // one line
  return 0;
}
