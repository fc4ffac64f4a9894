#include "scanner/evidence/map.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "model/errors.h"
#include "scanner/common/input_text.h"

namespace stepup {
namespace {

std::string join(const std::vector<std::string>& parts, size_t from) {
  std::string out;
  for (size_t i = from; i < parts.size(); ++i) {
    if (i > from) out += "::";
    out += parts[i];
  }
  return out;
}

std::string listed(const std::vector<std::string>& items, size_t total) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  if (total > items.size()) out += ", ...";
  return out;
}

void remember(std::vector<std::string>& examples, const std::string& s) {
  if (examples.size() < 3 && std::find(examples.begin(), examples.end(), s) == examples.end()) {
    examples.push_back(s.size() > 120 ? s.substr(0, 117) + "..." : s);
  }
}

double share(uint64_t part, uint64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

uint64_t add_u64(uint64_t a, uint64_t b, const std::string& what) {
  uint64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) throw InputError(what + ": counts exceed 2^64-1");
  return sum;
}

int64_t add_i64(int64_t a, int64_t b, const std::string& what) {
  int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) throw InputError(what + ": counts exceed 2^63-1");
  return sum;
}

/// Per-function accumulators, flattened across files.
struct Flat {
  explicit Flat(const std::vector<FileFacts>& files) {
    for (const FileFacts& f : files) {
      base.push_back(count);
      count += f.functions.size();
    }
  }
  size_t at(FunctionRef r) const { return base[r.file] + static_cast<size_t>(r.function); }
  std::vector<size_t> base;
  size_t count = 0;
};

// ---- profile ----------------------------------------------------------------

/// What a profile's frames did not say about the repo.
struct ProfileMisses {
  uint64_t samples = 0;  ///< samples with no repo function anywhere on the stack
  size_t frames = 0;     ///< distinct named frames that matched no repo function
  size_t ambiguous = 0;  ///< distinct frames that matched several definitions
  std::vector<std::string> examples, ambiguous_examples;
};

void profile_diagnostic(const std::string& name, const ProfileMisses& m, uint64_t total,
                        std::vector<Diagnostic>& diags) {
  if (m.frames > 0 || m.samples > 0) {
    std::string msg = name + ": " + std::to_string(m.samples) + " of " + std::to_string(total) +
                      " samples had no repository function on their stack; " +
                      std::to_string(m.frames) + " distinct frame(s) named no repository function";
    if (!m.examples.empty()) msg += " (e.g. " + listed(m.examples, m.frames) + ")";
    bool none = total > 0 && m.samples == total;
    if (none) msg += "; if the names are right, was the profile taken of this code?";
    diags.push_back({none ? Diagnostic::Level::kWarning : Diagnostic::Level::kInfo, "profile", msg,
                     std::nullopt});
  }
  if (m.ambiguous > 0) {
    diags.push_back({Diagnostic::Level::kInfo, "profile",
                     name + ": " + std::to_string(m.ambiguous) +
                         " frame(s) matched several functions of that name (overloads or "
                         "definitions in several files) and went to the first by file and line "
                         "(e.g. " +
                         listed(m.ambiguous_examples, m.ambiguous) + ")",
                     std::nullopt});
  }
}

void attach_profiles(Report& report, const EvidenceInputs& in, const FunctionIndex& index,
                     std::vector<Diagnostic>& diags) {
  std::vector<FileFacts>& files = report.files;
  Flat flat(files);
  std::vector<uint64_t> fn_self(flat.count), fn_total(flat.count), file_total(files.size());
  // The stack that last counted a function or file: once per stack, however
  // often it recurses, without a set per stack.
  std::vector<size_t> fn_seen(flat.count, 0), file_seen(files.size(), 0);
  size_t stamp = 0;
  uint64_t all = 0;
  for (const auto& [name, profile] : in.profiles) {
    all = add_u64(all, profile.total_samples, name);
    ProfileMisses misses;
    std::vector<FunctionRef> refs(profile.frames.size());
    for (size_t f = 0; f < profile.frames.size(); ++f) {
      FrameName fn = parse_frame_name(profile.frames[f]);
      FunctionIndex::Match m = index.find(fn);
      refs[f] = m.ref;
      if (!m.ref.found() && !fn.parts.empty()) {
        ++misses.frames;
        remember(misses.examples, profile.frames[f]);
      }
      if (m.ambiguous) {
        ++misses.ambiguous;
        remember(misses.ambiguous_examples, profile.frames[f]);
      }
    }
    for (const auto& stack : profile.stacks) {
      ++stamp;
      FunctionRef leaf = refs[stack.frames.back()];
      if (leaf.found()) fn_self[flat.at(leaf)] += stack.samples;  // <= total: no overflow
      bool any = false;
      for (uint32_t f : stack.frames) {
        FunctionRef r = refs[f];
        if (!r.found()) continue;
        any = true;
        size_t k = flat.at(r);
        if (fn_seen[k] != stamp) {
          fn_seen[k] = stamp;
          fn_total[k] = add_u64(fn_total[k], stack.samples, name);
        }
        if (file_seen[r.file] != stamp) {
          file_seen[r.file] = stamp;
          file_total[r.file] = add_u64(file_total[r.file], stack.samples, name);
        }
      }
      if (!any) misses.samples += stack.samples;
    }
    profile_diagnostic(name, misses, profile.total_samples, diags);
  }
  for (size_t i = 0; i < files.size(); ++i) {
    ProfileShare file;
    for (size_t j = 0; j < files[i].functions.size(); ++j) {
      size_t k = flat.at({static_cast<int>(i), static_cast<int>(j)});
      ProfileShare p{fn_self[k], fn_total[k], share(fn_self[k], all), share(fn_total[k], all)};
      files[i].functions[j].profile = p;
      file.self_samples = add_u64(file.self_samples, p.self_samples, "--profile");
    }
    file.total_samples = file_total[i];
    file.self_share = share(file.self_samples, all);
    file.total_share = share(file.total_samples, all);
    files[i].profile = file;
  }
  report.signals.profile = true;
}

// ---- errors -----------------------------------------------------------------

/// Where one report lands: its innermost frame in a repo function, else its
/// innermost frame in a repo file. Frames in files outside the repo (or
/// excluded from the scan) are library frames, skipped.
FunctionRef place_report(const ErrorReport& r, const std::vector<FileFacts>& files,
                         const FunctionIndex& index, PathResolver& resolver) {
  FunctionRef file_only;
  for (const ErrorFrame& f : r.frames) {
    PathMiss miss = PathMiss::kNone;
    int fi = f.path.empty() ? -1 : resolver.resolve(f.path, {}, &miss);
    if (fi >= 0) {
      int fn = f.line > 0 ? function_at(files[fi], f.line) : -1;
      if (fn < 0 && !f.function.empty()) {
        FunctionRef by_name = index.find(parse_frame_name(f.function)).ref;
        if (by_name.file == fi) fn = by_name.function;
      }
      if (fn >= 0) return {fi, fn};
      if (!file_only.found()) file_only = {fi, -1};
      continue;
    }
    if (miss == PathMiss::kOutside || miss == PathMiss::kExcluded) continue;
    if (f.function.empty()) continue;
    FunctionRef by_name = index.find(parse_frame_name(f.function)).ref;
    if (by_name.found()) return by_name;
  }
  return file_only;
}

std::string describe(const ErrorReport& r) {
  std::string where = "line " + std::to_string(r.source_line);
  if (r.frames.empty()) return where + " (no frame)";
  const ErrorFrame& f = r.frames.front();
  std::string s = !f.function.empty() ? f.function : f.path + ":" + std::to_string(f.line);
  return where + " (" + s + ")";
}

void attach_errors(Report& report, const EvidenceInputs& in, const FunctionIndex& index,
                   PathResolver& resolver, std::vector<Diagnostic>& diags) {
  std::vector<FileFacts>& files = report.files;
  for (FileFacts& f : files) {
    f.errors = 0;
    for (FunctionFacts& fn : f.functions) fn.errors = 0;
  }
  for (const auto& [name, data] : in.errors) {
    size_t unmatched = 0;
    int64_t unmatched_count = 0;
    std::vector<std::string> examples;
    for (const ErrorReport& r : data.reports) {
      FunctionRef at = place_report(r, files, index, resolver);
      if (!at.found()) {
        ++unmatched;
        unmatched_count += r.count;  // <= data.total: no overflow
        remember(examples, describe(r));
        continue;
      }
      files[at.file].errors = add_i64(*files[at.file].errors, r.count, name);
      if (at.function >= 0) {
        FunctionFacts& fn = files[at.file].functions[at.function];
        fn.errors = add_i64(*fn.errors, r.count, name);
      }
    }
    if (unmatched > 0) {
      bool none = unmatched == data.reports.size();
      diags.push_back({none ? Diagnostic::Level::kWarning : Diagnostic::Level::kInfo, "errors",
                       name + ": " + std::to_string(unmatched) + " of " +
                           std::to_string(data.reports.size()) + " report(s) (" +
                           std::to_string(unmatched_count) + " of " + std::to_string(data.total) +
                           " occurrences) had no frame in a repository file or function (e.g. " +
                           listed(examples, unmatched) + ")",
                       std::nullopt});
    }
  }
  report.signals.errors = true;
}

// ---- findings ---------------------------------------------------------------

std::string detail_of(const StaticFinding& f) {
  std::string head = f.rule.empty() ? f.tool : f.tool + " " + f.rule;
  return head + ": " + f.message;
}

void findings_diagnostic(const std::string& name, const FindingsData& data,
                         std::map<PathMiss, std::vector<std::string>>& misses, size_t missed,
                         std::vector<Diagnostic>& diags) {
  if (missed == 0) return;
  std::string msg = name + ": " + std::to_string(missed) + " of " +
                    std::to_string(data.findings.size()) + " result(s) are in no repository file";
  auto part = [&](PathMiss m, const char* what) {
    const auto& paths = misses[m];
    if (paths.empty()) return;
    std::vector<std::string> ex(paths.begin(), paths.begin() + std::min<size_t>(3, paths.size()));
    msg += "; " + std::to_string(paths.size()) + " " + what + " (" + listed(ex, paths.size()) + ")";
  };
  part(PathMiss::kOutside, "file(s) outside the repository");
  part(PathMiss::kExcluded, "file(s) the scan excludes");
  part(PathMiss::kAmbiguous, "file(s) matching several repository files by suffix");
  part(PathMiss::kUnmatched, "file(s) matching no repository file");
  bool none = missed == data.findings.size();
  diags.push_back({none ? Diagnostic::Level::kWarning : Diagnostic::Level::kInfo, "findings", msg,
                   std::nullopt});
}

void attach_findings(Report& report, const EvidenceInputs& in, PathResolver& resolver,
                     std::vector<Diagnostic>& diags) {
  std::vector<FileFacts>& files = report.files;
  for (FileFacts& f : files) {
    f.defects = 0;
    for (FunctionFacts& fn : f.functions) fn.defects = 0;
  }
  // clang-tidy over several TUs repeats a header's warning once per TU.
  std::set<std::tuple<int, int, int, std::string, std::string, std::string>> seen;
  std::set<std::pair<int, int>> touched;
  for (const auto& [name, data] : in.findings) {
    std::map<PathMiss, std::vector<std::string>> misses;
    size_t missed = 0;
    for (const StaticFinding& f : data.findings) {
      PathMiss miss = PathMiss::kNone;
      int fi = resolver.resolve(f.path, {}, &miss);
      if (fi < 0) {
        ++missed;
        auto& list = misses[miss];
        if (std::find(list.begin(), list.end(), f.path) == list.end()) list.push_back(f.path);
        continue;
      }
      if (!seen.emplace(fi, f.line, f.column, f.tool, f.rule, f.message).second) continue;
      *files[fi].defects += 1;
      int fn = f.line > 0 ? function_at(files[fi], f.line) : -1;
      if (fn < 0) continue;
      FunctionFacts& facts = files[fi].functions[fn];
      *facts.defects += 1;
      facts.findings.push_back({"defect", f.line, detail_of(f)});
      touched.emplace(fi, fn);
    }
    findings_diagnostic(name, data, misses, missed, diags);
    diags.insert(diags.end(), data.diagnostics.begin(), data.diagnostics.end());
  }
  for (auto [fi, fn] : touched) {
    auto& list = files[fi].functions[fn].findings;
    std::stable_sort(list.begin(), list.end(),
                     [](const Finding& a, const Finding& b) { return a.line < b.line; });
  }
  report.signals.findings = true;
}

}  // namespace

FunctionIndex::FunctionIndex(const std::vector<FileFacts>& files) : files_(files) {
  for (size_t i = 0; i < files.size(); ++i) {
    for (size_t j = 0; j < files[i].functions.size(); ++j) {
      FrameName n = parse_frame_name(files[i].functions[j].qualified_name);
      if (n.parts.empty()) continue;
      FunctionRef ref{static_cast<int>(i), static_cast<int>(j)};
      exact_[join(n.parts, 0)].push_back(ref);
      for (size_t k = 1; k + 2 <= n.parts.size(); ++k) suffix_[join(n.parts, k)].push_back(ref);
    }
  }
}

FunctionIndex::Match FunctionIndex::find(const FrameName& name) const {
  if (name.parts.empty()) return {};
  std::string key = join(name.parts, 0);
  auto it = exact_.find(key);
  if (it != exact_.end()) return choose(it->second, name.params);
  if (name.parts.size() < 2) return {};  // "read" must not find "File::read"
  it = suffix_.find(key);
  if (it == suffix_.end()) return {};
  // Several qualified names end this way ("a::Parser::parse" and
  // "b::Parser::parse"): no guess.
  const std::string& first =
      files_[it->second[0].file].functions[it->second[0].function].qualified_name;
  for (FunctionRef r : it->second) {
    if (files_[r.file].functions[r.function].qualified_name != first) return {};
  }
  return choose(it->second, name.params);
}

FunctionIndex::Match FunctionIndex::choose(const std::vector<FunctionRef>& candidates,
                                           int params) const {
  if (candidates.size() == 1) return {candidates[0], false};
  if (params >= 0) {
    std::vector<FunctionRef> same;
    for (FunctionRef r : candidates) {
      if (files_[r.file].functions[r.function].params == params) same.push_back(r);
    }
    if (same.size() == 1) return {same[0], false};
    if (!same.empty()) return {same[0], true};
  }
  return {candidates[0], true};  // built in file, then line order
}

int function_at(const FileFacts& file, int line) {
  int best = -1;
  for (size_t i = 0; i < file.functions.size(); ++i) {
    const FunctionFacts& f = file.functions[i];
    if (f.line > line) break;                            // sorted by line
    if (line <= f.end_line) best = static_cast<int>(i);  // a later start is further in
  }
  return best;
}

EvidenceInputs load_evidence(const std::vector<std::string>& profiles,
                             const std::vector<std::string>& errors,
                             const std::vector<std::string>& findings) {
  EvidenceInputs in;
  uint64_t samples = 0;
  for (const auto& path : profiles) {
    std::string text = read_input_file(path, "--profile");
    in.profiles.emplace_back(path, parse_collapsed(text, path));
    samples = add_u64(samples, in.profiles.back().second.total_samples, "--profile files together");
  }
  int64_t reports = 0;
  for (const auto& path : errors) {
    std::string text = read_input_file(path, "--errors");
    in.errors.emplace_back(path, parse_error_reports(text, path));
    reports = add_i64(reports, in.errors.back().second.total, "--errors files together");
  }
  for (const auto& path : findings) {
    std::string text = read_input_file(path, "--findings");
    in.findings.emplace_back(path, import_findings(text, path));
  }
  return in;
}

void attach_evidence(Report& report, const EvidenceInputs& inputs, PathResolver& resolver,
                     std::vector<Diagnostic>& diagnostics) {
  FunctionIndex index(report.files);
  if (!inputs.profiles.empty()) attach_profiles(report, inputs, index, diagnostics);
  if (!inputs.errors.empty()) attach_errors(report, inputs, index, resolver, diagnostics);
  if (!inputs.findings.empty()) attach_findings(report, inputs, resolver, diagnostics);
}

}  // namespace stepup
