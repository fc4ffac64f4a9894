// unbuilt-test: a test file that no build target compiles (commented out of
// the build, forgotten in a refactor): tests everyone believes in that never
// run; kind "add-tests".
#pragma once

#include "rules/rule.h"

namespace stepup {

std::vector<Candidate> unbuilt_test(const Report& signals, const RuleOptions& options);
RuleInfo unbuilt_test_info();

/// Whether a path names a platform other code may not build on here
/// (windows, win32, darwin, macos, android...): such tests are not "forgotten".
bool names_platform(const std::string& path);

}  // namespace stepup
