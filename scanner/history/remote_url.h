// Links to the code: a git remote's URL read as data (docs/security.md: the
// repository's config is untrusted), turned into the web addresses of the
// scanned commit's files and of commits on GitHub, GitLab, Bitbucket or
// Gitea. Only http(s) addresses without credentials ever come out.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/config.h"
#include "model/report.h"
#include "scanner/common/process.h"

namespace stepup {

/// A remote URL, parsed: the forms git accepts for a hosted repository
/// (https://[user[:password]@]host[:port]/path, ssh://[user@]host[:port]/path,
/// git://host/path, scp-like [user@]host:path), credentials dropped, the path
/// without its leading '/', trailing '/' and ".git".
struct RemoteUrl {
  std::string scheme;  ///< http, https, ssh or git (scp-like: ssh)
  std::string host;    ///< lower case
  std::string port;    ///< digits, "" when absent
  std::string path;    ///< "owner/repo", "group/subgroup/repo"
};

/// The remote parsed, or nullopt with the reason in *why: a local path, a
/// scheme other than http(s)/ssh/git, a quote, space, control character,
/// '<', '>', '\\' or '`' anywhere, or a path that is not owner/repo-like.
std::optional<RemoteUrl> parse_remote_url(std::string_view url, std::string* why);

/// The repository's web address: https://host/path (http:// and the port
/// kept only when the remote itself is http(s)).
std::string web_address(const RemoteUrl& remote);

/// "github", "gitlab", "bitbucket" or "gitea" for the public hosts
/// (github.com, gitlab.com, bitbucket.org, gitea.com, codeberg.org); "" for
/// any other host: self-hosted GitLab and Gitea look alike, so the config
/// names them (report.links.host).
std::string known_host(const std::string& host_name);

/// The kinds report.links.host accepts.
bool is_host_kind(const std::string& kind);

/// A host kind's templates over a web address: file ({sha}, {path},
/// {line}) and commit ({sha}).
void host_templates(const std::string& kind, const std::string& web, std::string* file_url,
                    std::string* commit_url);

/// True when `url` may reach the page: http:// or https:// followed by a
/// host, and no quote, space, control or non-ASCII character, '<', '>',
/// '\\' or '`'. Else false with the reason in *why.
bool safe_web_url(std::string_view url, std::string* why);

/// Checks a config template (report.links.file_url or commit_url): known
/// placeholders only ({path}, {line}, {sha}; `needed` must appear) and a
/// safe http(s) URL once they are filled. "" when fine, else the reason.
std::string check_link_template(const std::string& text, const std::string& needed);

/// Each '/'-separated segment percent-encoded (RFC 3986 unreserved
/// characters kept), as the page's JavaScript does.
std::string percent_encode_path(std::string_view path);

/// The address of a file at the scanned commit, at a line (0: the whole
/// file: the template is cut at the '#' before {line}, or {line} is 1).
std::string file_link(const Links& links, const std::string& path, int line);

/// The address of a commit; "" without a commit template.
std::string commit_link(const Links& links, const std::string& sha);

/// Links from a remote's URL (nullopt: the repository has none by that
/// name) and the config, for the scanned commit. nullopt with the reason
/// in *why when none can be made; *refused says a remote was there but
/// unusable (a warning, not just a fact).
std::optional<Links> make_links(const std::optional<std::string>& remote_url,
                                const std::optional<std::string>& commit, const LinksConfig& config,
                                std::string* why, bool* refused);

/// Reads the remote's URL with git (`git config --get`, which runs
/// nothing) and makes the links. A refused or unknown remote is a warning
/// diagnostic; *why says on the console why there are none.
std::optional<Links> read_links(const std::string& root, const std::optional<std::string>& commit,
                                const LinksConfig& config, ProcessRunner& runner,
                                std::vector<Diagnostic>& diagnostics, std::string* why);

}  // namespace stepup
