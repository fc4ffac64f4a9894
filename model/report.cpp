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

}  // namespace stepup
