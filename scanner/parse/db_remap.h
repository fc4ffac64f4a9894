// A compile database written on another machine (a CI container's
// /home/ci/builds/..., a Windows build), made usable here.
#pragma once

#include <string>
#include <vector>

#include "model/config.h"
#include "model/report.h"
#include "scanner/common/discover.h"
#include "scanner/parse/compile_db.h"

namespace stepup {

/// Makes a database written on another machine usable here. path_map rules
/// first rewrite every entry's file, directory and arguments. Then, when
/// most entries name files that do not exist (a CI container's
/// /home/ci/builds/...), the prefix they were written under is found by
/// matching their paths to repository files by suffix, as coverage paths
/// are, and rewritten to `root`; an error-level diagnostic says so and
/// names the path_map rule to set. Returns false, with an error-level
/// diagnostic, when no entry can be placed: the caller then parses with
/// guessed flags, which is better than a database that finds nothing.
bool remap_compile_database(CompileDatabase& db, const std::string& root,
                            const std::vector<SourceFile>& files,
                            const std::vector<PathMapping>& path_map,
                            std::vector<Diagnostic>& diagnostics);

}  // namespace stepup
