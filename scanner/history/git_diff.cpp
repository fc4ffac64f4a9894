#include "scanner/history/git_diff.h"

#include <algorithm>
#include <charconv>

#include "model/errors.h"
#include "scanner/common/git_command.h"
#include "scanner/history/git_log.h"

namespace stepup {
namespace {

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
  long next = 0, remaining = 0;  // the hunk's next new line, and how many are left
  size_t start = 0;
  for (int number = 1; start < text.size(); ++number) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (remaining > 0 && !line.empty() && (line[0] == '+' || line[0] == '-' || line[0] == '\\')) {
      // Inside a hunk: the header's count says which '+' lines are content,
      // so an added line that reads "++ x" is not taken for a file header.
      // Lines are recorded as they appear, never from the count alone.
      if (line[0] == '+') {
        if (current) current->push_back(static_cast<int>(next));
        ++next;
        --remaining;
      }
      continue;
    }
    remaining = 0;
    if (line.rfind("+++ ", 0) == 0) {
      std::string_view rest = line.substr(4);
      // git ends the name with a tab when it holds a space (for patch(1)).
      if (!rest.empty() && rest.back() == '\t') rest.remove_suffix(1);
      std::string path = rest == "/dev/null" ? std::string(rest) : unquote_git_path(rest);
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
        first > 1000000000 || count > 1000000000) {
      throw InputError(name + ":" + std::to_string(number) + ": malformed hunk header '" +
                       std::string(line.substr(0, 80)) + "'");
    }
    next = first;
    remaining = count;
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
      runner.run(git_command(root, {"-c", "core.quotepath=off", "-c", "diff.noprefix=false",
                  "diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "-M",
                  "--src-prefix=a/", "--dst-prefix=b/", rev, "--"}),
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
