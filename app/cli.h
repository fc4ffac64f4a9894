// The command line: parses argv, runs the pipeline, writes reports.
#pragma once

namespace stepup {

/// The whole program behind main(); returns the exit code.
int run_cli(int argc, char** argv);

}  // namespace stepup
