// The man page, stepup.1 (roff), written from the subcommands' own option
// tables (app/command_docs): `stepup --man`, run by the build.
#pragma once

#include <string>
#include <vector>

#include "app/command_docs.h"

namespace stepup {

/// Text as roff: backslashes and hyphens escaped, no line starting a request.
std::string roff_escape(const std::string& text);

/// stepup.1: name, synopsis, one section per command with its options, the
/// exit statuses.
std::string man_page(const std::vector<CommandDoc>& commands);

}  // namespace stepup
