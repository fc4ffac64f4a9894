// Lenient with data, strict with syntax: a record that is well-formed but
// holds a value stepup cannot use (line 0, a block id that is not a number,
// a count that is not a whole number, an unknown flag) is skipped, and the
// skips of one input file become one diagnostic that counts them and
// quotes the first. Input that is not its format, or is cut off, still
// stops the run (InputError).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/report.h"

namespace stepup {

/// The odd records skipped while reading one input file.
class SkippedRecords {
 public:
  /// Counts one. `where` places it ("line 12", "files[3] (a.cc)"), `record`
  /// is its text (cut to 80 bytes when quoted), `why` says what is odd.
  void skip(const std::string& where, std::string_view record, const std::string& why);
  int64_t count() const { return count_; }
  /// Adds one warning (source `source`) to out when any record was skipped:
  /// "<name>: N odd record(s) skipped ...; first, at <where>: '<record>': <why>".
  void report(const std::string& name, const std::string& source,
              std::vector<Diagnostic>& out) const;

 private:
  int64_t count_ = 0;
  std::string first_;
};

}  // namespace stepup
