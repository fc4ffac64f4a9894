// CODEOWNERS files in GitHub's syntax: parsing, owner lookup and the places
// GitHub looks for the file.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/report.h"

namespace stepup {

/// A CODEOWNERS pattern compiled for matching; opaque outside codeowners.cpp.
struct CompiledOwnerPattern;

/// One CODEOWNERS rule: a pattern and its owners, with the line it came from.
struct OwnerRule {
  std::string pattern;              ///< as written, escapes included
  std::vector<std::string> owners;  ///< empty: matching paths have no owners
  int line = 0;                     ///< 1-based line in the file
  /// Set by parse_codeowners so that 50,000 paths x 500 rules do not
  /// recompile each pattern; a rule built by hand may leave it null and is
  /// then compiled on every owners_of call.
  std::shared_ptr<const CompiledOwnerPattern> compiled;
};

/// A parsed CODEOWNERS file.
struct CodeOwners {
  std::string path;  ///< repo-relative path of the file
  std::vector<OwnerRule> rules;
};

/// Parses CODEOWNERS text (name is the file's repo-relative path, for
/// messages and diagnostics). Never throws: an invalid owner is dropped from
/// its rule, and a rule using syntax GitHub does not support (`!` negation,
/// `[...]` ranges) is skipped, each with a warning naming `<name>:<line>`.
CodeOwners parse_codeowners(std::string_view text, const std::string& name,
                            std::vector<Diagnostic>& diagnostics);

/// Owners of a repo-relative path: the LAST matching rule wins; a matching
/// rule with no owners means "no owners". Empty when nothing matches.
std::vector<std::string> owners_of(const CodeOwners& owners, std::string_view path);

/// Looks for CODEOWNERS in the usual places, in GitHub's order:
/// .github/CODEOWNERS, then CODEOWNERS at the root, then docs/CODEOWNERS;
/// returns the first that exists (repo-relative path) or nullopt.
std::optional<std::string> find_codeowners(const std::string& repo_root);

}  // namespace stepup
