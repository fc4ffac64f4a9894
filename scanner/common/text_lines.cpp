#include "scanner/common/text_lines.h"

namespace stepup {

std::string_view without_bom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

size_t line_break_at(std::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  if (text[i] == '\n') return 1;
  if (text[i] != '\r') return 0;
  return i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  text = without_bom(text);
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size();) {
    size_t brk = line_break_at(text, i);
    if (brk == 0) {
      ++i;
      continue;
    }
    out.push_back(text.substr(start, i - start));
    i += brk;
    start = i;
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

int count_lines(std::string_view text) { return static_cast<int>(split_lines(text).size()); }

}  // namespace stepup
