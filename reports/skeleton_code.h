// The code of a test skeleton: the decisions a new test should take, and
// the test file text in the project's framework, each test marked
// unwritten in that framework's own way (docs/tickets.md).
#pragma once

#include <string>
#include <vector>

#include "model/report.h"

namespace stepup {

/// One decision a new test should take: a branch outcome no test takes, a
/// run of lines no test reaches, an error exit no test triggers.
struct Decision {
  int line = 0;       ///< the line quoted
  int last_line = 0;  ///< the last line it covers (a run)
  std::string kind;   ///< "branch", "unreached-branch", "error-exit", "run", "decision"
  std::string quote;  ///< the source line, or the error exit as written
  std::string todo;   ///< what the test must do, one sentence
};

/// What a skeleton needs, each choice with its reason.
struct SkeletonPlan {
  const FileFacts* focus_file = nullptr;
  const FunctionFacts* focus = nullptr;  ///< the function the first step names; null: no skeleton
  const FileFacts* entry_file = nullptr;
  const FunctionFacts* entry = nullptr;  ///< the function the test calls; null: none can
  std::string reach;  ///< why entry is not focus, or why no test can call focus; "" otherwise
  TestFramework framework;
  std::string test_file;  ///< repo-relative: where the test goes
  bool test_file_exists = false;
  std::string test_file_why;
  std::string header;   ///< repo path of the header that declares entry; "" none
  std::string include;  ///< that header as the test spells it
  bool include_angled = false;
  std::string include_why;
  /// A declaration of entry for the test to carry when no header declares
  /// it (as written at its definition), and the includes its types need.
  std::string declaration;
  std::vector<std::string> declaration_includes;  ///< spelled with delimiters: "<string>"
  /// The function the tests take the address of, so the compiler checks
  /// that the include declares it; "" when that cannot compile anyway
  /// (overloads, templates, constructors, operators).
  std::string address_check;
  std::vector<Decision> decisions;  ///< by line
};

/// The decisions in fn a test should take, from its coverage (or, without
/// coverage, every decision and error exit), quoted from file.source.
std::vector<Decision> decisions_of(const FileFacts& file, const FunctionFacts& fn);

/// The skeleton's code. Requires plan.entry.
std::string render_skeleton(const SkeletonPlan& plan);

/// The framework's display name: "googletest", "Catch2 v3", ...
std::string framework_title(const std::string& name);

/// Line n (1-based) of text, without its newline and outer blanks.
std::string source_line(const std::string& text, int n);

}  // namespace stepup
