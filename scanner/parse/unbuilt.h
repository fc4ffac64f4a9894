// Files a compile database does not build: whether to parse them, and the
// #include directives they write, read from their text without a parse.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "model/report.h"
#include "scanner/common/discover.h"

namespace stepup {

/// True when an unbuilt file is parsed all the same: `parse_all` (the
/// config's scan.unbuilt is "parse"), or a header under the repository's
/// public include folder (a top-level include/), which users build.
bool parse_unbuilt(const SourceFile& file, bool parse_all);

/// The #include directives of the file at `abs`, resolved against its own
/// folder and the include folders of `args` (a borrowed command), as the
/// parse would record them for a directive the preprocessor did not enter.
/// `index_of` maps absolute paths to indexes of `files`. Empty when the
/// file cannot be read.
std::vector<IncludeRef> unbuilt_includes(const std::string& root, const std::string& abs,
                                         const std::vector<std::string>& args,
                                         const std::vector<SourceFile>& files,
                                         const std::unordered_map<std::string, int>& index_of);

/// The one diagnostic on unbuilt files: how many, examples, and how many
/// were left unparsed.
Diagnostic unbuilt_summary(const std::vector<std::string>& parsed,
                           const std::vector<std::string>& skipped);

}  // namespace stepup
