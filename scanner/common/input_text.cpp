#include "scanner/common/input_text.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "model/errors.h"

namespace stepup {

std::string read_input_file(const std::string& path, const std::string& what,
                            const std::string& directory_hint) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw InputError(path + ": is a directory, not a " + what + " file" + directory_hint);
  }
  // One read into a buffer of the file's size: coverage files run to
  // hundreds of megabytes, and a stream copy would touch them three times.
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw InputError(path + ": cannot read " + what + " file: " + std::strerror(errno));
  std::string text;
  if (std::fseek(f, 0, SEEK_END) == 0) {
    long size = std::ftell(f);
    if (size > 0) text.reserve(static_cast<size_t>(size));
    std::fseek(f, 0, SEEK_SET);
  }
  char chunk[1 << 16];  // also works for pipes, whose size is unknown
  for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;) text.append(chunk, n);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) throw InputError(path + ": cannot read " + what + " file");
  return text;
}

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
