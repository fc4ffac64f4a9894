#include "scanner/parse/log_inference.h"

#include "scanner/parse/signal_patterns.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

namespace stepup {

namespace {

std::vector<std::string> words(std::string_view name) { return name_words(name); }

bool one_of(const std::string& w, std::initializer_list<std::string_view> set) {
  for (std::string_view x : set) {
    if (w == x) return true;
  }
  return false;
}

}  // namespace

LogName log_name(std::string_view name) {
  std::vector<std::string> ws = words(name);
  if (ws.empty()) return LogName::kNone;
  // Setters, factories and lifecycle calls about a logger do not log.
  if (ws.size() > 1 &&
      one_of(ws[0], {"set",     "get",    "new",    "create",  "make",     "open",       "close",
                     "init",    "reset",  "add",    "remove",  "register", "unregister", "flush",
                     "destroy", "delete", "free",   "install", "enable",   "disable",    "is",
                     "has",     "should", "rotate", "parse"})) {
    return LogName::kNone;
  }
  auto log_word = [](const std::string& w) {
    return one_of(w, {"log", "logv", "logf", "logger", "logging", "logln", "vlog"});
  };
  if (log_word(ws[0]) || ws[0] == "trace" || ws[0] == "tracef") return LogName::kLeadsWithLog;
  if (one_of(ws[0], {"warn", "warning", "warnf", "error", "errorf", "fatal", "fatalf", "info",
                     "infof", "debug", "debugf", "notice", "verbose"})) {
    return LogName::kReporting;
  }
  for (const std::string& w : ws) {
    if (log_word(w)) return LogName::kHasLogWord;
  }
  return LogName::kNone;
}

bool log_like_name(std::string_view name, bool* weak) {
  LogName n = log_name(name);
  *weak = n == LogName::kReporting;
  return n != LogName::kNone;
}

bool log_like_result(std::string_view result, bool weak) {
  if (result == "void" || result == "int") return true;
  if (weak) return false;  // `Status Error(...)` builds an error, `bool Error()` too
  for (std::string_view t : {"bool", "long", "unsigned int", "size_t", "ssize_t", "int64_t"}) {
    if (result == t) return true;
  }
  return false;
}

std::string log_shape_reason(const DeclFacts& d) {
  bool weak = false;
  if (!log_like_name(d.name, &weak)) return {};
  if (d.is_macro) return d.variadic ? "a variadic macro with a log-like name" : "";
  if (!log_like_result(d.result, weak)) return {};
  if (d.variadic && d.format_param) return "variadic with a format parameter";
  if (d.variadic && d.logger_param) return "variadic with a logger parameter";
  if (d.variadic) return "variadic";
  if (d.format_param) return "takes a printf-style format parameter";
  // A logger or stream parameter alone is common in setters and dump
  // helpers (leveldb_options_set_info_log, Info(std::ostream&)): only a
  // name that leads with a log word counts with it.
  if (d.logger_param && log_name(d.name) == LogName::kLeadsWithLog) {
    return "takes a logger or sink parameter";
  }
  return {};
}

bool may_wrap_log(const DeclFacts& d) {
  LogName n = log_name(d.name);
  if (n != LogName::kLeadsWithLog && n != LogName::kReporting) return false;
  return d.is_macro || log_like_result(d.result, n == LogName::kReporting);
}

namespace {

struct Api {
  const DeclFacts* decl = nullptr;
  std::string reason;
  int64_t calls = 0;
};

// Wrappers by their bodies: a log-like function whose definition makes a
// known log call (its log_calls, or a call of an API inferred so far).
// Repeated until nothing new, so wrappers of wrappers are found.
void find_wrappers(const Report& report, std::map<std::string, Api>& apis) {
  for (bool grew = true; grew;) {
    grew = false;
    for (const FileFacts& file : report.files) {
      for (const FunctionFacts& fn : file.functions) {
        if (fn.usr.empty() || apis.count(fn.usr)) continue;
        auto d = report.declarations.find(fn.usr);
        if (d == report.declarations.end() || d->second.known_log || !may_wrap_log(d->second)) {
          continue;
        }
        std::string via;
        for (const CallSite& c : fn.calls) {
          auto a = apis.find(c.callee_usr);
          if (a != apis.end() && c.callee_usr != fn.usr) {
            via = a->second.decl->qualified_name;
            break;
          }
        }
        if (via.empty() && fn.log_calls == 0) continue;
        std::string reason = via.empty()
                                 ? "wraps a known log API (" + std::to_string(fn.log_calls) +
                                       " log call(s) in its body)"
                                 : "wraps " + via;
        apis[fn.usr] = {&d->second, reason, 0};
        grew = true;
      }
    }
  }
}

}  // namespace

void infer_log_apis(Report& report) {
  // Which definitions log (by USR, and by plain name for virtual calls,
  // whose declaration has no body): such a callee reports its own failure.
  std::set<std::string> logging_usrs, logging_names;
  auto note_logging = [&]() {
    for (const FileFacts& file : report.files) {
      for (const FunctionFacts& fn : file.functions) {
        if (fn.log_calls == 0) continue;
        logging_usrs.insert(fn.usr);
        logging_names.insert(fn.name);
      }
    }
  };
  auto callee_logs = [&](const std::string& usr, const FunctionFacts& caller) {
    if (usr.empty()) return false;
    if (logging_usrs.count(usr)) return true;
    auto d = report.declarations.find(usr);
    if (d == report.declarations.end()) return false;
    for (const CallSite& c : caller.calls) {
      if (c.callee_usr == usr && c.is_virtual) return logging_names.count(d->second.name) > 0;
    }
    return false;
  };
  std::map<std::string, Api> apis;  // by USR
  for (const auto& [usr, d] : report.declarations) {
    if (d.known_log) continue;  // counted as a log_functions / log_macros call already
    std::string reason = log_shape_reason(d);
    if (reason.empty() && d.is_macro && d.calls_log && may_wrap_log(d)) {
      reason = "a macro with a log-like name that makes a known log call";
    }
    if (!reason.empty()) apis[usr] = {&d, reason, 0};
  }
  std::set<std::string> by_shape;
  for (const auto& [usr, api] : apis) by_shape.insert(usr);
  find_wrappers(report, apis);

  std::set<std::string> wrappers;  // counted here, not in the walk
  for (const auto& [usr, api] : apis) {
    // A log-like macro without varargs is not counted at its expansion:
    // the known log call inside it already is.
    bool counted_in_walk = by_shape.count(usr) > 0;
    if (!counted_in_walk && !api.decl->is_macro) wrappers.insert(usr);
  }
  for (FileFacts& file : report.files) {
    for (FunctionFacts& fn : file.functions) {
      int added = 0;
      for (const CallSite& c : fn.calls) {
        if (!c.in_log && wrappers.count(c.callee_usr)) ++added;
      }
      fn.log_calls += added;
      file.log_calls += added;
    }
  }
  note_logging();  // with the wrappers' calls counted
  for (FileFacts& file : report.files) {
    for (FunctionFacts& fn : file.functions) {
      for (const CallSite& c : fn.calls) {
        auto a = apis.find(c.callee_usr);
        if (a != apis.end() && !c.in_log) ++a->second.calls;
      }
      auto logs_on_path = [&](const Finding& f) {
        if (f.kind != "unlogged-error-path") return false;
        for (const std::string& usr : f.path_calls) {
          if (apis.count(usr)) return true;
        }
        return callee_logs(f.failed_call, fn);
      };
      fn.findings.erase(std::remove_if(fn.findings.begin(), fn.findings.end(), logs_on_path),
                        fn.findings.end());
    }
  }
  // Where each function is defined, for users to confirm it: the
  // definition the scan measured, else the first declaration.
  std::map<std::string, std::pair<std::string, int>> defined_at;
  for (const FileFacts& file : report.files) {
    for (const FunctionFacts& fn : file.functions) {
      if (!fn.usr.empty() && apis.count(fn.usr)) defined_at[fn.usr] = {file.path, fn.line};
    }
  }
  report.log_apis.clear();
  for (const auto& [usr, api] : apis) {
    const DeclFacts& d = *api.decl;
    if (api.calls == 0) continue;  // defined or declared, never called: nothing counted
    auto def = defined_at.find(usr);
    std::string path = def != defined_at.end() ? def->second.first : d.path;
    int line = def != defined_at.end() ? def->second.second : d.line;
    report.log_apis.push_back({d.is_macro ? d.name : d.qualified_name,
                               d.is_macro ? "macro" : "function", path, line, api.reason,
                               api.calls});
  }
  std::sort(report.log_apis.begin(), report.log_apis.end(),
            [](const InferredLogApi& a, const InferredLogApi& b) {
              if (a.path != b.path) return a.path < b.path;
              if (a.line != b.line) return a.line < b.line;
              return a.name < b.name;
            });
}

}  // namespace stepup
