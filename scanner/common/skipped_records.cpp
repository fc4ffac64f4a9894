#include "scanner/common/skipped_records.h"

namespace stepup {

void SkippedRecords::skip(const std::string& where, std::string_view record,
                          const std::string& why) {
  if (count_++ > 0) return;
  std::string quoted(record.substr(0, 80));
  for (char& c : quoted) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  if (record.size() > 80) quoted += "...";
  first_ = where + ": '" + quoted + "': " + why;
}

void SkippedRecords::report(const std::string& name, const std::string& source,
                            std::vector<Diagnostic>& out) const {
  if (count_ == 0) return;
  out.push_back({Diagnostic::Level::kWarning, source,
                 name + ": " + std::to_string(count_) +
                     " odd record(s) skipped (well-formed, but with a value stepup cannot use); "
                     "first, at " +
                     first_,
                 std::nullopt});
}

}  // namespace stepup
