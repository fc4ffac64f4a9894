#include "scanner/history/remote_url.h"

#include <algorithm>
#include <cctype>

#include "scanner/common/git_command.h"

namespace stepup {
namespace {

bool is_unreserved(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
         c == '~';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

void replace_all(std::string& s, std::string_view from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

// A character that must never reach an address in the page: it could end an
// attribute, start markup, split a header or hide in an editor.
bool hostile_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return u <= 0x20 || u >= 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' ||
         c == '`';
}

bool valid_host(std::string_view host) {
  if (host.empty() || host.front() == '.' || host.front() == '-' || host.back() == '.')
    return false;
  return std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
  });
}

// owner/repo: two or more segments of unreserved characters, none "." or
// "..". Leading and trailing '/' and a trailing ".git" are dropped first.
std::optional<std::string> repo_path(std::string_view path, std::string* why) {
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.size() > 4 && path.substr(path.size() - 4) == ".git") path.remove_suffix(4);
  size_t segments = 0;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = std::min(path.find('/', start), path.size());
    std::string_view seg = path.substr(start, end - start);
    if (seg.empty() || seg == "." || seg == ".." ||
        !std::all_of(seg.begin(), seg.end(), is_unreserved)) {
      *why = "its path is not owner/repository (letters, digits, '-', '.', '_', '~' between '/')";
      return std::nullopt;
    }
    ++segments;
    start = end + 1;
  }
  if (segments < 2) {
    *why = "its path names no owner/repository";
    return std::nullopt;
  }
  return std::string(path);
}

// host[:port] after any user[:password]@, which is dropped.
bool split_authority(std::string_view authority, RemoteUrl& out, std::string* why) {
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  size_t colon = authority.find(':');
  std::string_view host = authority.substr(0, colon);
  if (colon != std::string_view::npos) {
    std::string_view port = authority.substr(colon + 1);
    if (port.empty() || port.size() > 5 ||
        !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      *why = "its port is not a number";
      return false;
    }
    out.port = std::string(port);
  }
  if (!valid_host(host)) {
    *why = "its host is not a host name";
    return false;
  }
  out.host = lower(host);
  return true;
}

}  // namespace

std::optional<RemoteUrl> parse_remote_url(std::string_view url, std::string* why) {
  std::string ignored;
  if (!why) why = &ignored;
  if (url.empty()) {
    *why = "it is empty";
    return std::nullopt;
  }
  if (std::any_of(url.begin(), url.end(), hostile_char)) {
    *why = "it holds a quote, space, control or non-ASCII character, '<', '>', '\\' or '`'";
    return std::nullopt;
  }
  RemoteUrl out;
  size_t scheme_end = url.find("://");
  std::string_view rest;
  if (scheme_end != std::string_view::npos) {
    std::string scheme = lower(url.substr(0, scheme_end));
    if (scheme == "git+ssh" || scheme == "ssh+git") scheme = "ssh";
    if (scheme != "https" && scheme != "http" && scheme != "ssh" && scheme != "git") {
      *why = "its scheme '" + scheme + "' is not http(s), ssh or git";
      return std::nullopt;
    }
    out.scheme = scheme;
    std::string_view after = url.substr(scheme_end + 3);
    size_t slash = after.find('/');
    if (slash == std::string_view::npos) {
      *why = "it names no repository path";
      return std::nullopt;
    }
    if (!split_authority(after.substr(0, slash), out, why)) return std::nullopt;
    rest = after.substr(slash);
  } else {
    // scp-like "[user@]host:path": a ':' before any '/'. Anything else
    // (/srv/repo.git, ../repo, C:\repo) is a local path.
    size_t colon = url.find(':');
    size_t slash = url.find('/');
    if (colon == std::string_view::npos || (slash != std::string_view::npos && slash < colon)) {
      *why = "it is a local path, not a hosted repository";
      return std::nullopt;
    }
    std::string word = lower(url.substr(0, colon));
    for (const char* scheme : {"javascript", "data", "vbscript", "file", "about", "blob"}) {
      if (word == scheme) {
        *why = "its scheme '" + word + "' is not http(s), ssh or git";
        return std::nullopt;
      }
    }
    out.scheme = "ssh";
    std::string_view authority = url.substr(0, colon);
    size_t at = authority.rfind('@');
    std::string_view host = at == std::string_view::npos ? authority : authority.substr(at + 1);
    if (!valid_host(host)) {
      *why = "its host is not a host name";
      return std::nullopt;
    }
    out.host = lower(host);
    rest = url.substr(colon + 1);
  }
  std::optional<std::string> path = repo_path(rest, why);
  if (!path) return std::nullopt;
  out.path = *path;
  return out;
}

std::string web_address(const RemoteUrl& remote) {
  bool web = remote.scheme == "https" || remote.scheme == "http";
  std::string out = (web ? remote.scheme : std::string("https")) + "://" + remote.host;
  if (web && !remote.port.empty()) out += ":" + remote.port;
  return out + "/" + remote.path;
}

std::string known_host(const std::string& host_name) {
  if (host_name == "github.com") return "github";
  if (host_name == "gitlab.com") return "gitlab";
  if (host_name == "bitbucket.org") return "bitbucket";
  if (host_name == "gitea.com" || host_name == "codeberg.org") return "gitea";
  return "";
}

bool is_host_kind(const std::string& kind) {
  return kind == "github" || kind == "gitlab" || kind == "bitbucket" || kind == "gitea";
}

void host_templates(const std::string& kind, const std::string& web, std::string* file_url,
                    std::string* commit_url) {
  if (kind == "github") {
    *file_url = web + "/blob/{sha}/{path}#L{line}";
    *commit_url = web + "/commit/{sha}";
  } else if (kind == "gitlab") {
    *file_url = web + "/-/blob/{sha}/{path}#L{line}";
    *commit_url = web + "/-/commit/{sha}";
  } else if (kind == "bitbucket") {
    *file_url = web + "/src/{sha}/{path}#lines-{line}";
    *commit_url = web + "/commits/{sha}";
  } else if (kind == "gitea") {
    *file_url = web + "/src/commit/{sha}/{path}#L{line}";
    *commit_url = web + "/commit/{sha}";
  }
}

bool safe_web_url(std::string_view url, std::string* why) {
  std::string ignored;
  if (!why) why = &ignored;
  if (std::any_of(url.begin(), url.end(), hostile_char)) {
    *why = "it holds a quote, space, control or non-ASCII character, '<', '>', '\\' or '`'";
    return false;
  }
  std::string_view rest;
  if (starts_with(lower(url.substr(0, 8)), "https://")) {
    rest = url.substr(8);
  } else if (starts_with(lower(url.substr(0, 7)), "http://")) {
    rest = url.substr(7);
  } else {
    *why = "only http:// and https:// addresses are linked";
    return false;
  }
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.find('@') != std::string_view::npos) {
    *why = "it carries credentials (user@ or user:password@)";
    return false;
  }
  std::string_view host = authority.substr(0, authority.find(':'));
  if (!valid_host(host)) {
    *why = "it names no host";
    return false;
  }
  return true;
}

std::string check_link_template(const std::string& text, const std::string& needed) {
  if (text.find(needed) == std::string::npos) return "must contain " + needed;
  std::string filled = text;
  replace_all(filled, "{path}", "src/a.cc");
  replace_all(filled, "{line}", "1");
  replace_all(filled, "{sha}", std::string(40, '0'));
  if (filled.find('{') != std::string::npos || filled.find('}') != std::string::npos) {
    return "knows only the placeholders {path}, {line} and {sha}";
  }
  std::string why;
  if (!safe_web_url(filled, &why)) return "is refused: " + why;
  return "";
}

std::string percent_encode_path(std::string_view path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char c : path) {
    if (c == '/' || is_unreserved(c)) {
      out += c;
    } else {
      auto u = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

std::string file_link(const Links& links, const std::string& path, int line) {
  std::string url = links.file_url;
  if (line <= 0) {
    size_t hash = url.find('#');
    if (hash != std::string::npos && url.find("{line}", hash) != std::string::npos) {
      url.resize(hash);
    }
    line = 1;
  }
  replace_all(url, "{path}", percent_encode_path(path));
  replace_all(url, "{line}", std::to_string(line));
  return url;
}

std::string commit_link(const Links& links, const std::string& sha) {
  if (links.commit_url.empty()) return "";
  std::string url = links.commit_url;
  replace_all(url, "{sha}", sha);
  return url;
}

std::optional<Links> make_links(const std::optional<std::string>& remote_url,
                                const std::optional<std::string>& commit, const LinksConfig& config,
                                std::string* why, bool* refused) {
  *refused = false;
  bool hex = commit && (commit->size() == 40 || commit->size() == 64) &&
             std::all_of(commit->begin(), commit->end(),
                         [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
  if (!hex) {
    *why = "the scanned commit is unknown (not a git checkout, or no commit yet)";
    return std::nullopt;
  }
  Links links;
  links.commit = lower(*commit);
  std::string remote_why;
  std::optional<RemoteUrl> remote;
  if (remote_url) remote = parse_remote_url(*remote_url, &remote_why);
  std::string kind = config.host;
  if (remote) {
    links.remote = web_address(*remote);
    if (kind.empty()) kind = known_host(remote->host);
    links.from = "remote " + config.remote;
    host_templates(kind, links.remote, &links.file_url, &links.commit_url);
  }
  if (!config.file_url.empty()) links.file_url = config.file_url;
  if (!config.commit_url.empty()) links.commit_url = config.commit_url;
  if (links.file_url.empty()) {
    if (!remote_url) {
      *why = "the repository has no remote named '" + config.remote +
             "'; report.links.file_url in .stepup.json can give the address";
    } else if (!remote) {
      *refused = true;
      *why = "the URL of remote '" + config.remote + "' is refused: " + remote_why;
    } else {
      *refused = true;
      *why = "remote '" + config.remote + "' is on " + remote->host +
             ", which is not a host stepup knows; set report.links.host (github, gitlab, gitea, "
             "bitbucket) or report.links.file_url in .stepup.json";
    }
    return std::nullopt;
  }
  if (!config.file_url.empty()) {
    links.from = "config";
    if (config.host.empty()) kind = "custom";
  }
  links.host = kind.empty() ? "custom" : kind;
  replace_all(links.file_url, "{sha}", links.commit);
  // The host's templates are made of checked parts and the config's are
  // checked when read; this is the last guard before the page.
  for (const std::string* url : {&links.file_url, &links.commit_url}) {
    std::string filled = *url;
    replace_all(filled, "{path}", "a");
    replace_all(filled, "{line}", "1");
    replace_all(filled, "{sha}", links.commit);
    if (!url->empty() && !safe_web_url(filled, why)) {
      *refused = true;
      *why = "the address " + filled + " is refused: " + *why;
      return std::nullopt;
    }
  }
  return links;
}

std::optional<Links> read_links(const std::string& root, const std::optional<std::string>& commit,
                                const LinksConfig& config, ProcessRunner& runner,
                                std::vector<Diagnostic>& diagnostics, std::string* why) {
  std::optional<std::string> url;
  ProcessResult r =
      runner.run(git_command(root, {"config", "--get", "remote." + config.remote + ".url"}), root);
  if (r.started && r.exit_code == 0) {
    url = r.out;
    while (!url->empty() && (url->back() == '\n' || url->back() == '\r')) url->pop_back();
  }
  bool refused = false;
  std::optional<Links> links = make_links(url, commit, config, why, &refused);
  if (!links && refused) {
    diagnostics.push_back(
        {Diagnostic::Level::kWarning, "links", "no links to the code: " + *why, std::nullopt});
  }
  return links;
}

}  // namespace stepup
