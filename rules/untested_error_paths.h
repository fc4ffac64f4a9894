// untested-error-paths: a function whose happy path is covered but whose
// error exits (error returns, throws, aborts) no test reaches: "write the
// failure-path tests"; kind "add-tests".
#pragma once

#include "rules/rule.h"

namespace stepup {

std::vector<Candidate> untested_error_paths(const Report& signals, const RuleOptions& options);
RuleInfo untested_error_paths_info();

/// The input that reaches an error exit, when its condition makes that plain
/// ("an input that ends before the field GetVarint32 reads"); "" otherwise.
std::string input_hint(const ErrorExit& exit);

}  // namespace stepup
