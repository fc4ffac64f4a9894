// libFuzzer target: any bytes as a source file for the code-line lexer and
// the token-lookup helpers.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scanner/common/text_lines.h"
#include "scanner/parse/source_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  stepup::TextFacts facts = stepup::analyse_text(text);
  if (!facts.binary) {
    // One flag per line, whatever ends the lines; never more code lines than lines.
    int lines = stepup::count_lines(text);
    int code = 0;
    for (bool c : facts.code) code += c;
    if (static_cast<int>(facts.code.size()) != lines || code != facts.code_lines) __builtin_trap();
  }
  for (size_t at : {size_t{0}, size / 2, size}) {
    size_t next = stepup::next_code(text, at);
    if (next < at || next > size) __builtin_trap();
    stepup::on_directive_line(text, at);
  }
  return 0;
}
