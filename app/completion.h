// Bash completion for stepup, written from the subcommands' own option
// tables (app/command_docs): `stepup --completion bash`, run by the build.
#pragma once

#include <string>
#include <vector>

#include "app/command_docs.h"

namespace stepup {

/// A bash script defining _stepup and `complete -o default -F _stepup
/// stepup`: the commands (and `help COMMAND`) in first place, each
/// command's options after it, file names otherwise.
std::string bash_completion(const std::vector<CommandDoc>& commands);

}  // namespace stepup
