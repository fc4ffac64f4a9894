// Coverage as the importers read it, before it is mapped onto repo files.
// Every format (gcovr JSON, lcov, Cobertura, llvm-cov) lands in this model.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/report.h"

namespace stepup {

/// One outcome of one branch point.
struct BranchCount {
  int64_t count = 0;
  bool evaluated = true;     ///< lcov's '-': the branch point never ran
  bool exceptional = false;  ///< only taken by an exception (gcovr throw, lcov 'e')
};

/// A function as the coverage data names it (demangled).
struct FunctionCount {
  std::string name;
  int line = 0;
  int64_t count = 0;
};

/// The coverage of one source file as written in one coverage report.
struct FileCoverage {
  std::string path;                ///< exactly as the data spells it
  std::vector<std::string> bases;  ///< folders a relative path may be relative to
                                   ///< (gcovr's root, Cobertura's <source>s)
  std::map<int, int64_t> lines;    ///< executable line -> hits
  std::map<int, std::vector<BranchCount>> branches;  ///< line -> its branches
  std::vector<FunctionCount> functions;
};

/// What one coverage file held.
struct CoverageData {
  std::string format;  ///< e.g. "gcovr-json 0.3", "lcov", "cobertura", "llvm-cov 2.0.1"
  std::vector<FileCoverage> files;
  std::vector<Diagnostic> diagnostics;  ///< partial problems (negative counts...)
};

}  // namespace stepup
