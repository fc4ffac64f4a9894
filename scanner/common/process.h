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
  std::string err;  ///< stderr, or why it could not start
};

/// The seam to the outside world's programs; tests may substitute their own.
class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;
  virtual ProcessResult run(const std::vector<std::string>& argv, const std::string& cwd) = 0;
};

/// The absolute path of a program named on a command line: a name with a
/// '/' is taken as it is (made absolute against this process's working
/// directory); a bare name is searched in PATH's absolute folders only. An
/// empty or relative PATH entry ("", ".") would mean the child's working
/// directory, which may be inside the repository under scan: a planted
/// `git` or `gcovr` there must never run. "" when nothing is found.
std::string find_program(const std::string& name);

/// Runs programs for real: posix_spawn of find_program(argv[0]), stdout and
/// stderr captured, stdin from /dev/null.
class SystemProcessRunner : public ProcessRunner {
 public:
  ProcessResult run(const std::vector<std::string>& argv, const std::string& cwd) override;
};

}  // namespace stepup
