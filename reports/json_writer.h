// report.json: the contract's schema, "stepup-report/1".
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "model/report.h"

namespace stepup {

/// The report as an ordered JSON document, fields in the contract's order.
nlohmann::ordered_json report_to_json(const Report& report);

/// Writes report_to_json; invalid UTF-8 in names or paths becomes U+FFFD.
void write_json(const Report& report, std::ostream& out);

}  // namespace stepup
