// Coverage older than the source it describes ("source file is newer than
// notes file", as gcov says): such data would put the old lines' hits on
// new lines, so it is found, marked and said, never used as fresh.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/coverage.h"
#include "model/report.h"

namespace stepup {

/// When the coverage data was made.
struct CoverageClock {
  /// --coverage-build: every .gcno file under the build folder, with its
  /// modification time (ns since the epoch), and the newest of them.
  std::vector<std::pair<std::string, int64_t>> notes;
  int64_t newest_notes = 0;
  /// -c: the newest modification time of the coverage files given.
  int64_t reports = 0;
};

/// Collects the .gcno files under build_dir (symbolic links not followed).
void add_notes_times(const std::string& build_dir, CoverageClock& clock);

/// Modification time of a file in ns since the epoch; 0 when it cannot be read.
int64_t modification_time(const std::string& path);

/// Why the coverage of repo file `path`, modified at `mtime`, is older than
/// its source by the clock, or "" when it is not. With notes (.gcno files):
/// the source is newer than the notes compiled from it (matched by name and
/// the longest common folder suffix), or, with none matched (a header),
/// newer than every one. With coverage files: the file differs from HEAD
/// (`changed`) and is newer than the newest report.
std::string stale_by_time(const std::string& path, int64_t mtime, bool changed,
                          const CoverageClock& clock);

/// Why a file's coverage cannot describe its text as it is now, or "":
/// data on a line that now holds no code (blank, or only a comment:
/// `is_code[line - 1]` is false), or past its last line; or a function of
/// the file that the compiler must have emitted (a global-scope, external,
/// non-template, non-inline function of a source file, not a header) with
/// no data on any of its lines while the file has data.
std::string stale_by_content(const FileCoverage& coverage, const std::vector<bool>& is_code,
                             const std::vector<FunctionFacts>& functions, bool header,
                             const std::vector<std::string_view>& lines);

}  // namespace stepup
