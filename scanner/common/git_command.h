// The argv every git run over a scanned repository starts with. The
// repository is untrusted input (docs/security.md): nothing in it may choose
// a program that git starts on stepup's behalf.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

namespace stepup {

/// `git --no-pager --no-optional-locks -C root -c ...` followed by args.
/// The -c settings turn off what a repository's own config could make git
/// run or write: hooks (core.hooksPath), the fsmonitor daemon or hook
/// (core.fsmonitor), pagers, GPG on `log` (log.showSignature), automatic
/// gc and maintenance, and every clean/smudge/process filter driver the
/// repository's config defines (found once per root with `git config
/// --get-regexp`, which runs nothing). Diff-producing commands must still
/// pass --no-ext-diff and --no-textconv themselves.
std::vector<std::string> git_command(const std::string& root,
                                     std::initializer_list<std::string> args);
std::vector<std::string> git_command(const std::string& root,
                                     const std::vector<std::string>& args);

/// The -c pairs that empty the filter drivers named in `git config` output
/// (`--null --get-regexp`, "filter.<name>.<key>\n<value>\0" records): for
/// each name, clean, smudge and process set to "" (git then runs none) and
/// required to false.
std::vector<std::string> filter_overrides(const std::string& config_output);

}  // namespace stepup
