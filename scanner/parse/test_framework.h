// The test framework a project's tests use and how they include the code
// they test, learned from the test files' #include lines and the compile
// database, for the test skeletons of `stepup next` (docs/tickets.md).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/report.h"
#include "scanner/parse/compile_db.h"

namespace stepup {

/// One #include directive as written, from a file's text.
struct IncludeLine {
  int line = 0;
  std::string spelled;
  bool angled = false;
};

/// The #include directives of a C/C++ text, by line (a line-based reader:
/// good enough for the top of a file, where includes live).
std::vector<IncludeLine> include_lines(std::string_view text);

/// What detect_test_framework reads.
struct TestFrameworkInput {
  std::string root;                               ///< absolute repo root
  const std::vector<FileFacts>* files = nullptr;  ///< paths, roles and text
  const CompileDatabase* db = nullptr;            ///< null without a database
  /// Where an installed framework's headers are looked for, besides the
  /// test TU's own include folders.
  std::vector<std::string> system_dirs = {"/usr/local/include", "/usr/include"};
  /// Whether a file exists (a seam for tests); std::filesystem by default.
  std::function<bool(const std::string&)> exists;
};

/// The framework most test files reach through their includes (directly or
/// through a repo header such as a test.h), else the compile database's
/// hints, else Catch2 (v3 unless only v2 is installed) with assumed = true.
/// Also learns the include roots of the tests and a test TU's include dirs.
TestFramework detect_test_framework(const TestFrameworkInput& in);

/// The framework to use when nothing is known (a report without one):
/// Catch2 v3 unless only v2's header is found in dirs. reason starts the
/// evidence.
TestFramework assumed_framework(const std::vector<std::string>& dirs,
                                const std::function<bool(const std::string&)>& exists,
                                const std::string& reason);

}  // namespace stepup
