// What every coverage importer does the same way with the numbers it reads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/coverage.h"
#include "model/report.h"
#include "scanner/common/numbers.h"

namespace stepup {

/// Negative counts read per source path. gcov writes -1 when threads race on
/// a counter; the line did run, so importers store 1 and report it once per
/// file instead of once per line.
class NegativeCounts {
 public:
  /// Returns the count to store: `count`, or 1 when it is negative.
  int64_t fix(const std::string& path, int64_t count);
  /// One warning Diagnostic per path that had any, sorted by path.
  void report(const std::string& name, std::vector<Diagnostic>& out) const;

 private:
  std::map<std::string, int64_t> per_path_;
};

/// Makes the functions of one line one function: the instantiations of a
/// template (pick<int>, pick<double>) and a constructor's or destructor's
/// variants are one piece of source, as llvm-cov and gcovr count them. The
/// smallest name is kept (so record order does not matter) and the counts
/// add up; the result is sorted by line.
void merge_function_instances(std::vector<FunctionCount>& functions);

}  // namespace stepup
