// Test support for scanner/graph: a Report of hand-made functions and calls.
#pragma once

#include <string>
#include <vector>

#include "model/report.h"

namespace stepup::test {

/// Adds a function (USR = its name) to the file at path, creating the file
/// (module = the path's folder) when new; returns it.
inline FunctionFacts& add_function(Report& r, const std::string& path, const std::string& name,
                                   int line, const std::string& role = "production") {
  FileFacts* file = nullptr;
  for (FileFacts& f : r.files) {
    if (f.path == path) file = &f;
  }
  if (!file) {
    r.files.emplace_back();
    file = &r.files.back();
    file->path = path;
    file->module = path.substr(0, path.rfind('/'));
    file->role = role;
  }
  FunctionFacts fn;
  fn.name = name.substr(name.rfind(':') == std::string::npos ? 0 : name.rfind(':') + 1);
  fn.qualified_name = name;
  fn.usr = name;
  fn.line = line;
  fn.end_line = line + 5;
  file->functions.push_back(fn);
  return file->functions.back();
}

/// A call from caller to callee at line; loop_line: the per-element loop.
inline void add_call(Report& r, const std::string& caller, const std::string& callee, int line,
                     int loop_line = 0, bool is_virtual = false) {
  for (FileFacts& f : r.files) {
    for (FunctionFacts& fn : f.functions) {
      if (fn.usr == caller) fn.calls.push_back({callee, line, is_virtual, false, loop_line});
    }
  }
}

}  // namespace stepup::test
