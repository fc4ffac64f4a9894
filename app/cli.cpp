#include "app/cli.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "app/commands/command.h"
#include "model/errors.h"

namespace stepup {
namespace {

/// One subcommand: its name, its line in `stepup --help`, and its entry
/// point (ninja's tool table in src/ninja.cc).
struct Command {
  const char* name;
  const char* usage;
  const char* summary;
  CommandFn run;
};

constexpr Command kCommands[] = {
    {"scan", "scan [REPO]", "scan a C++ repository and write reports", cmd_scan},
    {"merge", "merge FACTS... [REPO]",
     "join the facts files of a sharded scan (scan --shard K/N) and write reports", cmd_merge},
    {"next", "next [REPO]", "print the best task (or -n N) as a ready-to-paste ticket", cmd_next},
    {"rules", "rules", "list the rules, their kinds and options", cmd_rules},
    {"config", "config --dump", "print the effective configuration", cmd_config},
    {"coverage", "coverage FILE...", "read coverage reports and print what stepup reads in them",
     cmd_coverage},
    {"history", "history [REPO]", "read git history for the repo's C/C++ files and summarise it",
     cmd_history},
};

std::string usage() {
  std::string out = "usage: stepup <command> [options]\n\ncommands:\n";
  for (const Command& c : kCommands) {
    std::string left = c.usage;
    left.resize(std::max<size_t>(left.size() + 1, 18), ' ');
    out += "  " + left + c.summary + "\n";
  }
  return out + "\n  stepup --version | --help | <command> --help\n";
}

}  // namespace

int run_cli(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty()) {
      std::cerr << usage();
      return kExitUsage;
    }
    const std::string cmd = args[0];
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (cmd == "--version" || cmd == "-V") {
      std::cout << "stepup " << STEPUP_VERSION << '\n';
      return kExitOk;
    }
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
      std::cout << usage();
      return kExitOk;
    }
    for (const Command& c : kCommands) {
      if (cmd == c.name) return c.run(rest);
    }
    throw UsageError("unknown command '" + cmd + "'");
  } catch (const boost::program_options::error& e) {
    std::cerr << "stepup: " << e.what() << " (see stepup --help)\n";
    return kExitUsage;
  } catch (const UsageError& e) {
    std::cerr << "stepup: " << e.what() << " (see stepup --help)\n";
    return kExitUsage;
  } catch (const InputError& e) {
    std::cerr << "stepup: error: " << e.what() << '\n';
    return kExitInput;
  } catch (const std::exception& e) {
    std::cerr << "stepup: internal error: " << e.what() << '\n';
    return 4;
  }
}

}  // namespace stepup
