#include "scanner/history/codeowners.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace stepup {

// One path component of a compiled pattern.
struct OwnerSegment {
  enum class Kind {
    kLiteral,   // the component equals `text`
    kGlob,      // `text` with '*' and '?' wildcards, `wild` marking them
    kAnyOne,    // a lone '*': exactly one component
    kGlobstar,  // '**': zero or more components
  };
  Kind kind = Kind::kLiteral;
  std::string text;
  std::vector<bool> wild;  // kGlob only: text[i] is a wildcard, not escaped
};

// gitignore's rules with GitHub's reading of them, reduced to one list of
// segments: "docs" is "**/docs/**", "/build/" is "build/*/**", "docs/*" is
// "docs/*" (direct children only), so matching needs no special cases.
struct CompiledOwnerPattern {
  std::vector<OwnerSegment> segments;  // empty: matches nothing ("/")
};

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool all_of_chars(std::string_view s, std::string_view extra) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_alnum(c) && extra.find(c) == std::string_view::npos) return false;
  }
  return true;
}

// Splits a line at unescaped whitespace. A backslash keeps the next character
// in the token (so "\#" and "\ " stay literal); a token starting with an
// unescaped '#' starts a comment that runs to the end of the line.
std::vector<std::string_view> tokenize(std::string_view line) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_space(line[i])) ++i;
    if (i == line.size() || line[i] == '#') break;
    size_t start = i;
    while (i < line.size() && !is_space(line[i])) i += line[i] == '\\' ? 2 : 1;
    i = std::min(i, line.size());
    tokens.push_back(line.substr(start, i - start));
  }
  return tokens;
}

// GitHub accepts @user, @org/team-slug and e-mail addresses; the character
// sets are GitHub's, loosened to accept enterprise-managed "user_short" names.
bool is_valid_owner(std::string_view owner) {
  if (owner.size() > 1 && owner[0] == '@') {
    std::string_view name = owner.substr(1);
    size_t slash = name.find('/');
    if (slash == std::string_view::npos) return all_of_chars(name, "-_");
    return all_of_chars(name.substr(0, slash), "-_") && all_of_chars(name.substr(slash + 1), "-_.");
  }
  size_t at = owner.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  std::string_view local = owner.substr(0, at);
  std::string_view domain = owner.substr(at + 1);
  if (!all_of_chars(local, ".!#$%&'*+/=?^_`{|}~-")) return false;
  if (!all_of_chars(domain, ".-") || domain.find('.') == std::string_view::npos) return false;
  return domain.front() != '.' && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
}

// Why GitHub would reject the pattern, or nullptr when it is supported.
const char* unsupported_syntax(std::string_view pattern) {
  if (pattern[0] == '!') return "negation ('!') is not supported";
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
    } else if (pattern[i] == '[') {
      return "character ranges ('[...]') are not supported";
    }
  }
  return nullptr;
}

OwnerSegment compile_segment(std::string_view raw) {
  OwnerSegment seg;
  if (raw == "**") {
    seg.kind = OwnerSegment::Kind::kGlobstar;
    return seg;
  }
  bool any_wild = false, only_stars = true;
  for (size_t i = 0; i < raw.size(); ++i) {
    bool escaped = raw[i] == '\\' && i + 1 < raw.size();
    if (escaped) ++i;
    bool wild = !escaped && (raw[i] == '*' || raw[i] == '?');
    // Runs of stars inside a component act as one star, as in gitignore.
    if (wild && raw[i] == '*' && !seg.text.empty() && seg.wild.back() && seg.text.back() == '*') {
      continue;
    }
    seg.text += raw[i];
    seg.wild.push_back(wild);
    any_wild |= wild;
    only_stars &= wild && raw[i] == '*';
  }
  if (only_stars) {
    seg.kind = OwnerSegment::Kind::kAnyOne;
  } else if (any_wild) {
    seg.kind = OwnerSegment::Kind::kGlob;
  } else {
    seg.wild.clear();
  }
  return seg;
}

std::shared_ptr<const CompiledOwnerPattern> compile_pattern(std::string_view pattern) {
  using Kind = OwnerSegment::Kind;
  auto out = std::make_shared<CompiledOwnerPattern>();
  bool anchored = !pattern.empty() && pattern.front() == '/';
  bool dir_only = false;
  std::vector<OwnerSegment>& segs = out->segments;
  size_t start = 0;
  for (size_t i = 0; i <= pattern.size(); ++i) {
    if (i + 1 < pattern.size() && pattern[i] == '\\') {
      ++i;
      continue;
    }
    if (i < pattern.size() && pattern[i] != '/') continue;
    if (i + 1 == pattern.size() && i > 0) dir_only = true;
    std::string_view raw = pattern.substr(start, i - start);
    start = i + 1;
    if (raw.empty()) continue;
    OwnerSegment seg = compile_segment(raw);
    if (seg.kind == Kind::kGlobstar && !segs.empty() && segs.back().kind == Kind::kGlobstar) {
      continue;
    }
    segs.push_back(std::move(seg));
  }
  if (segs.empty()) return out;
  // Only a pattern of one name floats: "docs/a.md" is rooted like "/docs".
  if (!anchored && segs.size() == 1 && segs[0].kind != Kind::kGlobstar) {
    segs.insert(segs.begin(), OwnerSegment{Kind::kGlobstar, {}, {}});
  }
  const OwnerSegment any_one{Kind::kAnyOne, {}, {}};
  const OwnerSegment globstar{Kind::kGlobstar, {}, {}};
  if (segs.size() == 1 && segs[0].kind == Kind::kGlobstar) {
    // "**" alone names some path, never the root itself.
    segs = {any_one, globstar};
    if (!dir_only) return out;
  }
  if (dir_only) {
    segs.push_back(any_one);  // something inside the directory
    segs.push_back(globstar);
  } else if (segs.back().kind == Kind::kGlobstar) {
    segs.back() = any_one;  // "docs/**": something below docs, not docs
    segs.push_back(globstar);
  } else if (segs.back().kind != Kind::kAnyOne) {
    // A pattern naming a directory owns everything below it; "docs/*" is
    // GitHub's exception and stays one level deep.
    segs.push_back(globstar);
  }
  return out;
}

// Advances over one UTF-8 character, so that '?' matches "é" as one.
size_t next_char(std::string_view s, size_t i) {
  ++i;
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  return i;
}

// Wildcard match within one component, with the last '*' as the only
// backtrack point: linear in practice, O(pattern x text) at worst.
bool glob_component(const OwnerSegment& seg, std::string_view text) {
  const std::string& p = seg.text;
  size_t pi = 0, ti = 0;
  size_t star_p = std::string::npos, star_t = 0;
  while (ti < text.size()) {
    if (pi < p.size() && seg.wild[pi] && p[pi] == '*') {
      star_p = ++pi;
      star_t = ti;
      continue;
    }
    if (pi < p.size() && seg.wild[pi]) {  // '?'
      ++pi;
      ti = next_char(text, ti);
      continue;
    }
    if (pi < p.size() && p[pi] == text[ti]) {
      ++pi;
      ++ti;
      continue;
    }
    if (star_p == std::string::npos) return false;
    pi = star_p;
    ti = star_t = next_char(text, star_t);
  }
  while (pi < p.size() && seg.wild[pi] && p[pi] == '*') ++pi;
  return pi == p.size();
}

bool segment_matches(const OwnerSegment& seg, std::string_view component) {
  switch (seg.kind) {
    case OwnerSegment::Kind::kLiteral:
      return seg.text == component;
    case OwnerSegment::Kind::kGlob:
      return glob_component(seg, component);
    case OwnerSegment::Kind::kAnyOne:
      return true;
    case OwnerSegment::Kind::kGlobstar:
      break;
  }
  return false;
}

// The same one-backtrack-point wildcard match as glob_component, one level
// up: segments against path components, '**' being the star.
bool pattern_matches(const CompiledOwnerPattern& pattern,
                     const std::vector<std::string_view>& components) {
  const std::vector<OwnerSegment>& segs = pattern.segments;
  if (segs.empty()) return false;
  size_t si = 0, ci = 0;
  size_t star_s = std::string::npos, star_c = 0;
  while (ci < components.size()) {
    if (si < segs.size() && segs[si].kind == OwnerSegment::Kind::kGlobstar) {
      star_s = ++si;
      star_c = ci;
      continue;
    }
    if (si < segs.size() && segment_matches(segs[si], components[ci])) {
      ++si;
      ++ci;
      continue;
    }
    if (star_s == std::string::npos) return false;
    si = star_s;
    ci = ++star_c;
  }
  while (si < segs.size() && segs[si].kind == OwnerSegment::Kind::kGlobstar) {
    ++si;
  }
  return si == segs.size();
}

std::vector<std::string_view> split_components(std::string_view path) {
  if (path.substr(0, 2) == "./") path.remove_prefix(2);
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start < path.size()) {
    size_t end = std::min(path.find('/', start), path.size());
    if (end > start) parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

Diagnostic warning(const std::string& name, int line, const std::string& what) {
  return Diagnostic{Diagnostic::Level::kWarning, "codeowners",
                    name + ":" + std::to_string(line) + ": " + what, name};
}

}  // namespace

CodeOwners parse_codeowners(std::string_view text, const std::string& name,
                            std::vector<Diagnostic>& diagnostics) {
  CodeOwners out;
  out.path = name;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  int line_no = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    std::vector<std::string_view> tokens = tokenize(line);
    if (tokens.empty()) continue;
    std::string_view pattern = tokens[0];
    if (const char* why = unsupported_syntax(pattern)) {
      diagnostics.push_back(warning(
          name, line_no,
          std::string(why) + " in CODEOWNERS; rule '" + std::string(pattern) + "' skipped"));
      continue;
    }
    OwnerRule rule{std::string(pattern), {}, line_no, compile_pattern(pattern)};
    for (size_t i = 1; i < tokens.size(); ++i) {
      if (is_valid_owner(tokens[i])) {
        rule.owners.emplace_back(tokens[i]);
      } else {
        diagnostics.push_back(
            warning(name, line_no,
                    "'" + std::string(tokens[i]) +
                        "' is not an owner (@user, @org/team or an e-mail address); "
                        "ignored"));
      }
    }
    out.rules.push_back(std::move(rule));
  }
  return out;
}

std::vector<std::string> owners_of(const CodeOwners& owners, std::string_view path) {
  std::vector<std::string_view> components = split_components(path);
  for (auto it = owners.rules.rbegin(); it != owners.rules.rend(); ++it) {
    // A raw pointer: copying the shared_ptr would cost two atomic operations
    // per rule and path.
    const CompiledOwnerPattern* compiled = it->compiled.get();
    std::shared_ptr<const CompiledOwnerPattern> local;
    if (!compiled) {
      local = compile_pattern(it->pattern);
      compiled = local.get();
    }
    if (pattern_matches(*compiled, components)) return it->owners;
  }
  return {};
}

std::optional<std::string> find_codeowners(const std::string& repo_root) {
  for (const char* rel : {".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"}) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(std::filesystem::path(repo_root) / rel, ec)) {
      return std::string(rel);
    }
  }
  return std::nullopt;
}

}  // namespace stepup
