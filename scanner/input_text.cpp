#include "scanner/input_text.h"

#include <algorithm>

#include "model/errors.h"

namespace stepup {

std::string line_col(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t line = 1, col = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

nlohmann::json parse_json_input(std::string_view text, const std::string& name,
                                const std::string& what) {
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    size_t offset = e.byte == 0 ? 0 : e.byte - 1;
    std::string reason = e.what();
    size_t colon = reason.rfind(": ");
    if (colon != std::string::npos) reason = reason.substr(colon + 2);
    throw InputError(name + ":" + line_col(text, offset) + ": malformed " + what + " (byte " +
                     std::to_string(offset) + "): " + reason);
  } catch (const nlohmann::json::exception& e) {
    // e.g. a number too large for a double: not a parse_error, no offset.
    throw InputError(name + ": malformed " + what + ": " + e.what());
  }
}

}  // namespace stepup
