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

Diagnostic unbuilt_note(const std::vector<std::string>& paths) {
  std::string examples;
  for (size_t i = 0; i < paths.size() && i < 5; ++i) examples += (i ? ", " : "") + paths[i];
  if (paths.size() > 5) examples += ", ...";
  return {Diagnostic::Level::kInfo, "compile-db",
          std::to_string(paths.size()) +
              " file(s) are not built: no compile command compiles them and no compiled file "
              "includes them (" +
              examples +
              "); they are parsed on their own with borrowed flags and marked built: false",
          std::nullopt};
}

}  // namespace stepup
