// The subcommands behind `stepup <command>`, one file each, and the option
// handling that `scan` and `next` share. app/cli.cpp holds the table.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "app/pipeline.h"
#include "model/errors.h"

namespace stepup {

/// A subcommand: takes the arguments after its name, returns the exit code;
/// throws UsageError (exit 2) or InputError (exit 3).
using CommandFn = int (*)(const std::vector<std::string>& args);

int cmd_scan(const std::vector<std::string>& args);
int cmd_next(const std::vector<std::string>& args);
int cmd_rules(const std::vector<std::string>& args);
int cmd_config(const std::vector<std::string>& args);
int cmd_coverage(const std::vector<std::string>& args);
int cmd_history(const std::vector<std::string>& args);

/// Parses args against the visible options and positional names.
boost::program_options::variables_map parse_args(
    const boost::program_options::options_description& visible,
    const boost::program_options::positional_options_description& pos,
    const std::vector<std::string>& args);

/// --since: a whole number of days (1 to 10,000,000), or "all" (kAllHistory,
/// 0); UsageError otherwise.
int parse_days(const std::string& text);

/// Declares the inputs `scan` and `next` share: what to read and how.
void add_scan_inputs(boost::program_options::options_description& desc, ScanOptions& opt,
                     std::string& since);

/// Range-checks what add_scan_inputs read and sets opt.since_days.
void check_scan_inputs(ScanOptions& opt, const std::string& since);

/// Splits a comma list, dropping empty items.
std::vector<std::string> comma_list(const std::string& text);

}  // namespace stepup
