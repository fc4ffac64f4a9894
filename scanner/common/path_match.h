// gitignore-like path patterns, shared by excludes, test classification and
// module mapping.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stepup {

/// Glob match of one string: '*' and '?' do not cross '/', '**' does.
bool glob_match(std::string_view pattern, std::string_view text);

/// Matches a repo-relative path against one pattern:
/// - "name/"  : some directory of the path matches "name" (any depth);
/// - "a/b*.h" : a pattern holding '/' is matched against the whole path;
/// - "*.h"    : otherwise the pattern is matched against the base name.
bool path_matches(std::string_view pattern, std::string_view path);

bool path_matches_any(const std::vector<std::string>& patterns,
                      std::string_view path);

/// Lexical normalisation: collapses "//", "/./" and "dir/.." without touching
/// the file system. Keeps a leading '/'.
std::string normalize_path(std::string_view path);

/// Joins base and rel unless rel is already absolute, then normalises.
std::string join_path(std::string_view base, std::string_view rel);

/// The repo-relative form of an absolute path when it lies under root
/// (both normalised), or an empty string.
std::string relative_to(std::string_view root, std::string_view path);

}  // namespace stepup
