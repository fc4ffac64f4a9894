// What `stepup --version` prints.
#pragma once

#include <string>

namespace stepup {

/// "stepup X.Y.Z" on the first line (scripts read it), then the git commit
/// it was built from ("unknown" outside a checkout, "-dirty" with local
/// changes), libclang's version and the report.json schema, one per line.
std::string version_text();

}  // namespace stepup
