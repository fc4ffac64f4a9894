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
int cmd_onboard(const std::vector<std::string>& args);
int cmd_rules(const std::vector<std::string>& args);
int cmd_config(const std::vector<std::string>& args);
int cmd_coverage(const std::vector<std::string>& args);
int cmd_history(const std::vector<std::string>& args);
int cmd_merge(const std::vector<std::string>& args);
int cmd_trend(const std::vector<std::string>& args);

/// `scan`'s work once its options are read: the scan (or, with --shard,
/// the shard's facts file), the reports, the console; returns the exit
/// code. `merge` runs it too, with the shards' facts preloaded.
int run_scan_command(const std::vector<std::string>& args, const std::vector<std::string>& facts);

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

/// Range-checks what add_scan_inputs read and sets opt.since_days and the
/// cache's folder and bound.
void check_scan_inputs(ScanOptions& opt, const std::string& since,
                       const boost::program_options::variables_map& vm);

/// Splits a comma list, dropping empty items.
std::vector<std::string> comma_list(const std::string& text);

}  // namespace stepup
