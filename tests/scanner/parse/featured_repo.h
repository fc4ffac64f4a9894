// Helpers shared by the compile-database tests that scan a small repository:
// tests/scanner/parse/compile_db_test.cpp and db_remap_test.cpp.
#pragma once

#include <string>
#include <vector>

#include "model/report.h"
#include "tests/support/temp_repo.h"

namespace stepup::test {

/// The names of the functions a scan found in one file.
inline std::vector<std::string> functions_in(const Report& report, const std::string& path) {
  std::vector<std::string> out;
  for (const FileFacts& f : report.files) {
    if (f.path != path) continue;
    for (const FunctionFacts& fn : f.functions) out.push_back(fn.name);
  }
  return out;
}

/// src/a.cc: `always` everywhere, `featured` only with -DFEATURE.
inline void write_featured(const TempDir& repo) {
  repo.write("src/a.cc",
             "int always() { return 1; }\n"
             "#ifdef FEATURE\n"
             "int featured(int x) { return x > 0 ? x : -x; }\n"
             "#endif\n");
}

}  // namespace stepup::test
