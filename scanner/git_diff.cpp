#include "scanner/git_diff.h"

#include <algorithm>
#include <charconv>

#include "model/errors.h"

namespace stepup {
namespace {

// git's C-style quoting of unusual paths: "a\tb\303\251".
std::string unquote(std::string_view s) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return std::string(s);
  std::string out;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    char c = s[i];
    if (c != '\\' || i + 2 >= s.size()) {
      out += c;
      continue;
    }
    char e = s[++i];
    if (e >= '0' && e <= '7' && i + 2 < s.size() - 1) {
      int v = (e - '0') * 64 + (s[i + 1] - '0') * 8 + (s[i + 2] - '0');
      out += static_cast<char>(v);
      i += 2;
      continue;
    }
    switch (e) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'r':
        out += '\r';
        break;
      case 'v':
        out += '\v';
        break;
      default:
        out += e;
    }
  }
  return out;
}

// "c" or "c,d" after the '+' of a hunk header.
bool parse_range(std::string_view s, long* start, long* count) {
  size_t comma = s.find(',');
  std::string_view a = s.substr(0, comma);
  auto r = std::from_chars(a.data(), a.data() + a.size(), *start);
  if (r.ec != std::errc() || r.ptr != a.data() + a.size() || *start < 0) return false;
  *count = 1;
  if (comma == std::string_view::npos) return true;
  std::string_view b = s.substr(comma + 1);
  r = std::from_chars(b.data(), b.data() + b.size(), *count);
  return r.ec == std::errc() && r.ptr == b.data() + b.size() && *count >= 0;
}

}  // namespace

ChangedLines parse_unified_diff(std::string_view text, const std::string& name) {
  ChangedLines out;
  std::vector<int>* current = nullptr;
  size_t start = 0;
  for (int number = 1; start < text.size(); ++number) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.rfind("+++ ", 0) == 0) {
      std::string path = unquote(line.substr(4));
      if (path == "/dev/null") {
        current = nullptr;
      } else {
        if (path.rfind("b/", 0) == 0) path = path.substr(2);
        current = &out[path];
      }
      continue;
    }
    if (line.rfind("@@ ", 0) != 0) continue;
    size_t plus = line.find(" +");
    size_t close = plus == std::string_view::npos ? plus : line.find(' ', plus + 2);
    long first = 0, count = 0;
    if (close == std::string_view::npos ||
        !parse_range(line.substr(plus + 2, close - plus - 2), &first, &count) ||
        count > 100000000 || first > 100000000) {
      throw InputError(name + ":" + std::to_string(number) + ": malformed hunk header '" +
                       std::string(line.substr(0, 80)) + "'");
    }
    if (!current) continue;
    for (long l = first; l < first + count; ++l) current->push_back(static_cast<int>(l));
  }
  for (auto it = out.begin(); it != out.end();) {
    std::sort(it->second.begin(), it->second.end());
    it->second.erase(std::unique(it->second.begin(), it->second.end()), it->second.end());
    it = it->second.empty() ? out.erase(it) : std::next(it);
  }
  return out;
}

ChangedLines read_changed_lines(const std::string& root, const std::string& rev,
                                ProcessRunner& runner) {
  if (rev.empty() || rev[0] == '-') {
    throw InputError("--diff-base: '" + rev + "' is not a revision");
  }
  ProcessResult r =
      runner.run({"git", "-C", root, "-c", "core.quotepath=off", "-c", "diff.noprefix=false",
                  "diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "-M",
                  "--src-prefix=a/", "--dst-prefix=b/", rev, "--"},
                 root);
  if (!r.started) throw InputError("--diff-base: cannot run git: " + r.err);
  if (r.exit_code != 0) {
    std::string msg = r.err;
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == '\r')) msg.pop_back();
    throw InputError("--diff-base " + rev + ": git diff failed: " + msg);
  }
  return parse_unified_diff(r.out, "git diff -U0 " + rev);
}

}  // namespace stepup
