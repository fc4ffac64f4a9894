#include "scanner/evidence/errors.h"

#include <algorithm>
#include <climits>
#include <nlohmann/json.hpp>

#include "model/errors.h"
#include "scanner/common/input_text.h"

namespace stepup {
namespace {

using nlohmann::json;

/// A field of the wrong shape; turned into an InputError with a position.
struct BadField {
  std::string what;
};

[[noreturn]] void bad(const std::string& what) { throw BadField{what}; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool starts_with(std::string_view s, std::string_view head) {
  return s.substr(0, head.size()) == head;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_line(std::string_view digits) {
  if (!all_digits(digits) || digits.size() > 10) return 0;
  long long v = std::stoll(std::string(digits));
  return v >= 1 && v <= INT_MAX ? static_cast<int>(v) : 0;
}

// ---- text -----------------------------------------------------------------

// "#12 rest" as sanitizers and gdb print frames: the frame number and rest.
bool backtrace_line(std::string_view t, int* number, std::string_view* rest) {
  if (t.size() < 2 || t[0] != '#') return false;
  size_t i = 1;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  if (i == 1 || i > 10 || (i < t.size() && !is_space(t[i]))) return false;
  *number = std::stoi(std::string(t.substr(1, i - 1)));
  *rest = trim(t.substr(i));
  return true;
}

// "0x4f8d3c in ns::fn(int) /src/a.cc:42:7", "ns::fn (x=1) at /src/a.cc:42".
ErrorFrame backtrace_frame(std::string_view rest) {
  if (starts_with(rest, "0x")) {
    size_t sp = rest.find(' ');
    rest = sp == std::string_view::npos ? std::string_view() : trim(rest.substr(sp));
    if (starts_with(rest, "in ")) rest = trim(rest.substr(3));
  }
  ErrorFrame f;
  size_t at = rest.rfind(" at ");
  if (at != std::string_view::npos && parse_location(trim(rest.substr(at + 4)), &f.path, &f.line)) {
    f.function = std::string(trim(rest.substr(0, at)));
    return f;
  }
  size_t sp = rest.find_last_of(" \t");
  std::string_view last = sp == std::string_view::npos ? rest : rest.substr(sp + 1);
  if (parse_location(last, &f.path, &f.line)) {
    rest = sp == std::string_view::npos ? std::string_view() : trim(rest.substr(0, sp));
  }
  f.function = std::string(rest);
  return f;
}

bool is_separator(std::string_view t) {
  return t.size() >= 3 && t.find_first_not_of('=') == std::string_view::npos;
}

// "==1234==ERROR: AddressSanitizer: ..." and its "==1234==ABORTING".
bool sanitizer_marker(std::string_view t, std::string_view word) {
  if (!starts_with(t, "==")) return false;
  size_t end = t.find("==", 2);
  return end != std::string_view::npos && all_digits(t.substr(2, end - 2)) &&
         starts_with(t.substr(end + 2), word);
}

bool sanitizer_start(std::string_view t) {
  return sanitizer_marker(t, "ERROR:") || starts_with(t, "WARNING: ThreadSanitizer:");
}

/// Reads text reports line by line. Consecutive "#N" lines are one report
/// (a "#0" starts the next); a sanitizer report, from its "==PID==ERROR:"
/// line to its SUMMARY, is one report whose frames are its first backtrace
/// (the allocation and free stacks that follow are context, not errors).
class TextReader {
 public:
  TextReader(const std::string& name, ErrorReports& out) : name_(name), out_(out) {}

  void line(std::string_view raw, int no) {
    std::string_view t = trim(raw);
    int n = 0;
    std::string_view rest;
    bool frame = backtrace_line(t, &n, &rest);
    if (sanitizer_) {
      if (starts_with(t, "SUMMARY:") || sanitizer_marker(t, "ABORTING") || is_separator(t)) {
        flush();
      } else if (frame && !first_trace_done_) {
        block_.frames.push_back(backtrace_frame(rest));
      } else if (!block_.frames.empty()) {
        first_trace_done_ = true;
      }
      return;
    }
    if (sanitizer_start(t)) {
      flush();
      open(no);
      sanitizer_ = true;
      return;
    }
    // Blank lines and separators end a backtrace; "==PID==ABORTING" and
    // other sanitizer chatter outside a report say nothing of their own.
    if (t.empty() || is_separator(t) || sanitizer_marker(t, "")) return flush();
    if (frame) {
      if (open_ && n == 0) flush();
      if (!open_) open(no);
      block_.frames.push_back(backtrace_frame(rest));
      return;
    }
    flush();
    if (t[0] == '#') return;  // a comment
    ErrorReport r;
    r.source_line = no;
    for (size_t i = 0; i < t.size();) {
      size_t end = t.find_first_of(" \t", i);
      if (end == std::string_view::npos) end = t.size();
      ErrorFrame f;
      if (end > i && parse_location(t.substr(i, end - i), &f.path, &f.line)) {
        r.frames.push_back(std::move(f));
      }
      i = end + 1;
    }
    emit(std::move(r));
  }

  void flush() {
    if (open_) emit(std::move(block_));
    block_ = ErrorReport{};
    open_ = sanitizer_ = first_trace_done_ = false;
  }

 private:
  void open(int no) {
    block_ = ErrorReport{};
    block_.source_line = no;
    open_ = true;
  }
  void emit(ErrorReport r) {
    if (__builtin_add_overflow(out_.total, r.count, &out_.total)) {
      throw InputError(name_ + ":" + std::to_string(r.source_line) +
                       ": the report counts add up to more than 2^63-1");
    }
    out_.reports.push_back(std::move(r));
  }

  const std::string& name_;
  ErrorReports& out_;
  ErrorReport block_;
  bool open_ = false, sanitizer_ = false, first_trace_done_ = false;
};

ErrorReports read_text(std::string_view text, const std::string& name) {
  ErrorReports out;
  out.format = "text";
  TextReader reader(name, out);
  int no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    reader.line(text.substr(pos, end - pos), ++no);
    pos = end + 1;
  }
  reader.flush();
  return out;
}

// ---- JSON -----------------------------------------------------------------

const json* field(const json& o, std::initializer_list<const char*> keys, const char** which) {
  for (const char* k : keys) {
    auto it = o.find(k);
    if (it != o.end() && !it->is_null()) {
      *which = k;
      return &*it;
    }
  }
  return nullptr;
}

std::string text_field(const json& o, std::initializer_list<const char*> keys) {
  const char* k = nullptr;
  const json* v = field(o, keys, &k);
  if (!v) return {};
  if (!v->is_string()) bad(std::string("\"") + k + "\" must be a string");
  return v->get<std::string>();
}

int line_field(const json& o) {
  const char* k = nullptr;
  const json* v = field(o, {"line", "lineno"}, &k);
  if (!v) return 0;
  if (v->is_number_unsigned() || v->is_number_integer()) {
    int64_t n = v->is_number_unsigned() && v->get<uint64_t>() > INT_MAX ? -1 : v->get<int64_t>();
    if (n >= 0 && n <= INT_MAX) return static_cast<int>(n);
  } else if (v->is_string() && (v->get<std::string>().empty() || to_line(v->get<std::string>()))) {
    return to_line(v->get<std::string>());
  }
  bad(std::string("\"") + k + "\" must be a line number");
}

ErrorFrame frame_from_json(const json& f) {
  if (f.is_string()) return parse_frame_text(f.get<std::string>());
  if (!f.is_object()) bad("a frame must be a string or an object");
  ErrorFrame out;
  out.path = text_field(f, {"file", "path", "filename", "abs_path"});
  out.line = line_field(f);
  out.function = text_field(f, {"function", "func", "method", "symbol"});
  return out;
}

std::vector<ErrorFrame> frames_from_array(const json& a, bool outermost_first) {
  std::vector<ErrorFrame> out;
  for (const json& f : a) out.push_back(frame_from_json(f));
  if (outermost_first) std::reverse(out.begin(), out.end());
  return out;
}

// A stack given as one string: one frame a line.
std::vector<ErrorFrame> frames_from_string(std::string_view s) {
  std::vector<ErrorFrame> out;
  for (size_t pos = 0; pos < s.size();) {
    size_t end = s.find('\n', pos);
    if (end == std::string_view::npos) end = s.size();
    std::string_view t = trim(s.substr(pos, end - pos));
    pos = end + 1;
    int n = 0;
    std::string_view rest;
    if (backtrace_line(t, &n, &rest)) {
      out.push_back(backtrace_frame(rest));
    } else if (!t.empty()) {
      out.push_back(parse_frame_text(t));
    }
  }
  return out;
}

// Sentry: exception.values[], the last one being the exception raised;
// each stacktrace lists its frames outermost first.
std::vector<ErrorFrame> sentry_frames(const json& exception) {
  const json* values =
      exception.is_object() && exception.contains("values") ? &exception["values"] : &exception;
  if (!values->is_array()) bad("\"exception\" must hold an array \"values\"");
  for (auto it = values->rbegin(); it != values->rend(); ++it) {
    if (!it->is_object()) bad("\"exception.values\" must hold objects");
    auto st = it->find("stacktrace");
    if (st == it->end() || !st->is_object()) continue;
    auto frames = st->find("frames");
    if (frames != st->end() && frames->is_array()) return frames_from_array(*frames, true);
  }
  return {};
}

std::vector<ErrorFrame> frames_of(const json& o) {
  const char* k = nullptr;
  if (const json* v = field(o, {"frames", "stack", "stacktrace"}, &k)) {
    if (v->is_array()) return frames_from_array(*v, false);
    if (v->is_string()) return frames_from_string(v->get<std::string>());
    if (v->is_object() && v->contains("frames") && (*v)["frames"].is_array()) {
      return frames_from_array((*v)["frames"], true);  // Sentry's stacktrace object
    }
    bad(std::string("\"") + k + "\" must be an array of frames");
  }
  if (const json* v = field(o, {"exception"}, &k)) return sentry_frames(*v);
  ErrorFrame f = frame_from_json(o);
  if (f.path.empty() && f.function.empty()) return {};
  return {f};
}

int64_t count_of(const json& o) {
  auto it = o.find("count");
  if (it == o.end() || it->is_null()) return 1;
  if (it->is_number_unsigned()) {
    if (it->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) bad("\"count\" exceeds 2^63-1");
    return it->get<int64_t>();
  }
  if (it->is_number_integer() && it->get<int64_t>() >= 0) return it->get<int64_t>();
  bad("\"count\" must be a non-negative integer of at most 2^63-1");
}

ErrorReport report_from_json(const json& o) {
  if (!o.is_object()) bad("a report must be a JSON object");
  ErrorReport r;
  r.count = count_of(o);
  r.frames = frames_of(o);
  return r;
}

void add(ErrorReports& out, ErrorReport r, const std::string& where) {
  if (__builtin_add_overflow(out.total, r.count, &out.total)) {
    throw InputError(where + ": the report counts add up to more than 2^63-1");
  }
  out.reports.push_back(std::move(r));
}

// The line of each element of a top-level JSON array, in one pass.
std::vector<int> element_lines(std::string_view text) {
  std::vector<int> lines;
  int line = 1, depth = 0;
  bool in_string = false, escaped = false, want = false;
  for (char c : text) {
    if (c == '\n') ++line;
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (is_space(c)) continue;
    if (want && depth == 1 && c != ']') lines.push_back(line);
    want = false;
    if (c == '"') in_string = true;
    if (c == '[' || c == '{') want = ++depth == 1;
    if (c == ']' || c == '}') --depth;
    if (c == ',' && depth == 1) want = true;
  }
  return lines;
}

ErrorReports read_json_array(std::string_view text, const std::string& name) {
  json doc = parse_json_input(text, name, "JSON error reports");
  if (!doc.is_array()) throw InputError(name + ": expected a JSON array of reports");
  ErrorReports out;
  out.format = "json";
  std::vector<int> lines = element_lines(text);
  for (size_t i = 0; i < doc.size(); ++i) {
    std::string where = name + ":" + (i < lines.size() ? std::to_string(lines[i]) : "?");
    try {
      ErrorReport r = report_from_json(doc[i]);
      r.source_line = i < lines.size() ? lines[i] : 0;
      add(out, std::move(r), where);
    } catch (const BadField& e) {
      throw InputError(where + ": report " + std::to_string(i) + ": " + e.what);
    }
  }
  return out;
}

ErrorReports read_json_lines(std::string_view text, const std::string& name) {
  ErrorReports out;
  out.format = "json-lines";
  int no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++no;
    if (trim(line).empty()) continue;
    std::string where = name + ":" + std::to_string(no);
    json doc;
    try {
      doc = json::parse(line.begin(), line.end());
    } catch (const json::exception& e) {
      std::string col = "";
      if (auto* pe = dynamic_cast<const json::parse_error*>(&e)) {
        col = ":" + std::to_string(pe->byte == 0 ? 1 : pe->byte);
      }
      std::string reason = e.what();
      size_t colon = reason.rfind(": ");
      if (colon != std::string::npos) reason = reason.substr(colon + 2);
      throw InputError(where + col + ": malformed JSON Lines report: " + reason);
    }
    try {
      ErrorReport r = report_from_json(doc);
      r.source_line = no;
      add(out, std::move(r), where);
    } catch (const BadField& e) {
      throw InputError(where + ": " + e.what);
    }
  }
  return out;
}

bool first_line_is_json(std::string_view t) {
  size_t end = t.find('\n');
  std::string_view first = t.substr(0, end);
  return json::accept(first.begin(), first.end());
}

}  // namespace

bool parse_location(std::string_view token, std::string* path, int* line) {
  size_t b = token.find_first_not_of("([<\"'");
  if (b == std::string_view::npos) return false;
  token = token.substr(b);
  size_t e = token.find_last_not_of(")]>\"',;:.");
  if (e == std::string_view::npos) return false;
  token = token.substr(0, e + 1);
  size_t colon = token.rfind(':');
  if (colon == std::string_view::npos) return false;
  std::string_view head = token.substr(0, colon), number = token.substr(colon + 1);
  if (!all_digits(number)) return false;
  size_t prev = head.rfind(':');
  if (prev != std::string_view::npos && all_digits(head.substr(prev + 1))) {
    number = head.substr(prev + 1);  // path:line:col
    head = head.substr(0, prev);
  }
  if (head.empty() || head.find_first_of("./\\") == std::string_view::npos ||
      head.find("://") != std::string_view::npos || starts_with(head, "0x")) {
    return false;
  }
  int n = to_line(number);
  if (n == 0) return false;
  *path = std::string(head);
  *line = n;
  return true;
}

ErrorFrame parse_frame_text(std::string_view text) {
  std::string_view t = trim(text);
  ErrorFrame f;
  size_t sp = t.find_last_of(" \t");
  std::string_view last = sp == std::string_view::npos ? t : t.substr(sp + 1);
  if (!parse_location(last, &f.path, &f.line)) {
    f.function = std::string(t);
    return f;
  }
  std::string_view fn = sp == std::string_view::npos ? std::string_view() : trim(t.substr(0, sp));
  if (fn.size() >= 3 && fn.substr(fn.size() - 3) == " at") fn = trim(fn.substr(0, fn.size() - 3));
  if (fn == "at") fn = {};
  f.function = std::string(fn);
  return f;
}

ErrorReports parse_error_reports(std::string_view text, const std::string& name) {
  std::string_view t = text;
  if (starts_with(t, "\xEF\xBB\xBF")) t.remove_prefix(3);
  size_t first = t.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && t[first] == '[') return read_json_array(text, name);
  if (first != std::string_view::npos && t[first] == '{') {
    // JSON Lines, unless the first object spans several lines: then one
    // pretty-printed report.
    if (first_line_is_json(t.substr(first))) return read_json_lines(text, name);
    ErrorReports out;
    out.format = "json";
    json doc = parse_json_input(text, name, "JSON error report");
    try {
      add(out, report_from_json(doc), name);
    } catch (const BadField& e) {
      throw InputError(name + ": " + e.what);
    }
    return out;
  }
  return read_text(text, name);
}

}  // namespace stepup
