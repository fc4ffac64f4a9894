#include "scanner/parse/scan_notes.h"

namespace stepup {

Diagnostic implied_std_note(const std::map<std::pair<std::string, std::string>, int>& commands) {
  int total = 0;
  std::string what;
  for (const auto& [key, count] : commands) {
    total += count;
    what += (what.empty() ? "" : ", ") + std::string("-std=") + key.second + " for " +
            std::to_string(count) + " by " + key.first;
  }
  return {Diagnostic::Level::kInfo, "compile-db",
          std::to_string(total) +
              " compile command(s) name no -std flag, so the compiler's default applies; "
              "libclang was given it (" +
              what + ") rather than its own C++14",
          std::nullopt};
}

}  // namespace stepup
