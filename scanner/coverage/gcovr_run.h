// Running gcovr over a build directory (--coverage-build) with stepup's own
// configuration, never the repository's (docs/security.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/coverage.h"
#include "scanner/common/process.h"

namespace stepup {

/// What --coverage-build needs.
struct GcovrRun {
  std::string root;       ///< the repository: gcovr's --root
  std::string build_dir;  ///< where the .gcno/.gcda files are
  /// gcov's command from the command line (--gcov-executable) or $GCOV;
  /// "" = gcov. Never from anything inside the repository.
  std::string gcov;
};

/// Runs gcovr over run.build_dir and imports its JSON. gcovr reads
/// /dev/null as its configuration (a gcovr.cfg in the repository is never
/// read), runs gcov by absolute path, and skips gcov lines it cannot parse
/// (gcov prints negative counts when threads race on counters): each file
/// with skipped lines becomes one warning. Throws InputError when gcovr or
/// gcov is missing (with an install hint) or gcovr fails: the message quotes
/// the first lines of its output and names a file holding all of it.
CoverageData run_gcovr(const GcovrRun& run, ProcessRunner& runner);

/// The gcov command line gcovr gets: `given`'s program (default "gcov")
/// resolved to an absolute path with find_program, quoted for gcovr's
/// shell-like split, followed by the rest of `given`. Throws InputError when
/// the program is not found.
std::string gcov_command(const std::string& given);

/// Reads gcovr's warnings (stderr): one warning Diagnostic per source file
/// whose gcov lines gcovr skipped, counting them and quoting the first, and
/// one for any other warnings it printed. `name` starts each message.
std::vector<Diagnostic> gcovr_warnings(std::string_view err, const std::string& root,
                                       const std::string& name);

}  // namespace stepup
