#include "app/cli.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "app/command_docs.h"
#include "app/commands/command.h"
#include "app/completion.h"
#include "app/man_page.h"
#include "app/version.h"
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
    {"onboard", "onboard [REPO]",
     "plan the next newcomer's first week: must-read files, solo and pair tickets", cmd_onboard},
    {"rules", "rules", "list the rules, their kinds and options", cmd_rules},
    {"config", "config --dump", "print the effective configuration", cmd_config},
    {"coverage", "coverage FILE...", "read coverage reports and print what stepup reads in them",
     cmd_coverage},
    {"history", "history [REPO]", "read git history for the repo's C/C++ files and summarise it",
     cmd_history},
    {"trend", "trend --history-db FILE",
     "print the series of scans a history file holds (scan --history-db)", cmd_trend},
};

std::string usage() {
  std::string out = "usage: stepup <command> [options]\n\ncommands:\n";
  for (const Command& c : kCommands) {
    std::string left = c.usage;
    left.resize(std::max<size_t>(left.size() + 1, 18), ' ');
    out += "  " + left + c.summary + "\n";
  }
  return out + "\n  stepup --version | --help | <command> --help | help <command>\n";
}

const Command* find_command(const std::string& name) {
  for (const Command& c : kCommands) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

/// Every command's row, options and help, read from its own table.
std::vector<CommandDoc> command_docs() {
  std::vector<CommandDoc> docs;
  for (const Command& c : kCommands) {
    docs.push_back({c.name, c.usage, c.summary, {}, {}});
    describe_command(c.run, docs.back());
  }
  return docs;
}

/// `stepup help [COMMAND]`: the usage, or what `stepup COMMAND --help` prints.
int help_command(const std::vector<std::string>& rest) {
  if (rest.empty()) {
    std::cout << usage();
    return kExitOk;
  }
  if (rest.size() > 1) throw UsageError("stepup help takes one command");
  const Command* c = find_command(rest[0]);
  if (c == nullptr) throw UsageError("unknown command '" + rest[0] + "'");
  return c->run({"--help"});
}

/// The options before any command: --version, --help, and the hidden
/// --man and --completion bash that the build runs. -1 when cmd is none.
int top_level_option(const std::string& cmd, const std::vector<std::string>& rest) {
  if (cmd == "--version" || cmd == "-V") {
    std::cout << version_text();
  } else if (cmd == "--help" || cmd == "-h") {
    std::cout << usage();
  } else if (cmd == "--man") {
    std::cout << man_page(command_docs());
  } else if (cmd == "--completion") {
    if (rest.size() != 1 || rest[0] != "bash") throw UsageError("--completion takes 'bash'");
    std::cout << bash_completion(command_docs());
  } else {
    return -1;
  }
  return kExitOk;
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
    if (const int code = top_level_option(cmd, rest); code >= 0) return code;
    if (cmd == "help") return help_command(rest);
    if (const Command* c = find_command(cmd)) return c->run(rest);
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
