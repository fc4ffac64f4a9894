#include "model/report.h"

namespace stepup {

const char* level_name(Diagnostic::Level level) {
  switch (level) {
    case Diagnostic::Level::kInfo: return "info";
    case Diagnostic::Level::kWarning: return "warning";
    case Diagnostic::Level::kError: return "error";
  }
  return "info";
}

Coverage& operator+=(Coverage& a, const Coverage& b) {
  a.lines_total += b.lines_total;
  a.lines_covered += b.lines_covered;
  a.branches_total += b.branches_total;
  a.branches_covered += b.branches_covered;
  a.functions_total += b.functions_total;
  a.functions_covered += b.functions_covered;
  a.branches_total_with_exceptions += b.branches_total_with_exceptions;
  a.branches_covered_with_exceptions += b.branches_covered_with_exceptions;
  return a;
}

}  // namespace stepup
