#include "scanner/evidence/profile.h"

#include <cxxabi.h>

#include <cctype>
#include <cstdlib>
#include <limits>
#include <memory>
#include <unordered_map>

#include "model/errors.h"

namespace stepup {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool starts_with(std::string_view s, std::string_view head) {
  return s.substr(0, head.size()) == head;
}

// Exact: counts above 2^53 must not pass through a double.
bool parse_uint64(std::string_view s, uint64_t* out) {
  if (s.empty()) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    if (__builtin_mul_overflow(v, 10u, &v) || __builtin_add_overflow(v, unsigned(c - '0'), &v)) {
      return false;
    }
  }
  *out = v;
  return true;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

CollapsedProfile parse_collapsed(std::string_view text, const std::string& name) {
  CollapsedProfile out;
  std::unordered_map<std::string_view, uint32_t> ids;  // views into text
  size_t line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto fail = [&](const std::string& what) -> void {
      throw InputError(name + ":" + std::to_string(line_no) + ": " + what);
    };
    size_t space = line.find_last_of(" \t");
    if (space == std::string_view::npos) {
      fail("no sample count (expected \"frame;frame;...;leaf COUNT\")");
    }
    std::string_view count = line.substr(space + 1);
    CollapsedProfile::Stack stack;
    if (!parse_uint64(count, &stack.samples)) {
      if (all_digits(count)) fail("sample count " + std::string(count) + " exceeds 2^64-1");
      fail("sample count \"" + std::string(count.substr(0, 40)) + "\" is not an unsigned integer");
    }
    std::string_view frames = trim(line.substr(0, space));
    for (size_t f = 0; f <= frames.size();) {
      size_t semi = frames.find(';', f);
      if (semi == std::string_view::npos) semi = frames.size();
      std::string_view frame = trim(frames.substr(f, semi - f));
      f = semi + 1;
      if (frame.empty()) continue;
      auto [it, fresh] = ids.emplace(frame, static_cast<uint32_t>(out.frames.size()));
      if (fresh) out.frames.emplace_back(frame);
      stack.frames.push_back(it->second);
    }
    if (stack.frames.empty()) fail("empty stack before the sample count");
    if (__builtin_add_overflow(out.total_samples, stack.samples, &out.total_samples)) {
      fail("the sample counts add up to more than 2^64-1");
    }
    out.stacks.push_back(std::move(stack));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Frame names

namespace {

bool is_ident(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

// Trailing decorations that say how the code was emitted, not what it is.
std::string_view strip_annotations(std::string_view s) {
  s = trim(s);
  // stackcollapse-perf's _[k] kernel, _[j] JIT, _[i] inlined, _[w] waker.
  if (s.size() > 4 && ends_with(s.substr(0, s.size() - 2), "_[") && s.back() == ']') {
    s.remove_suffix(4);
  }
  if (ends_with(s, " (inlined)")) s.remove_suffix(10);
  // perf with --addrs style "fn+0x1f".
  size_t plus = s.rfind("+0x");
  if (plus != std::string_view::npos && plus > 0) {
    bool hex = plus + 3 < s.size();
    for (size_t i = plus + 3; i < s.size(); ++i) hex = hex && std::isxdigit((unsigned char)s[i]);
    if (hex) s = s.substr(0, plus);
  }
  // "memcpy@plt", "malloc@@GLIBC_2.2.5".
  size_t at = s.find('@');
  if (at != std::string_view::npos && s.find_first_of(")>", at) == std::string_view::npos) {
    s = s.substr(0, at);
  }
  // GCC's clone notes, possibly several: " [clone .isra.0] [clone .cold]".
  while (ends_with(s, "]")) {
    size_t open = s.rfind(" [clone ");
    if (open == std::string_view::npos) break;
    s = trim(s.substr(0, open));
  }
  return s;
}

// A shared object or executable standing in for unsymbolized code.
bool is_module_name(std::string_view s) {
  if (s.find('(') != std::string_view::npos) return false;
  size_t so = s.rfind(".so");
  if (so == std::string_view::npos) return false;
  for (size_t i = so + 3; i < s.size(); ++i) {
    if (!(s[i] == '.' || (s[i] >= '0' && s[i] <= '9'))) return false;
  }
  return true;
}

std::string demangle(std::string_view s) {
  if (s.size() > 4096) return {};  // the demangler recurses; keep it bounded
  std::string mangled(s);
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> out(
      abi::__cxa_demangle(mangled.c_str(), nullptr, nullptr, &status), std::free);
  return status == 0 && out ? std::string(out.get()) : std::string();
}

// Index one past the bracket group that opens at s[i] ('<', '(', '[' or
// '{'), counting all four kinds; the end of s when it never closes.
size_t skip_group(std::string_view s, size_t i) {
  int depth = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '<' || c == '(' || c == '[' || c == '{') ++depth;
    if (c == '>' || c == ')' || c == ']' || c == '}') {
      if (--depth == 0) return i + 1;
    }
  }
  return s.size();
}

// Parameters in "(...)": top-level commas + 1; "()" and "(void)" have none.
int count_params(std::string_view list) {
  std::string_view inner = trim(list.substr(1, list.size() >= 2 ? list.size() - 2 : 0));
  if (inner.empty() || inner == "void") return 0;
  int depth = 0, n = 1;
  for (char c : inner) {
    if (c == '<' || c == '(' || c == '[' || c == '{') ++depth;
    if (c == '>' || c == ')' || c == ']' || c == '}') --depth;
    if (c == ',' && depth == 0) ++n;
  }
  return n;
}

// "operator<<", "operator()", "operator new[]", "operator bool" starting
// at s[i] (which holds "operator"): the name as clang spells it.
std::string read_operator(std::string_view s, size_t* i) {
  size_t j = *i + 8;
  while (j < s.size() && s[j] == ' ') ++j;
  std::string name = "operator";
  if (s.substr(j, 2) == "()" || s.substr(j, 2) == "[]") {
    name += s.substr(j, 2);
    j += 2;
  } else if (j < s.size() && !is_ident(s[j])) {
    static constexpr std::string_view kSymbols = "+-*/%^&|~!=<>,";
    while (j < s.size() && kSymbols.find(s[j]) != std::string_view::npos) name += s[j++];
  } else {
    // new, delete, new[], or a conversion operator's type.
    size_t end = j;
    while (end < s.size() && s[end] != '(') end = s[end] == '<' ? skip_group(s, end) : end + 1;
    name += " " + std::string(trim(s.substr(j, end - j)));
    j = end;
  }
  *i = j;
  return name;
}

// Walks a cleaned frame left to right; see parse_frame_name.
class FrameReader {
 public:
  explicit FrameReader(std::string_view s) : s_(s) {}

  FrameName read() {
    size_t i = 0;
    while (i < s_.size() && !done_) i = step(i);
    if (!done_) finish_part();
    if (out_.parts.empty()) out_.params = -1;
    return out_;
  }

 private:
  size_t step(size_t i) {
    char c = s_[i];
    if (c == ':' && i + 1 < s_.size() && s_[i + 1] == ':') {
      finish_part();
      return i + 2;
    }
    if (c == ' ') return space(i);
    if (c == '<') return skip_group(s_, i);  // template arguments
    if (c == '(') return paren(i);
    if (c == '{') {
      // "{lambda()#1}", "{unnamed type#1}": belongs to the enclosing function.
      cur_.empty() ? stop() : reset();
      return skip_group(s_, i);
    }
    if (c == '.') {  // GCC clone suffix on a raw symbol: "fn.isra.0", "fn.cold"
      while (i < s_.size() && (is_ident(s_[i]) || s_[i] == '.')) ++i;
      return i;
    }
    if (cur_.empty() && s_.substr(i, 8) == "operator" &&
        (i + 8 == s_.size() || !is_ident(s_[i + 8]))) {
      cur_ = read_operator(s_, &i);
      return i;
    }
    if (is_ident(c) || c == '~') {
      cur_ += c;
      return i + 1;
    }
    reset();  // '*', '&', ',' ...: part of a return type
    return i + 1;
  }

  // A space ends a return type ("void ns::f()"), unless a parameter list
  // follows the name, as gdb prints it: "ns::fn (x=1)".
  size_t space(size_t i) {
    size_t j = i;
    while (j < s_.size() && s_[j] == ' ') ++j;
    bool list_follows = j < s_.size() && s_[j] == '(' && !starts_with(s_.substr(j), "(anonymous ");
    if (!list_follows) reset();
    return j;
  }

  size_t paren(size_t i) {
    std::string_view rest = s_.substr(i);
    if (starts_with(rest, "(anonymous namespace)")) {
      if (!cur_.empty()) reset();
      cur_ = "(anonymous namespace)";
      return i + 21;
    }
    size_t end = skip_group(s_, i);
    if (cur_.empty()) return end;  // "(*)" of a function pointer type, "(/lib/x.so+0x1)"
    out_.params = count_params(s_.substr(i, end - i));
    finish_part();
    // What follows is cv-qualifiers, or "::{lambda()#1}::operator()" of a
    // local entity: either way the function is the one just read.
    stop();
    return end;
  }

  void finish_part() {
    if (!cur_.empty()) out_.parts.push_back(std::move(cur_));
    cur_.clear();
  }
  void reset() {
    out_.parts.clear();
    cur_.clear();
  }
  void stop() {
    finish_part();
    done_ = true;
  }

  std::string_view s_;
  std::string cur_;
  FrameName out_;
  bool done_ = false;
};

}  // namespace

FrameName parse_frame_name(std::string_view frame) {
  std::string_view s = strip_annotations(frame);
  if (s.empty() || s[0] == '[' || is_module_name(s)) return {};
  std::string demangled;
  if (starts_with(s, "_Z")) {
    demangled = demangle(s);
    if (!demangled.empty()) s = strip_annotations(demangled);
  }
  return FrameReader(s).read();
}

}  // namespace stepup
