// report.sarif: SARIF 2.1.0 for GitHub code scanning, one result per candidate.
#pragma once

#include <ostream>

#include "model/report.h"

namespace stepup {

void write_sarif(const Report& report, std::ostream& out);

}  // namespace stepup
