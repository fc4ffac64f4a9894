// libFuzzer target: any bytes as a source file for the code-line lexer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scanner/parse/source_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  stepup::TextFacts facts = stepup::analyse_text(text);
  // A file never has more code lines than newlines + 1.
  size_t lines = 1;
  for (char c : text) lines += c == '\n';
  if (!facts.binary && static_cast<size_t>(facts.code_lines) > lines) __builtin_trap();
  return 0;
}
