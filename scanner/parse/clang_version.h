// The libclang stepup is linked against, as `stepup --version` names it.
#pragma once

#include <string>

namespace stepup {

/// clang_getClangVersion(): e.g. "Debian clang version 14.0.6".
std::string libclang_version();

}  // namespace stepup
