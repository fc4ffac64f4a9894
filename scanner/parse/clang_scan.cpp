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
#include "scanner/parse/tu_join.h"
#include "scanner/parse/tu_runner.h"
#include "scanner/parse/tu_schedule.h"
#include "scanner/parse/tu_visitor.h"
#include "scanner/parse/unbuilt.h"

namespace stepup {
namespace {

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

// The claim order: by main file path, a file's configurations in database
// order, so ownership is the same on every machine and whatever ran first.
void order_tasks(std::vector<ParseTask>& tasks) {
  std::stable_sort(tasks.begin(), tasks.end(), [](const ParseTask& a, const ParseTask& b) {
    return a.main_file < b.main_file;
  });
  for (size_t i = 0; i < tasks.size(); ++i) {
    bool same = i > 0 && tasks[i].main_file == tasks[i - 1].main_file;
    tasks[i].group = same ? tasks[i - 1].group : static_cast<int>(i);
  }
}

// What the database's TUs include is built (known before phase 2).
void mark_built(const Phase& p, const ScanShared& s, ClangScanOutput& out) {
  for (size_t i = 0; i < p.tasks.size(); ++i) {
    if (!p.tasks[i].compiled) continue;
    for (const auto& path : p.facts[i].included) {
      auto it = s.index_of.find(s.in.root + "/" + path);
      if (it != s.index_of.end()) out.built[it->second] = true;
    }
  }
}

void join_phases(const ScanShared& s, std::vector<const Phase*> phases, ClangScanOutput& out) {
  std::vector<JoinedTu> tus;
  for (const Phase* p : phases) {
    for (size_t i = 0; i < p->tasks.size(); ++i) {
      const ParseTask& t = p->tasks[i];
      tus.push_back(
          {p->first_id + t.group, t.compiled, relative_to(s.in.root, t.main_file), &p->facts[i]});
    }
  }
  std::vector<int> owner(s.in.files->size());
  std::unordered_map<std::string, int> rel_index;
  for (size_t i = 0; i < owner.size(); ++i) {
    owner[i] = s.claims.owner(static_cast<int>(i));
    rel_index.emplace((*s.in.files)[i].path, static_cast<int>(i));
  }
  join_facts(tus, owner, rel_index, out);
}

// --shard K/N: this shard's share of the groups, balanced by estimated
// cost; their facts by key, nothing joined.
ClangScanOutput scan_shard(ScanShared& s, std::vector<ParseTask> tasks, ClangScanOutput& out) {
  std::map<int, double> group_cost;
  for (const ParseTask& t : tasks) group_cost[t.group] += estimated_cost(t);
  std::vector<int> ids;
  std::vector<double> costs;
  for (const auto& [group, cost] : group_cost) {
    ids.push_back(group);
    costs.push_back(cost);
  }
  std::vector<int> shard = split_shards(costs, s.in.shards);
  std::set<int> mine;
  for (size_t g = 0; g < ids.size(); ++g) {
    if (shard[g] == s.in.shard - 1) mine.insert(ids[g]);
  }
  Phase p;
  for (auto& t : tasks) {
    if (mine.count(t.group)) p.tasks.push_back(std::move(t));
  }
  s.total = static_cast<int>(p.tasks.size());
  FileHashes hashes;
  PhaseTotals totals;
  run_phase(s, p, hashes, totals);
  for (size_t i = 0; i < p.tasks.size(); ++i) out.shard_facts[p.keys[i]] = std::move(p.facts[i]);
  out.tus = s.total;
  out.reused = totals.reused;
  out.busy_seconds = totals.busy_seconds;
  out.parse_seconds = totals.parse_seconds;
  out.diagnostics = std::move(s.diagnostics);
  return std::move(out);
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
  out.syntax.resize(files.size());
  const SignalMatcher signals(in.signals ? *in.signals : default_signal_config());
  ScanShared s{in, {}, Claims(files.size()), {}, {}, {}, 0, in.risk_signals ? &signals : nullptr};
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
  order_tasks(tasks);
  if (in.shards > 0) return scan_shard(s, std::move(tasks), out);

  // Phase 2 is known only after phase 1: files no TU included.
  FileHashes hashes;
  PhaseTotals totals;
  Phase first{std::move(tasks), 0, {}, {}, {}};
  s.total = static_cast<int>(first.tasks.size());
  run_phase(s, first, hashes, totals);
  mark_built(first, s, out);
  int first_id = static_cast<int>(first.tasks.size());
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
  Phase second{std::move(leftovers), first_id, {}, {}, {}};
  run_phase(s, second, hashes, totals);
  join_phases(s, {&first, &second}, out);
  out.reused = totals.reused;
  out.not_in_shards = totals.not_in_shards;
  out.busy_seconds = totals.busy_seconds;
  out.parse_seconds = totals.parse_seconds;

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
  out.diagnostics.insert(out.diagnostics.end(), s.diagnostics.begin(), s.diagnostics.end());
  std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     if (a.path != b.path) return a.path < b.path;
                     return a.message < b.message;
                   });
  return out;
}

}  // namespace stepup
