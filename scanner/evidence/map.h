// Production evidence (--profile, --errors, --findings): reading the inputs,
// and putting what they say onto the repo's files and functions.
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/report.h"
#include "scanner/evidence/errors.h"
#include "scanner/evidence/findings.h"
#include "scanner/common/path_resolver.h"
#include "scanner/evidence/profile.h"

namespace stepup {

/// A repo function: indexes into Report::files and that file's functions.
struct FunctionRef {
  int file = -1;
  int function = -1;
  bool found() const { return file >= 0; }
};

/// Repo functions by qualified name, for frames that name a function.
class FunctionIndex {
 public:
  explicit FunctionIndex(const std::vector<FileFacts>& files);

  /// What a lookup found; `ambiguous` when several definitions or overloads
  /// shared the name and the first (by file, then line) was taken.
  struct Match {
    FunctionRef ref;
    bool ambiguous = false;
  };

  /// The exact qualified name first, then a `::`-boundary suffix of at least
  /// two components naming one function ("Parser::parse" finds
  /// "net::Parser::parse"). Overloads are told apart by the frame's
  /// parameter count when it has a parameter list.
  Match find(const FrameName& name) const;

 private:
  Match choose(const std::vector<FunctionRef>& candidates, int params) const;

  const std::vector<FileFacts>& files_;
  std::unordered_map<std::string, std::vector<FunctionRef>> exact_, suffix_;
};

/// The innermost function of `file` whose extent holds `line`, or -1.
int function_at(const FileFacts& file, int line);

/// The evidence inputs, read and parsed: (file name, content) pairs.
struct EvidenceInputs {
  std::vector<std::pair<std::string, CollapsedProfile>> profiles;
  std::vector<std::pair<std::string, ErrorReports>> errors;
  std::vector<std::pair<std::string, FindingsData>> findings;
};

/// Reads and parses every input; throws InputError for an unreadable or
/// malformed one, and when the sample or report counts of several files add
/// up past 64 bits. Meant to run before the expensive parse.
EvidenceInputs load_evidence(const std::vector<std::string>& profiles,
                             const std::vector<std::string>& errors,
                             const std::vector<std::string>& findings);

/// Sets profile, errors and defects on every file and function (zeros where
/// an input was given but says nothing), puts each static-analysis result
/// into its function's findings as kind "defect", and sets report.signals.
/// report.files must be indexed like the files `resolver` was built on.
/// Whatever matches no repo file or function becomes one diagnostic per
/// input file.
void attach_evidence(Report& report, const EvidenceInputs& inputs, PathResolver& resolver,
                     std::vector<Diagnostic>& diagnostics);

}  // namespace stepup
