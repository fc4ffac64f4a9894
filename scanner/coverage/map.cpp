#include "scanner/coverage/map.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>

#include "scanner/common/path_match.h"
#include "scanner/common/path_resolver.h"
#include "scanner/common/text_lines.h"
#include "scanner/coverage/counts.h"

namespace stepup {
namespace {

bool has(std::string_view line, std::string_view marker) {
  return line.find(marker) != std::string_view::npos;
}

void merge_into(FileCoverage& into, const FileCoverage& from) {
  for (const auto& [line, hits] : from.lines) into.lines[line] += hits;
  for (const auto& [line, branches] : from.branches) {
    auto& mine = into.branches[line];
    for (size_t k = 0; k < branches.size(); ++k) {
      if (k < mine.size()) {
        mine[k].count += branches[k].count;
        mine[k].evaluated = mine[k].evaluated || branches[k].evaluated;
      } else {
        mine.push_back(branches[k]);
      }
    }
  }
  for (const auto& fn : from.functions) {
    auto same = std::find_if(
        into.functions.begin(), into.functions.end(),
        [&](const FunctionCount& f) { return f.line == fn.line && f.name == fn.name; });
    if (same == into.functions.end()) {
      into.functions.push_back(fn);
    } else {
      same->count += fn.count;
    }
  }
}

std::string listed(const std::vector<std::string>& paths) {
  std::string out;
  size_t shown = std::min<size_t>(paths.size(), 10);
  for (size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + paths[i];
  if (paths.size() > shown) out += " (and " + std::to_string(paths.size() - shown) + " more)";
  return out;
}

}  // namespace

namespace {

/// One kind of region (whole lines, or branches only) being read.
struct Region {
  Region(const char* start_g, const char* start_l, const char* stop_g, const char* stop_l)
      : start_gcovr(start_g), start_lcov(start_l), stop_gcovr(stop_g), stop_lcov(stop_l) {}
  const char* start_gcovr;
  const char* start_lcov;
  const char* stop_gcovr;
  const char* stop_lcov;
  int open = 0;                  ///< line of the open _START; 0: none
  const char* opened = nullptr;  ///< its marker
  std::vector<int> lines;

  void read(std::string_view line, int number, std::set<int>& into,
            std::vector<UnmatchedMarker>& unmatched) {
    bool starts = has(line, start_gcovr) || has(line, start_lcov);
    bool stops = has(line, stop_gcovr) || has(line, stop_lcov);
    if (starts) {
      if (open) unmatched.push_back({open, opened});
      open = number;
      opened = has(line, start_gcovr) ? start_gcovr : start_lcov;
      lines.clear();
    }
    if (open) lines.push_back(number);
    if (stops) {
      if (open) {
        into.insert(lines.begin(), lines.end());
      } else {
        unmatched.push_back({number, has(line, stop_gcovr) ? stop_gcovr : stop_lcov});
      }
      open = 0;
      lines.clear();
    }
  }
  // An unclosed region excludes nothing (gcovr's rule).
  void finish(std::vector<UnmatchedMarker>& unmatched) const {
    if (open) unmatched.push_back({open, opened});
  }
};

}  // namespace

Exclusions exclusion_markers(std::string_view text) {
  Exclusions ex;
  if (text.find("_EXCL_") == std::string_view::npos) return ex;
  Region lines{"GCOVR_EXCL_START", "LCOV_EXCL_START", "GCOVR_EXCL_STOP", "LCOV_EXCL_STOP"};
  Region branches{"GCOVR_EXCL_BR_START", "LCOV_EXCL_BR_START", "GCOVR_EXCL_BR_STOP",
                  "LCOV_EXCL_BR_STOP"};
  int number = 0;
  for (std::string_view line : split_lines(text)) {
    ++number;
    lines.read(line, number, ex.lines, ex.unmatched);
    branches.read(line, number, ex.branches, ex.unmatched);
    if (has(line, "GCOVR_EXCL_LINE") || has(line, "LCOV_EXCL_LINE")) ex.lines.insert(number);
    if (has(line, "GCOVR_EXCL_BR_LINE") || has(line, "LCOV_EXCL_BR_LINE")) {
      ex.branches.insert(number);
    }
  }
  lines.finish(ex.unmatched);
  branches.finish(ex.unmatched);
  std::sort(ex.unmatched.begin(), ex.unmatched.end(),
            [](const UnmatchedMarker& a, const UnmatchedMarker& b) { return a.line < b.line; });
  return ex;
}

MappedCoverage map_coverage(const std::vector<CoverageData>& reports,
                            const std::vector<std::string>& report_names, const std::string& root,
                            const std::vector<SourceFile>& files,
                            const std::vector<PathMapping>& path_map) {
  MappedCoverage out;
  out.files.resize(files.size());
  PathResolver resolver(root, files, path_map);
  for (size_t r = 0; r < reports.size(); ++r) {
    const std::string& name = report_names[r];
    std::map<PathMiss, std::vector<std::string>> misses;
    std::set<std::string> matched_paths;
    for (const FileCoverage& fc : reports[r].files) {
      PathMiss miss = PathMiss::kNone;
      int idx = resolver.resolve(fc.path, fc.bases, &miss);
      if (idx < 0) {
        auto& list = misses[miss];
        if (std::find(list.begin(), list.end(), fc.path) == list.end()) list.push_back(fc.path);
        continue;
      }
      matched_paths.insert(fc.path);
      if (!out.files[idx]) out.files[idx] = FileCoverage{files[idx].path, {}, {}, {}, {}};
      merge_into(*out.files[idx], fc);
    }
    auto say = [&](Diagnostic::Level level, const std::string& message) {
      out.diagnostics.push_back({level, "coverage", name + ": " + message, std::nullopt});
    };
    if (!misses[PathMiss::kOutside].empty()) {
      say(Diagnostic::Level::kInfo,
          std::to_string(misses[PathMiss::kOutside].size()) +
              " file(s) outside the repository (system or third-party headers) ignored");
    }
    if (!misses[PathMiss::kExcluded].empty()) {
      say(Diagnostic::Level::kInfo, std::to_string(misses[PathMiss::kExcluded].size()) +
                                        " file(s) in folders the scan excludes ignored: " +
                                        listed(misses[PathMiss::kExcluded]));
    }
    if (!misses[PathMiss::kAmbiguous].empty()) {
      say(Diagnostic::Level::kWarning,
          std::to_string(misses[PathMiss::kAmbiguous].size()) +
              " file(s) match several repository files by suffix and were not used "
              "(add path_map rules to .stepup.json): " +
              listed(misses[PathMiss::kAmbiguous]));
    }
    const auto& unmatched = misses[PathMiss::kUnmatched];
    if (!reports[r].files.empty() && matched_paths.empty()) {
      say(Diagnostic::Level::kError,
          "none of its " + std::to_string(reports[r].files.size()) +
              " file(s) matched a repository file (first: " + reports[r].files[0].path +
              "); if it was made in another checkout, add path_map rules "
              "({\"from\": \"/old/prefix/\", \"to\": \"\"}) to .stepup.json");
    } else if (!unmatched.empty()) {
      say(Diagnostic::Level::kWarning,
          std::to_string(unmatched.size()) +
              " file(s) match no repository file (deleted since, or generated): " +
              listed(unmatched));
    }
  }
  for (auto& f : out.files) {
    if (f) merge_function_instances(f->functions);
  }
  return out;
}

void apply_exclusions(FileCoverage& coverage, const Exclusions& ex) {
  for (int line : ex.lines) {
    coverage.lines.erase(line);
    coverage.branches.erase(line);
  }
  for (int line : ex.branches) coverage.branches.erase(line);
  coverage.functions.erase(
      std::remove_if(coverage.functions.begin(), coverage.functions.end(),
                     [&](const FunctionCount& f) { return ex.lines.count(f.line) > 0; }),
      coverage.functions.end());
}

Coverage range_totals(const FileCoverage& fc, int first, int last) {
  Coverage c;
  for (auto it = fc.lines.lower_bound(first); it != fc.lines.end() && it->first <= last; ++it) {
    ++c.lines_total;
    if (it->second > 0) ++c.lines_covered;
  }
  for (auto it = fc.branches.lower_bound(first); it != fc.branches.end() && it->first <= last;
       ++it) {
    for (const BranchCount& b : it->second) {
      ++c.branches_total_with_exceptions;
      if (b.count > 0) ++c.branches_covered_with_exceptions;
      if (b.exceptional) continue;
      ++c.branches_total;
      if (b.count > 0) ++c.branches_covered;
    }
  }
  return c;
}

Coverage file_totals(const FileCoverage& fc) {
  Coverage c = range_totals(fc, 1, INT32_MAX);
  c.functions_total = static_cast<int64_t>(fc.functions.size());
  for (const auto& f : fc.functions) c.functions_covered += f.count > 0;
  return c;
}

}  // namespace stepup
