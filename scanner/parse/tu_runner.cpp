#include "scanner/parse/tu_runner.h"

#include <clang-c/Index.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <mutex>
#include <numeric>
#include <set>
#include <thread>

#include "scanner/common/path_match.h"
#include "scanner/parse/clang_util.h"
#include "scanner/parse/tu_join.h"
#include "scanner/parse/tu_schedule.h"

namespace stepup {
namespace {

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

void run_task(ScanShared& s, CXIndex index, const ParseTask& task, int tu_id, TuFacts& facts) {
  facts = TuFacts{};
  std::vector<std::string> args = task.args;
  std::string rel = relative_for_message(s, task.main_file);
  for (int attempt = 0; attempt < 2; ++attempt) {
    CXErrorCode err = CXError_Success;
    CXTranslationUnit tu = parse(index, task, args, s.in.resource_dir, &err);
    if (!tu) {
      facts.diagnostics.push_back({Diagnostic::Level::kWarning, "parse",
                                   "libclang could not parse this file (error " +
                                       std::to_string(static_cast<int>(err)) + ")",
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
    visit_tu(s, tu, tu_id, task, facts);
    facts.parsed = true;
    if (errors > 0) {
      facts.diagnostics.push_back(
          {task.standalone ? Diagnostic::Level::kInfo : Diagnostic::Level::kWarning, "parse",
           std::to_string(errors) + " error(s) while parsing" +
               (task.standalone ? " on its own (no compile command)" : "") +
               "; metrics may be incomplete. First: " + first,
           rel});
    }
    clang_disposeTranslationUnit(tu);
    return;
  }
}

// Runs fn(i, index) for every i of order on up to jobs threads, each
// taking the next item as soon as it is free (so the costliest, first in
// order, never wait at the end).
void run_parallel(const std::vector<size_t>& order, int jobs, bool need_index,
                  const std::function<void(size_t, CXIndex)>& fn) {
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    CXIndex index = need_index ? clang_createIndex(0, 0) : nullptr;
    for (size_t k = next++; k < order.size(); k = next++) fn(order[k], index);
    if (index) clang_disposeIndex(index);
  };
  int n = std::max(1, std::min<int>(jobs, static_cast<int>(order.size())));
  std::vector<std::thread> threads;
  for (int i = 1; i < n; ++i) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
}

// The parses, adding their wall time times the workers they had.
void timed_parallel(const std::vector<size_t>& order, int jobs,
                    const std::function<void(size_t, CXIndex)>& fn, PhaseTotals& totals) {
  if (order.empty()) return;
  auto start = std::chrono::steady_clock::now();
  run_parallel(order, jobs, true, fn);
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  totals.parse_seconds += wall * std::min<double>(jobs, static_cast<double>(order.size()));
}

// A kept TU still holds when every file it read has the same content and
// every repo lookup it made has the same answer.
bool still_valid(const ScanShared& s, const TuFacts& facts, FileHashes& hashes) {
  if (!facts.parsed) return false;
  for (const auto& [path, hash] : facts.deps) {
    if (hashes.of(path) != hash) return false;
  }
  for (const auto& [probe, rel] : facts.probes) {
    if (probe.empty()) return false;
    int i = s.lookup(probe.substr(1), probe[0] == 'c');
    if ((i < 0 ? std::string() : (*s.in.files)[i].path) != rel) return false;
  }
  return true;
}

// The shard's facts, else the cache's, when they still hold.
bool reuse(ScanShared& s, Phase& p, size_t i, FileHashes& hashes) {
  if (s.in.preloaded) {
    auto it = s.in.preloaded->find(p.keys[i]);
    if (it != s.in.preloaded->end() && still_valid(s, it->second, hashes)) {
      p.facts[i] = it->second;
      return true;
    }
  }
  if (!s.in.cache) return false;
  std::optional<TuFacts> found = s.in.cache->load(p.keys[i]);
  if (!found || !still_valid(s, *found, hashes)) return false;
  p.facts[i] = std::move(*found);
  return true;
}

// Parses task i, times it, and keeps its facts in the cache.
double parse_one(ScanShared& s, Phase& p, size_t i, CXIndex index, FileHashes& hashes) {
  auto start = std::chrono::steady_clock::now();
  const ParseTask& task = p.tasks[i];
  run_task(s, index, task, p.first_id + task.group, p.facts[i]);
  TuFacts& facts = p.facts[i];
  for (auto& [path, hash] : facts.deps) hash = hashes.of(path);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (s.in.cache) {
    s.in.cache->set_cost(task_identity(task), seconds);
    if (facts.parsed) s.in.cache->save(p.keys[i], facts);
  }
  int done = ++s.done;
  if (s.in.progress) s.in.progress(done, s.total);
  return seconds;
}

int rel_index(const ScanShared& s, const std::string& path) {
  auto it = s.index_of.find(s.in.root + "/" + path);
  return it == s.index_of.end() ? -1 : it->second;
}

// Expected cost of each task to parse: the time measured last, else the
// estimate scaled by what measured TUs took per estimated unit.
std::vector<double> expected_costs(const ScanShared& s, const Phase& p,
                                   const std::vector<size_t>& misses) {
  std::vector<double> cost(p.tasks.size(), 0), guess(p.tasks.size(), 0);
  std::vector<bool> known(p.tasks.size(), false);
  double seconds = 0, units = 0;
  for (size_t i : misses) {
    guess[i] = estimated_cost(p.tasks[i]);
    if (!s.in.cache) continue;
    if (auto c = s.in.cache->cost(task_identity(p.tasks[i]))) {
      cost[i] = *c;
      known[i] = true;
      seconds += *c;
      units += guess[i];
    }
  }
  double scale = units > 0 ? seconds / units : 1.0;
  for (size_t i : misses) {
    if (!known[i]) cost[i] = guess[i] * scale;
  }
  return cost;
}

}  // namespace

std::string relative_for_message(const ScanShared& s, const std::string& abs) {
  std::string rel = relative_to(s.in.root, abs);
  return rel.empty() ? abs : rel;
}

int ScanShared::lookup(const std::string& abs, bool with_canonical) const {
  auto found = index_of.find(abs);
  if (found == index_of.end() && with_canonical) {
    std::error_code ec;
    std::string real = std::filesystem::canonical(abs, ec).string();
    if (!ec) found = index_of.find(real);
  }
  return found == index_of.end() ? -1 : found->second;
}

void run_phase(ScanShared& s, Phase& p, FileHashes& hashes, PhaseTotals& totals) {
  size_t n = p.tasks.size();
  p.facts.assign(n, TuFacts{});
  p.keys.assign(n, std::string());
  p.reused.assign(n, false);
  std::vector<size_t> all(n);
  std::iota(all.begin(), all.end(), 0);
  std::vector<char> reused(n, 0);  // vector<bool> is not safe to write from threads
  run_parallel(all, s.in.jobs, false, [&](size_t i, CXIndex) {
    p.keys[i] = task_key(s.in, p.tasks[i], hashes);
    reused[i] = reuse(s, p, i, hashes);
  });
  for (size_t i = 0; i < n; ++i) p.reused[i] = reused[i] != 0;
  std::vector<size_t> misses;
  for (size_t i = 0; i < n; ++i) {
    if (!p.reused[i]) {
      misses.push_back(i);
      if (s.in.preloaded && p.first_id == 0) ++totals.not_in_shards;
      continue;
    }
    ++totals.reused;
    int done = ++s.done;
    if (s.in.progress) s.in.progress(done, s.total);
    // A kept TU claims what it included, as its parse did.
    for (const auto& path : p.facts[i].included) {
      int f = rel_index(s, path);
      if (f >= 0) s.claims.claim(f, p.first_id + p.tasks[i].group);
    }
  }
  std::vector<double> cost = expected_costs(s, p, misses);
  std::vector<double> by_miss;
  for (size_t i : misses) by_miss.push_back(cost[i]);
  std::vector<size_t> order;
  for (size_t k : costliest_first(by_miss)) order.push_back(misses[k]);
  std::mutex busy_mu;
  auto parse = [&](size_t i, CXIndex index) {
    double seconds = parse_one(s, p, i, index, hashes);
    std::lock_guard<std::mutex> lock(busy_mu);
    totals.busy_seconds += seconds;
  };
  timed_parallel(order, s.in.jobs, parse, totals);

  // A kept TU that now owns a file it met while a lower group held it
  // has no facts for it: parse it again (rare: the TUs or includes changed).
  std::vector<size_t> again;
  for (size_t i = 0; i < n; ++i) {
    if (!p.reused[i]) continue;
    int group = p.first_id + p.tasks[i].group;
    for (const auto& path : p.facts[i].included) {
      int f = rel_index(s, path);
      if (f >= 0 && s.claims.owner(f) == group && !has_file(p.facts[i], path)) {
        again.push_back(i);
        break;
      }
    }
  }
  for (size_t i : again) {
    p.reused[i] = false;
    --totals.reused;
    --s.done;
  }
  timed_parallel(again, s.in.jobs, parse, totals);
}

}  // namespace stepup
