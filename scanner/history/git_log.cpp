#include "scanner/history/git_log.h"

#include <charconv>

namespace stepup {
namespace {

bool is_sha(std::string_view s) {
  if (s.size() != 40 && s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// Reads "\0\0sha\0name\0email\0time\0message\0" at pos; false when the
// bytes there are not a record header.
bool read_header(std::string_view out, size_t& pos, Commit& c) {
  if (out.compare(pos, 2, std::string_view("\0\0", 2)) != 0) return false;
  size_t p = pos + 2;
  std::string_view fields[5];
  for (auto& f : fields) {
    size_t end = out.find('\0', p);
    if (end == std::string_view::npos) return false;
    f = out.substr(p, end - p);
    p = end + 1;
  }
  if (!is_sha(fields[0])) return false;
  int64_t time = 0;
  auto [ptr, ec] = std::from_chars(fields[3].data(), fields[3].data() + fields[3].size(), time);
  if (ec != std::errc() || ptr != fields[3].data() + fields[3].size()) return false;
  c.sha = std::string(fields[0]);
  c.author = std::string(fields[1]) + " <" + std::string(fields[2]) + ">";
  c.time = time;
  c.message = std::string(fields[4]);
  pos = p;
  return true;
}

// Where the record header that starts at pos, after up to two separator
// bytes, begins; npos when none does.
size_t record_start(std::string_view out, size_t pos) {
  for (int skip = 0; skip <= 2 && pos + skip + 2 < out.size(); ++skip) {
    size_t p = pos + skip;
    if (out[p] == '\0' && out[p + 1] == '\0') {
      size_t end = out.find('\0', p + 2);
      if (end != std::string_view::npos && is_sha(out.substr(p + 2, end - p - 2))) return p;
    }
  }
  return std::string_view::npos;
}

bool record_starts(std::string_view out, size_t pos) {
  return record_start(out, pos) != std::string_view::npos;
}

// The next record's first byte (a commit without files, under -z, leaves
// "\0\n" before it), or the end.
size_t next_record(std::string_view out, size_t pos) {
  while (pos < out.size() && !(out[pos] == '\0' && record_starts(out, pos))) ++pos;
  return pos < out.size() ? record_start(out, pos) : pos;
}

int64_t number_or_zero(std::string_view s) {
  int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

}  // namespace

std::string unquote_git_path(std::string_view t) {
  if (t.size() < 2 || t.front() != '"' || t.back() != '"') return std::string(t);
  std::string out;
  for (size_t i = 1; i + 1 < t.size(); ++i) {
    char c = t[i];
    if (c != '\\' || i + 2 >= t.size()) {
      out += c;
      continue;
    }
    char e = t[++i];
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
        if (e >= '0' && e <= '7' && i + 2 < t.size()) {  // \ooo: one raw byte
          int v = (e - '0') * 64 + (t[i + 1] - '0') * 8 + (t[i + 2] - '0');
          out += static_cast<char>(v);
          i += 2;
        } else {
          out += e;  // \" and \\ and anything else
        }
    }
  }
  return out;
}

namespace {

// The record loop both formats share: a header, then a format-specific
// body reader that leaves pos at the next record (false: stop, *error set).
template <typename ReadBody>
std::vector<Commit> parse_records(std::string_view out, std::string* error, ReadBody read_body) {
  std::vector<Commit> commits;
  size_t pos = 0;
  while (pos < out.size()) {
    Commit c;
    if (!read_header(out, pos, c)) {
      *error = "unreadable git log record at byte " + std::to_string(pos);
      break;
    }
    bool ok = read_body(out, pos, c);
    commits.push_back(std::move(c));
    if (!ok) {
      *error = "unreadable numstat entry at byte " + std::to_string(pos);
      break;
    }
  }
  return commits;
}

// Entries: "added\tdeleted\tpath\0" or, for a rename,
// "added\tdeleted\t\0old\0new\0"; "-\t-" for binary files.
bool read_numstat_body(std::string_view out, size_t& pos, Commit& c) {
  while (pos < out.size() && (out[pos] == '\0' || out[pos] == '\n')) {
    if (out[pos] == '\0' && record_starts(out, pos)) break;
    ++pos;
  }
  while (pos < out.size() && out[pos] != '\0') {
    size_t tab1 = out.find('\t', pos);
    size_t tab2 = tab1 == std::string_view::npos ? tab1 : out.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos) return false;
    FileChange f;
    std::string_view added = out.substr(pos, tab1 - pos);
    f.binary = added == "-";
    f.added = number_or_zero(added);
    f.deleted = number_or_zero(out.substr(tab1 + 1, tab2 - tab1 - 1));
    pos = tab2 + 1;
    auto take = [&]() {
      size_t end = out.find('\0', pos);
      if (end == std::string_view::npos) end = out.size();
      std::string s(out.substr(pos, end - pos));
      pos = end < out.size() ? end + 1 : end;  // an unterminated last path ends the input
      return s;
    };
    if (pos < out.size() && out[pos] == '\0') {
      ++pos;
      f.old_path = take();
      f.path = take();
    } else {
      f.path = take();
      f.old_path = f.path;
    }
    c.files.push_back(std::move(f));
    if (pos < out.size() && out[pos] == '\n') ++pos;
  }
  pos = next_record(out, pos);
  return true;
}

}  // namespace

std::vector<Commit> parse_numstat_log(std::string_view out, std::string* error) {
  return parse_records(out, error, read_numstat_body);
}

namespace {

bool starts(std::string_view line, std::string_view prefix) {
  return line.substr(0, prefix.size()) == prefix;
}

// "@@ -a[,b] +c[,d] @@": counts default to 1.
bool parse_hunk(std::string_view line, Hunk& h) {
  auto number = [&](size_t& p, int& v) {
    auto [ptr, ec] = std::from_chars(line.data() + p, line.data() + line.size(), v);
    if (ec != std::errc()) return false;
    p = static_cast<size_t>(ptr - line.data());
    return true;
  };
  size_t p = 4;  // after "@@ -"
  h.old_count = h.new_count = 1;
  if (!number(p, h.old_start)) return false;
  if (p < line.size() && line[p] == ',' && !number(++p, h.old_count)) return false;
  if (line.substr(p, 2) != " +") return false;
  p += 2;
  if (!number(p, h.new_start)) return false;
  if (p < line.size() && line[p] == ',' && !number(++p, h.new_count)) return false;
  return h.old_count >= 0 && h.new_count >= 0;
}

// The path of a "--- a/x" or "+++ b/x" line; "" for /dev/null.
std::string side_path(std::string_view rest) {
  // git ends the name with a tab when it holds a space (for patch(1)).
  if (!rest.empty() && rest.back() == '\t') rest.remove_suffix(1);
  if (rest == "/dev/null") return "";
  std::string p = unquote_git_path(rest);
  return p.size() > 2 && (p[0] == 'a' || p[0] == 'b') && p[1] == '/' ? p.substr(2) : p;
}

// "diff --git a/x b/x" for a file without ---/+++ lines (binary, mode only).
void paths_from_diff_line(std::string_view rest, FileChange& f) {
  if (!rest.empty() && rest[0] == '"') {
    size_t end = rest.find("\" ", 1);
    if (end != std::string_view::npos) {
      f.old_path = side_path(rest.substr(0, end + 1));
      f.path = side_path(rest.substr(end + 2));
      return;
    }
  }
  // Unquoted: "a/P b/P" with the same P on both sides when not renamed.
  size_t half = (rest.size() - 1) / 2;
  if (rest.size() % 2 == 1 && rest[half] == ' ') {
    f.old_path = side_path(rest.substr(0, half));
    f.path = side_path(rest.substr(half + 1));
  }
}

void parse_patch_body(std::string_view body, Commit& c) {
  FileChange* f = nullptr;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(pos, end - pos);
    pos = end + 1;
    if (starts(line, "diff --git ")) {
      c.files.emplace_back();
      f = &c.files.back();
      paths_from_diff_line(line.substr(11), *f);
    } else if (!f) {
      continue;
    } else if (!line.empty() && line[0] == '+' && !starts(line, "+++ ")) {
      ++f->added;
    } else if (!line.empty() && line[0] == '-' && !starts(line, "--- ")) {
      ++f->deleted;
    } else if (starts(line, "@@ -")) {
      Hunk h;
      if (parse_hunk(line, h)) f->hunks.push_back(h);
    } else if (starts(line, "--- ")) {
      f->old_path = side_path(line.substr(4));
      if (f->old_path.empty()) f->created = true;
    } else if (starts(line, "+++ ")) {
      f->path = side_path(line.substr(4));
      if (f->path.empty()) f->removed = true;
    } else if (starts(line, "rename from ")) {
      f->old_path = unquote_git_path(line.substr(12));
    } else if (starts(line, "rename to ")) {
      f->path = unquote_git_path(line.substr(10));
    } else if (starts(line, "new file mode")) {
      f->created = true;
    } else if (starts(line, "deleted file mode")) {
      f->removed = true;
    } else if (starts(line, "Binary files ")) {
      f->binary = true;
    } else if (starts(line, "index ")) {
      std::string_view ids = line.substr(6);
      ids = ids.substr(0, ids.find(' '));  // " 100644" follows when the mode stayed
      size_t dots = ids.find("..");
      if (dots != std::string_view::npos) {
        f->old_blob = std::string(ids.substr(0, dots));
        f->new_blob = std::string(ids.substr(dots + 2));
      }
    }
  }
  for (auto& file : c.files) {
    if (file.removed && file.path.empty()) file.path = file.old_path;
    if (file.created && file.old_path.empty()) file.old_path = file.path;
  }
}

}  // namespace

std::vector<Hunk> parse_hunks(std::string_view patch) {
  std::vector<Hunk> hunks;
  size_t pos = 0;
  while (pos < patch.size()) {
    size_t end = patch.find('\n', pos);
    if (end == std::string_view::npos) end = patch.size();
    std::string_view line = patch.substr(pos, end - pos);
    pos = end + 1;
    Hunk h;
    if (starts(line, "@@ -") && parse_hunk(line, h)) hunks.push_back(h);
  }
  return hunks;
}

std::vector<Commit> parse_patch_log(std::string_view out, std::string* error) {
  // A patch holds no NUL (git shows files with NULs as binary), so the body
  // runs to the next record's two NULs.
  return parse_records(out, error, [](std::string_view text, size_t& pos, Commit& c) {
    size_t next = text.find(std::string_view("\0\0", 2), pos);
    if (next == std::string_view::npos) next = text.size();
    parse_patch_body(text.substr(pos, next - pos), c);
    pos = next;
    return true;
  });
}

}  // namespace stepup
