#include "scanner/parse/signal_patterns.h"

#include <cctype>
#include <initializer_list>

#include "scanner/parse/clang_util.h"
#include "scanner/parse/log_inference.h"

namespace stepup {

bool name_glob_match(std::string_view p, std::string_view s) {
  size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = si;
    } else if (pi < p.size() && p[pi] == s[si]) {
      ++pi;
      ++si;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

PatternSet::PatternSet(const std::vector<std::string>& patterns) {
  for (const std::string& p : patterns) {
    if (p.compare(0, 2, "::") == 0) {
      rooted_.push_back(p.substr(2));
    } else if (p.find("::") != std::string::npos) {
      anywhere_.push_back(p);
    } else {
      plain_.push_back(p);
    }
  }
}

// "a::x" at the start of the qualified name or after any "::" in it.
static bool matches_at_boundary(std::string_view p, std::string_view qualified) {
  for (size_t start = 0;;) {
    if (name_glob_match(p, qualified.substr(start))) return true;
    size_t sep = qualified.find("::", start);
    if (sep == std::string_view::npos) return false;
    start = sep + 2;
  }
}

bool PatternSet::matches_name(std::string_view name) const {
  for (const std::string& p : plain_) {
    if (name_glob_match(p, name)) return true;
  }
  return false;
}

bool PatternSet::matches_qualified(std::string_view qualified) const {
  for (const std::string& p : rooted_) {
    if (name_glob_match(p, qualified)) return true;
  }
  for (const std::string& p : anywhere_) {
    if (matches_at_boundary(p, qualified)) return true;
  }
  return false;
}

bool PatternSet::matches_class(std::string_view qualified) const {
  for (const std::string& p : anywhere_) {
    if (matches_at_boundary(p, qualified)) return true;
  }
  return false;
}

bool PatternSet::matches(std::string_view name, std::string_view qualified, bool in_std) const {
  // std::atomic::fetch_add is no database fetch: plain names skip std.
  if (!in_std && matches_name(name)) return true;
  return matches_qualified(qualified);
}

SignalMatcher::SignalMatcher(const SignalConfig& config)
    : log_macros(config.log_macros),
      log_functions(config.log_functions),
      io_functions(config.io_functions),
      error_values(config.error_values),
      stderr_is_logging(config.stderr_is_logging),
      infer_log_apis(config.infer_log_apis),
      call_graph(config.call_graph) {}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

// The words of a snake_case or camelCase name, lower-cased.
std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> words;
  std::string cur;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool upper = std::isupper(static_cast<unsigned char>(c)) != 0;
    if (c == '_' || (upper && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1])))) {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
      if (c == '_') continue;
    }
    cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (!cur.empty()) words.push_back(cur);
  return words;
}

namespace {

bool has_word(std::string_view name, std::initializer_list<std::string_view> wanted) {
  for (const std::string& w : name_words(name)) {
    for (std::string_view x : wanted) {
      if (w == x) return true;
    }
  }
  return false;
}

std::string strip_template_args(std::string s) {
  size_t lt = s.find('<');
  if (lt != std::string::npos && lt > 0) s.erase(lt);
  return s;
}

// A result that reads as success or failure: bool, a pointer, a signed
// integer wider than char (a status or a count that may be -1).
bool status_type(CXType t) {
  switch (clang_getCanonicalType(t).kind) {
    case CXType_Bool:
    case CXType_Pointer:
    case CXType_Short:
    case CXType_Int:
    case CXType_Long:
    case CXType_LongLong:
      return true;
    default:
      return false;
  }
}

}  // namespace

// Names that read as a question or a lookup: their false/-1/nullptr is an
// answer, not an error. A question word anywhere counts too:
// clang_Cursor_isNull, user_exists, tryLock.
bool predicate_name(std::string_view name) {
  static const char* const kPrefixes[] = {"is",    "has",     "can",    "should",   "contains",
                                          "find",  "lookup",  "get",    "try",      "empty",
                                          "equal", "match",   "exists", "operator", "check",
                                          "valid", "compare", "less",   "verify"};
  std::string l = lower(name);
  for (const char* p : kPrefixes) {
    if (starts_with(l, p)) return true;
  }
  return has_word(name, {"is", "has", "can", "should", "contains", "exists", "empty", "equal",
                         "equals", "match", "matches", "valid", "find", "lookup", "get", "try"});
}

bool says_cannot_happen(std::string_view call_text) {
  std::string l = lower(call_text);
  for (const char* phrase :
       {"internal error", "unreachable", "not reached", "unexpected", "should not happen",
        "should never", "cannot happen", "can't happen", "impossible", "invariant"}) {
    if (l.find(phrase) != std::string::npos) return true;
  }
  return false;
}

// A call that, by its name, tells someone about the error: an error path
// holding one is not called unlogged, even if the name is no log API.
bool reporting_name(std::string_view name) {
  return has_word(name, {"log", "logger", "logging", "warn", "warning", "error", "err", "report",
                         "trace", "alert", "fail", "failure", "perror", "print", "printf",
                         "fprintf", "puts", "notify", "record"});
}

// An assignment target whose name says it stores an error: a word that
// starts with "err" (err, error, errors, errno, errptr, errmsg, errbuf), or
// status, ec, failed, failure.
bool error_holder_name(std::string_view name) {
  for (const std::string& w : name_words(name)) {
    if (w.rfind("err", 0) == 0) return true;
  }
  return has_word(name, {"ec", "status", "failed", "failure"});
}

// "ns::Class::name" with inline and anonymous namespaces and template
// arguments left out; *top receives the outermost part.
std::string qualified_name(CXCursor named, const std::string& name, std::string* top) {
  std::string q = name;
  top->clear();
  for (CXCursor p = clang_getCursorSemanticParent(named);
       !clang_Cursor_isNull(p) && !clang_isTranslationUnit(clang_getCursorKind(p));
       p = clang_getCursorSemanticParent(p)) {
    switch (clang_getCursorKind(p)) {
      case CXCursor_Namespace:
        if (clang_Cursor_isInlineNamespace(p)) continue;
        break;
      case CXCursor_ClassDecl:
      case CXCursor_StructDecl:
      case CXCursor_UnionDecl:
      case CXCursor_ClassTemplate:
      case CXCursor_ClassTemplatePartialSpecialization:
      case CXCursor_EnumDecl:
        break;
      default:
        continue;  // extern "C", functions around local classes
    }
    std::string part = strip_template_args(take_string(clang_getCursorSpelling(p)));
    if (part.empty() || clang_Cursor_isAnonymous(p)) continue;
    q = part + "::" + q;
    *top = part;
  }
  return q;
}

bool is_std_like(const std::string& top) { return top == "std" || starts_with(top, "__"); }

namespace {

bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
  for (std::string_view x : set) {
    if (s == x) return true;
  }
  return false;
}

// A chunk of a stream on an open handle, or a delay: never a round trip.
IoKind io_kind(const std::string& name, const std::string& qualified) {
  if (one_of(name, {"sleep", "usleep", "nanosleep", "sleep_for", "sleep_until"})) {
    return IoKind::kSleep;
  }
  if (one_of(name, {"read", "write", "pread", "pwrite", "readv", "writev", "preadv", "pwritev",
                    "fread", "fwrite", "fgets", "fputs", "send", "recv", "sendto", "recvfrom",
                    "sendmsg", "recvmsg"}) ||
      (starts_with(qualified, "boost::asio::") &&
       (starts_with(name, "read") || starts_with(name, "write") ||
        starts_with(name, "async_read") || starts_with(name, "async_write")))) {
    return IoKind::kStream;
  }
  return IoKind::kRoundTrip;
}

}  // namespace

bool decoder_name(std::string_view name) {
  std::vector<std::string> ws = name_words(name);
  return !ws.empty() && one_of(ws[0], {"parse", "decode", "read", "get", "consume", "valid",
                                       "validate", "check", "scan", "lex", "deserialize", "unpack",
                                       "unmarshal", "extract", "peek", "skip", "expect", "eat"});
}

namespace {

// libc and POSIX calls that report failure through errno.
bool errno_call(const std::string& name) {
  static const char* const kCalls[] = {
      "fopen",     "fdopen",        "freopen",      "fclose",    "fflush",    "fwrite",
      "fread",     "fseek",         "fseeko",       "ftell",     "ftello",    "setvbuf",
      "fputs",     "fputc",         "fprintf",      "fgets",     "open",      "openat",
      "close",     "read",          "write",        "pread",     "pwrite",    "lseek",
      "stat",      "fstat",         "lstat",        "mkdir",     "rmdir",     "unlink",
      "rename",    "chdir",         "getcwd",       "pipe",      "dup",       "dup2",
      "fork",      "waitpid",       "socket",       "bind",      "listen",    "accept",
      "connect",   "send",          "recv",         "poll",      "select",    "mmap",
      "munmap",    "fsync",         "ftruncate",    "truncate",  "opendir",   "readdir",
      "closedir",  "link",          "symlink",      "readlink",  "chmod",     "utimes",
      "utimensat", "fcntl",         "ioctl",        "flock",     "realpath",  "execv",
      "execvp",    "posix_spawn",   "sysconf",      "getrlimit", "setrlimit", "kill",
      "sigaction", "clock_gettime", "gettimeofday", "fdatasync", "remove"};
  for (const char* c : kCalls) {
    if (name == c) return true;
  }
  return false;
}

}  // namespace

bool parser_name(std::string_view name) {
  std::vector<std::string> ws = name_words(name);
  return !ws.empty() &&
         one_of(ws[0], {"parse", "decode", "consume", "scan", "lex", "deserialize", "unpack",
                        "unmarshal", "extract", "peek", "skip", "expect", "eat", "match"});
}

CalleeInfo callee_info(CXCursor decl, const SignalMatcher& m, RepoFacts* repo) {
  CalleeInfo info;
  info.constructor = clang_getCursorKind(decl) == CXCursor_Constructor;
  CXCursor named = info.constructor ? clang_getCursorSemanticParent(decl) : decl;
  std::string name = strip_template_args(take_string(clang_getCursorSpelling(named)));
  info.name = name;
  std::string top;
  std::string qualified = qualified_name(named, name, &top);
  bool in_std = is_std_like(top);
  bool known = !info.constructor && m.log_functions.matches(name, qualified, in_std);
  if (repo && !in_std) info.repo_usr = repo->record_function(decl, known);
  if (info.constructor) {
    // A constructed class is I/O only by a pattern naming its namespace:
    // a plain "Query*" would make every QueryBuilder a database call, and
    // "::stat" (the function) every `struct stat`.
    info.io = m.io_functions.matches_class(qualified);
    return info;
  }
  info.log = known;
  if (!info.repo_usr.empty() && !info.log && m.infer_log_apis) {
    info.inferred_log = !log_shape_reason(repo->declarations.at(info.repo_usr)).empty();
  }
  info.io = m.io_functions.matches(name, qualified, in_std);
  if (info.io) info.io_kind = io_kind(name, qualified);
  // A libc/POSIX call that sets errno hands the reason to the caller with
  // its failure: `if (fflush(f) != 0) return false;` loses nothing.
  bool sets_errno = top.empty() && clang_Location_isInSystemHeader(clang_getCursorLocation(decl)) &&
                    errno_call(name);
  info.action = !in_std && !sets_errno && !predicate_name(name) && !parser_name(name) &&
                !clang_CXXMethod_isConst(decl) && status_type(clang_getCursorResultType(decl));
  info.reporting = reporting_name(name);
  info.assignment =
      name == "operator=" || (starts_with(name, "operator") && name.size() > 9 &&
                              name.back() == '=' && name != "operator==" && name != "operator!=" &&
                              name != "operator<=" && name != "operator>=");
  bool global = top.empty() || in_std;
  std::vector<std::string> ws = name_words(name);
  info.fatal = (global && one_of(name, {"abort", "_exit", "_Exit", "quick_exit", "terminate"})) ||
               (!info.repo_usr.empty() && !ws.empty() && one_of(ws[0], {"fatal", "die", "panic"}));
  return info;
}

}  // namespace stepup
