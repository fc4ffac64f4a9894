// File roles: which files are the team's production code, and which are
// tests, test support, benchmarks, examples, generated or vendored code
// (docs/roles.md). A pure function of discovery, the files' first lines,
// .gitattributes, the include graph and the config.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/config.h"
#include "scanner/common/discover.h"

namespace stepup {

/// One .gitattributes file: its folder ("" for the root) and its text.
struct GitAttributesFile {
  std::string dir;
  std::string text;
};

/// What role classification reads, indexed like files.
struct RoleInput {
  const std::vector<SourceFile>* files = nullptr;
  /// Each file's first lines (role_head): banners, license block, namespace.
  std::vector<std::string> heads;
  /// The repo-relative files each file's #include directives resolved to.
  std::vector<std::vector<std::string>> includes;
  std::vector<GitAttributesFile> attributes;
  /// Files the build compiles only into a test program, with the rule that
  /// says so (scanner/parse/ctest_tests.h); empty without a build.
  std::map<std::string, std::string> build_tests;
  const Config* config = nullptr;
};

/// A file's role (one of kRoles) and the rule that decided it.
struct FileRole {
  std::string role = "production";
  std::string rule = "default";
};

/// How many first lines of a file role classification reads.
inline constexpr int kRoleHeadLines = 200;

/// The first kRoleHeadLines lines of a file's text.
std::string role_head(std::string_view text);

/// Every file's role. Precedence: config "roles" (first match), then
/// .gitattributes linguist-generated / linguist-vendored, generated
/// (banners, names), vendored (paths, copies of other projects),
/// test-support, test, benchmark and example patterns, then the build's
/// test programs, then the include graph; production when nothing matched.
std::vector<FileRole> classify_roles(const RoleInput& in);

}  // namespace stepup
