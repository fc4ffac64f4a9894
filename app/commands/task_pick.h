// What `stepup next` and `stepup onboard` share: the task filters, the
// check that --module and --team name something, the report a command reads
// (a scan, or --report), and the sources a ticket quotes.
#pragma once

#include <string>
#include <vector>

#include "app/commands/command.h"
#include "model/report.h"

namespace stepup {

/// The filters of `stepup next` (and the scope of `stepup onboard`).
struct TaskFilter {
  std::vector<std::string> kinds, efforts;
  std::string module, team;
  bool newcomer = false;

  /// Whether c passes every filter; team is checked against r's owners.
  bool keeps(const Candidate& c, const Report& r) const;
  /// Whether c targets the module (or one under it) and the team's files.
  bool in_scope(const Candidate& c, const Report& r) const;
};

/// Every kind of task a rule proposes, in the registry's order.
std::vector<std::string> known_kinds();

std::string joined(const std::vector<std::string>& items);

/// A --module or --team that names nothing in the report is a UsageError,
/// not an empty answer; --team without CODEOWNERS is an InputError.
void check_names(const TaskFilter& filter, const Report& report);

/// The report a task command works from: --report's file (report_path set;
/// filter.team then applies to its owners) or a scan with opt (whose --team
/// already kept the team's files). Sets a test framework when an older
/// report names none.
Report task_report(ScanOptions& opt, const std::string& report_path, TaskFilter& filter);

/// The picked tasks' files and the headers their skeletons read, from root,
/// when the report came from a file (a scan already carries every text).
void load_sources(Report& report, const std::vector<const Candidate*>& picked,
                  const std::string& root);

}  // namespace stepup
