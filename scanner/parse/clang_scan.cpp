#include "scanner/parse/clang_scan.h"

#include <clang-c/Index.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "scanner/common/path_match.h"
#include "scanner/parse/clang_util.h"
#include "scanner/parse/scan_notes.h"
#include "scanner/parse/tu_visitor.h"
#include "scanner/parse/unbuilt.h"

namespace stepup {
namespace {

std::string relative_for_message(const ScanShared& s, const std::string& abs) {
  std::string rel = relative_to(s.in.root, abs);
  return rel.empty() ? abs : rel;
}

// The first error of a TU, as "path:line:col: message".
std::string first_error(const ScanShared& s, CXTranslationUnit tu, int* errors,
                        std::vector<std::string>* unknown_args) {
  std::string first;
  unsigned n = clang_getNumDiagnostics(tu);
  for (unsigned i = 0; i < n; ++i) {
    CXDiagnostic d = clang_getDiagnostic(tu, i);
    CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
    if (sev >= CXDiagnostic_Error) {
      std::string msg = take_string(clang_getDiagnosticSpelling(d));
      if (is_unknown_argument(d)) {
        const size_t skip = std::string("unknown argument: '").size();
        unknown_args->push_back(msg.substr(skip, msg.size() - skip - 1));
      } else {
        ++*errors;
        if (first.empty()) {
          CXFile file = nullptr;
          unsigned line = 0, col = 0;
          clang_getSpellingLocation(clang_getDiagnosticLocation(d), &file, &line, &col, nullptr);
          if (file) {
            first = relative_for_message(s, take_string(clang_getFileName(file))) + ":" +
                    std::to_string(line) + ":" + std::to_string(col) + ": ";
          }
          first += msg;
        }
      }
    }
    clang_disposeDiagnostic(d);
  }
  return first;
}

CXTranslationUnit parse(CXIndex index, const ParseTask& task, const std::vector<std::string>& args,
                        const std::string& resource_dir, CXErrorCode* err) {
  // No -working-directory: libclang would chdir the whole process, under
  // every worker's feet. sanitize_args made relative paths absolute instead.
  std::vector<std::string> full = args;
  if (!resource_dir.empty()) {
    full.push_back("-resource-dir");
    full.push_back(resource_dir);
  }
  // Warnings are not our business and cost time; spelling fixes on errors too.
  full.push_back("-w");
  full.push_back("-fno-spell-checking");
  std::vector<const char*> argv;
  for (const auto& a : full) argv.push_back(a.c_str());
  CXTranslationUnit tu = nullptr;
  unsigned options = CXTranslationUnit_KeepGoing | CXTranslationUnit_Incomplete |
                     CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
  *err =
      clang_parseTranslationUnit2FullArgv(index, task.main_file.c_str(), argv.data(),
                                          static_cast<int>(argv.size()), nullptr, 0, options, &tu);
  return tu;
}

void run_task(ScanShared& s, CXIndex index, const ParseTask& task, int tu_id) {
  std::vector<std::string> args = task.args;
  std::string rel = relative_for_message(s, task.main_file);
  for (int attempt = 0; attempt < 2; ++attempt) {
    CXErrorCode err = CXError_Success;
    CXTranslationUnit tu = parse(index, task, args, s.in.resource_dir, &err);
    if (!tu) {
      s.add({Diagnostic::Level::kWarning, "parse",
             "libclang could not parse this file (error " + std::to_string(static_cast<int>(err)) +
                 ")",
             rel});
      return;
    }
    int errors = 0;
    std::vector<std::string> unknown;
    std::string first = first_error(s, tu, &errors, &unknown);
    if (!unknown.empty() && attempt == 0) {
      // gcc-only flags clang does not know: drop them and parse again.
      std::set<std::string> drop(unknown.begin(), unknown.end());
      args.erase(std::remove_if(args.begin() + 1, args.end(),
                                [&](const std::string& a) { return drop.count(a) > 0; }),
                 args.end());
      clang_disposeTranslationUnit(tu);
      continue;
    }
    visit_tu(s, tu, tu_id, task);
    if (errors > 0) {
      s.add({task.standalone ? Diagnostic::Level::kInfo : Diagnostic::Level::kWarning, "parse",
             std::to_string(errors) + " error(s) while parsing" +
                 (task.standalone ? " on its own (no compile command)" : "") +
                 "; metrics may be incomplete. First: " + first,
             rel});
    }
    clang_disposeTranslationUnit(tu);
    return;
  }
}

void run_tasks(ScanShared& s, const std::vector<ParseTask>& tasks, int first_id, int jobs) {
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    CXIndex index = clang_createIndex(/*excludeDeclarationsFromPCH=*/0,
                                      /*displayDiagnostics=*/0);
    for (size_t i = next++; i < tasks.size(); i = next++) {
      run_task(s, index, tasks[i], first_id + tasks[i].group);
      int done = ++s.done;
      if (s.in.progress) s.in.progress(done, s.total);
    }
    clang_disposeIndex(index);
  };
  int n = std::max(1, std::min<int>(jobs, static_cast<int>(tasks.size())));
  std::vector<std::thread> threads;
  for (int i = 1; i < n; ++i) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
}

std::string compiler_name(const std::vector<std::string>& args) {
  return args.empty() ? "" : std::filesystem::path(args[0]).filename().string();
}

// A file parsed in several configurations (compile_db's variants) met its
// functions once per configuration: each definition site (line and
// qualified name) is kept once, the configuration that saw the most of it
// (the largest cyclomatic, then cognitive, extent, log calls) winning, so the
// result does not depend on which parse finished first.
void merge_configurations(std::vector<FunctionFacts>& fns) {
  std::stable_sort(fns.begin(), fns.end(), [](const FunctionFacts& a, const FunctionFacts& b) {
    return std::tie(a.line, a.qualified_name, b.cyclomatic, b.cognitive, b.end_line, b.log_calls) <
           std::tie(b.line, b.qualified_name, a.cyclomatic, a.cognitive, a.end_line, a.log_calls);
  });
  fns.erase(std::unique(fns.begin(), fns.end(),
                        [](const FunctionFacts& a, const FunctionFacts& b) {
                          return a.line == b.line && a.qualified_name == b.qualified_name;
                        }),
            fns.end());
}

}  // namespace

std::string default_resource_dir() {
  if (const char* env = std::getenv("STEPUP_CLANG_RESOURCE_DIR")) return env;
  return STEPUP_CLANG_RESOURCE_DIR;
}

std::vector<std::string> guessed_args(const std::string& root, const std::vector<SourceFile>& files,
                                      bool is_c) {
  std::vector<std::string> args = {is_c ? "clang" : "clang++", is_c ? "-std=c11" : "-std=c++17"};
  // Include-looking folders: every folder named include/inc, the folders
  // that hold headers' top directories (src/, lib/), and the root.
  std::set<std::string> dirs = {root};
  for (const auto& f : files) {
    std::string path = f.path;
    for (size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      std::string dir = path.substr(0, slash);
      std::string base = dir.substr(dir.rfind('/') == std::string::npos ? 0 : dir.rfind('/') + 1);
      if (base == "include" || base == "inc" || base == "src" || base == "lib") {
        dirs.insert(root + "/" + dir);
      }
    }
  }
  for (const auto& d : dirs) args.push_back("-I" + d);
  return args;
}

ClangScanOutput clang_scan(const ClangScanInput& in) {
  const auto& files = *in.files;
  ClangScanOutput out;
  out.functions.resize(files.size());
  out.analysed.assign(files.size(), false);
  out.parse_errors.assign(files.size(), false);
  out.built.assign(files.size(), in.db ? std::optional<bool>(false) : std::nullopt);
  out.includes.resize(files.size());
  const SignalMatcher signals(in.signals ? *in.signals : default_signal_config());
  ScanShared s{
      in, {}, Claims(files.size()), {}, {}, &out, {}, 0, in.risk_signals ? &signals : nullptr};
  for (size_t i = 0; i < files.size(); ++i) {
    s.index_of.emplace(in.root + "/" + files[i].path, static_cast<int>(i));
  }
  auto skipped = [&](int i) { return i < static_cast<int>(in.skip.size()) && in.skip[i]; };

  // Phase 1: the database's TUs that are repo sources (or, without one,
  // every source file with guessed flags).
  std::vector<ParseTask> tasks;
  std::vector<bool> is_main(files.size(), false);
  std::unordered_map<std::string, int> groups;  // main file -> its first task
  auto group_of = [&](const std::string& file) {
    return groups.emplace(file, static_cast<int>(tasks.size())).first->second;
  };
  if (in.db) {
    std::map<std::pair<std::string, std::string>, int> implied;  // (compiler, std) -> commands
    int missing = 0;
    for (const auto& cmd : in.db->commands) {
      auto it = s.index_of.find(cmd.file);
      if (it == s.index_of.end()) {
        std::error_code ec;
        if (!std::filesystem::exists(cmd.file, ec)) {
          ++missing;
          s.add({Diagnostic::Level::kWarning, "compile-db",
                 "the compile database lists this file, but it does not exist",
                 relative_for_message(s, cmd.file)});
        }
        continue;  // outside the repo, or excluded
      }
      out.built[it->second] = true;
      if (skipped(it->second)) continue;
      is_main[it->second] = true;
      tasks.push_back({cmd.file, cmd.directory, cmd.args, false, true, group_of(cmd.file)});
      if (!cmd.implied_std.empty()) ++implied[{compiler_name(cmd.args), cmd.implied_std}];
    }
    if (!implied.empty()) s.add(implied_std_note(implied));
  } else {
    std::vector<std::string> cxx = guessed_args(in.root, files, false);
    std::vector<std::string> c = guessed_args(in.root, files, true);
    for (size_t i = 0; i < files.size(); ++i) {
      if (files[i].is_header || skipped(static_cast<int>(i))) continue;
      is_main[i] = true;
      tasks.push_back({in.root + "/" + files[i].path, in.root, files[i].is_c ? c : cxx, true, false,
                       static_cast<int>(tasks.size())});
    }
  }

  // Phase 2 is known only after phase 1: files no TU included.
  s.total = static_cast<int>(tasks.size());
  run_tasks(s, tasks, 0, in.jobs);
  int first_id = static_cast<int>(tasks.size());
  std::vector<ParseTask> leftovers;
  std::vector<std::string> unbuilt_parsed, unbuilt_skipped;
  for (size_t i = 0; i < files.size(); ++i) {
    if (skipped(static_cast<int>(i)) || s.claims.claimed(static_cast<int>(i))) continue;
    if (is_main[i]) continue;  // parsed, and holds no function: nothing to do
    std::string abs = in.root + "/" + files[i].path;
    if (in.db && out.built[i] == false) {
      // Not built (docs/facts.md, "Scan what is built"): read its includes
      // from the text, and parse it only when it is asked for.
      if (!parse_unbuilt(files[i], in.parse_unbuilt)) {
        unbuilt_skipped.push_back(files[i].path);
        std::vector<std::string> args;
        if (!in.db->commands.empty()) args = interpolate_command(*in.db, abs, files[i].is_c).args;
        out.includes[i] = unbuilt_includes(in.root, abs, args, files, s.index_of);
        continue;
      }
      unbuilt_parsed.push_back(files[i].path);
    }
    ParseTask t;
    t.main_file = abs;
    t.standalone = true;
    bool as_c = files[i].is_c;
    if (in.db && !in.db->commands.empty()) {
      CompileCommand cmd = interpolate_command(*in.db, abs, files[i].is_c);
      t.directory = cmd.directory;
      t.args = cmd.args;
      as_c = cmd.is_c;  // a header takes the language of its donor
    } else {
      t.directory = in.root;
      t.args = guessed_args(in.root, files, files[i].is_c);
    }
    if (files[i].is_header) {
      t.args.push_back("-x");
      t.args.push_back(as_c ? "c" : "c++");
    }
    t.group = static_cast<int>(leftovers.size());
    leftovers.push_back(std::move(t));
  }
  s.total += static_cast<int>(leftovers.size());
  // After phase 1, the files no command compiles and no compiled TU
  // includes: a Windows-only file on a Linux build, a test left out.
  if (!unbuilt_parsed.empty() || !unbuilt_skipped.empty()) {
    s.add(unbuilt_summary(unbuilt_parsed, unbuilt_skipped));
  }
  run_tasks(s, leftovers, first_id, in.jobs);

  out.tus = s.total;
  for (size_t i = 0; i < files.size(); ++i) {
    auto& fns = out.functions[i];
    merge_configurations(fns);
    std::sort(fns.begin(), fns.end(), [](const FunctionFacts& a, const FunctionFacts& b) {
      if (a.line != b.line) return a.line < b.line;
      if (a.end_line != b.end_line) return a.end_line < b.end_line;
      return a.qualified_name < b.qualified_name;
    });
  }
  std::sort(s.diagnostics.begin(), s.diagnostics.end(),
            [](const Diagnostic& a, const Diagnostic& b) {
              if (a.path != b.path) return a.path < b.path;
              return a.message < b.message;
            });
  out.diagnostics = std::move(s.diagnostics);
  return out;
}

}  // namespace stepup
