// Each subcommand's options read from its own boost::program_options table,
// the one its --help prints, so the man page (app/man_page) and the shell
// completion (app/completion) are made from the same table and cannot drift.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "app/commands/command.h"

namespace stepup {

/// One option as `stepup <command> --help` shows it.
struct OptionDoc {
  std::string long_name;    ///< "compile-commands" (no dashes)
  std::string short_name;   ///< "-p", or empty
  std::string parameter;    ///< "arg (=1G)", or empty for a switch
  std::string description;  ///< the help text
};

/// One subcommand: its row in the command table, its options and its help.
struct CommandDoc {
  std::string name;     ///< "scan"
  std::string usage;    ///< "scan [REPO]"
  std::string summary;  ///< its line in `stepup --help`
  std::vector<OptionDoc> options;
  std::string help;  ///< what `stepup <name> --help` prints
};

/// Called by parse_args with the table it parses against: while
/// describe_command runs, the table's options are recorded (once: the
/// first table a command parses is its own).
void record_options(const boost::program_options::options_description& desc);

/// Runs run({"--help"}) with std::cout captured, and fills doc.options and
/// doc.help from the table it parsed and the text it printed.
void describe_command(CommandFn run, CommandDoc& doc);

}  // namespace stepup
