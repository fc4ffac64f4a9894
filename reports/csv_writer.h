// report.csv: one row per candidate, with columns that import into a Jira
// or GitHub project (Summary, Description, Priority, Labels, ...).
#pragma once

#include <ostream>
#include <string>

#include "model/report.h"

namespace stepup {

/// One RFC 4180 field: quoted when it holds a comma, quote or line break;
/// a leading =, +, -, @, tab or CR gets a ' so spreadsheets do not run it
/// as a formula (the text comes from the repository and its history).
std::string csv_field(const std::string& text);

void write_csv(const Report& report, std::ostream& out);

}  // namespace stepup
