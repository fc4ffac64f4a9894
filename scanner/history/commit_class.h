// What a commit is, for history hygiene: a defect fix or not (from its
// subject and issue trailers), a mass change (too many files to mean
// anything for one file), or a revision .git-blame-ignore-revs names.
// docs/history.md gives the definitions.
#pragma once

#include <cstdint>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/config.h"

namespace stepup {

/// The parts of a commit message the patterns read.
struct MessageParts {
  /// git's subject: the first paragraph, its lines joined by one space.
  std::string subject;
  /// Body lines that name an issue: a git trailer whose key is Fixes, Fix,
  /// Fixed, Bug, Bugs, Closes, Closed, Resolves, Resolved or Issue
  /// ("Fixes: #12", "Bug: 1234"), or GitHub's closing keyword at the start
  /// of a line ("Fixes #12", "Closes org/repo#3").
  std::vector<std::string> trailers;
  /// git revert's "This reverts commit <sha>." lines.
  std::vector<std::string> revert_lines;
};

/// Splits a raw message (git's %B) into the parts above.
MessageParts split_message(std::string_view message);

/// The two message patterns, compiled once. An empty pattern matches nothing.
class FixClassifier {
 public:
  explicit FixClassifier(const HistoryConfig& config);
  /// fix_pattern matches the subject or an issue trailer (line by line).
  bool names_fix(const MessageParts& parts) const;
  /// non_defect_pattern matches the subject or a revert line.
  bool non_defect(const MessageParts& parts) const;
  /// A defect fix: names a fix and is not a non-defect change.
  bool is_fix(std::string_view message) const;

 private:
  std::regex fix_, non_defect_;
  bool no_fix_, no_non_defect_;  ///< the pattern is empty: it matches nothing
};

/// More than history.max_changeset_files files, or, in a repository of at
/// least kMassChangeMinRepoFiles files, more than max_changeset_share of
/// them. `files` counts every path the commit changed (whitespace aside);
/// `repo_files` counts the files tracked at HEAD.
bool is_mass_change(int64_t files, int64_t repo_files, const HistoryConfig& config);

/// Below this many tracked files the share rule does not apply.
constexpr int64_t kMassChangeMinRepoFiles = 20;

/// The revisions of a .git-blame-ignore-revs file (git's format: one full
/// object name a line, '#' starts a comment, blank lines skipped).
struct IgnoreRevs {
  std::set<std::string> shas;    ///< lower-case, 40 or 64 hex digits
  int malformed = 0;             ///< lines that are not an object name
  int first_malformed_line = 0;  ///< 1-based; 0 when none
};

IgnoreRevs parse_ignore_revs(std::string_view text);

}  // namespace stepup
