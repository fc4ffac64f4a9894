#include "scanner/evidence/clang_tidy.h"

#include <climits>

#include "model/errors.h"
#include "scanner/common/skipped_records.h"

namespace stepup {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Where ": warning: " or ": error: " starts in a line, and its length.
size_t severity_at(std::string_view line, size_t* len) {
  for (std::string_view marker : {": warning: ", ": error: "}) {
    size_t at = line.find(marker);
    if (at != std::string_view::npos) {
      *len = marker.size();
      return at;
    }
  }
  return std::string_view::npos;
}

// Splits "path:line:col" (or "path:line") off the end of `head`. False when
// it has no trailing number: the line is not a diagnostic with a place.
bool split_place(std::string_view head, std::string_view* path, std::string_view* line,
                 std::string_view* col) {
  auto trailing_number = [](std::string_view s, std::string_view* num) {
    size_t i = s.size();
    while (i > 0 && is_digit(s[i - 1])) --i;
    if (i == s.size() || i == 0 || s[i - 1] != ':') return std::string_view::npos;
    *num = s.substr(i);
    return i - 1;
  };
  std::string_view a, b;
  size_t cut = trailing_number(head, &a);
  if (cut == std::string_view::npos) return false;
  size_t cut2 = trailing_number(head.substr(0, cut), &b);
  if (cut2 != std::string_view::npos) {
    *line = b;
    *col = a;
    *path = head.substr(0, cut2);
  } else {
    *line = a;
    *col = {};
    *path = head.substr(0, cut);
  }
  return !path->empty();
}

}  // namespace

bool looks_like_clang_tidy(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    size_t len = 0;
    size_t at = severity_at(line, &len);
    if (at == std::string_view::npos) at = line.find(": note: ");
    std::string_view path, l, c;
    if (at != std::string_view::npos && split_place(line.substr(0, at), &path, &l, &c)) return true;
  }
  return false;
}

FindingsData import_clang_tidy(std::string_view text, const std::string& name) {
  FindingsData out;
  out.format = "clang-tidy";
  SkippedRecords skipped;
  int no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t len = 0;
    size_t at = severity_at(line, &len);
    std::string_view path, l, c;
    if (at == std::string_view::npos) continue;  // notes, snippets, carets, summaries
    if (!split_place(line.substr(0, at), &path, &l, &c)) {
      ++out.skipped;  // "error: no input files": no place to put it
      continue;
    }
    // An odd line or column skips the warning (counted); -1 stands for that.
    auto number = [&](std::string_view digits, const char* what, long long min) {
      if (digits.empty()) return 0;
      long long v = digits.size() > 10 ? -1 : std::stoll(std::string(digits));
      if (v < min || v > INT_MAX) {
        skipped.skip("line " + std::to_string(no), line,
                     std::string(what) + " \"" + std::string(digits.substr(0, 20)) +
                         "\" is not a valid number");
        return -1;
      }
      return static_cast<int>(v);
    };
    StaticFinding f;
    f.tool = "clang-tidy";
    f.path = std::string(path);
    f.line = number(l, "line", 1);
    f.column = f.line < 0 ? 0 : number(c, "column", 0);
    if (f.line < 0 || f.column < 0) continue;
    std::string_view message = line.substr(at + len);
    if (message.size() > 2 && message.back() == ']') {
      size_t open = message.rfind(" [");
      if (open != std::string_view::npos) {
        f.rule = std::string(message.substr(open + 2, message.size() - open - 3));
        message = message.substr(0, open);
      }
    }
    if (f.rule.rfind("-W", 0) == 0) f.tool = "compiler";
    f.message = std::string(message);
    out.findings.push_back(std::move(f));
  }
  skipped.report(name, "findings", out.diagnostics);
  return out;
}

}  // namespace stepup
