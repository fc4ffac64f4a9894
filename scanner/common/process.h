// Running outside programs (git, gcovr) with an argv, never through a shell.
#pragma once

#include <string>
#include <vector>

namespace stepup {

/// What a finished child process left behind.
struct ProcessResult {
  bool started = false;  ///< false: the program could not be run at all
  int exit_code = -1;    ///< 128+N when killed by signal N
  std::string out;
  std::string err;       ///< stderr, or why it could not start
};

/// The seam to the outside world's programs; tests may substitute their own.
class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;
  virtual ProcessResult run(const std::vector<std::string>& argv,
                            const std::string& cwd) = 0;
};

/// Runs programs for real: posix_spawnp, stdout and stderr captured.
class SystemProcessRunner : public ProcessRunner {
 public:
  ProcessResult run(const std::vector<std::string>& argv,
                    const std::string& cwd) override;
};

}  // namespace stepup
