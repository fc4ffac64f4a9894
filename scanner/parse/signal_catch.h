// silent-catch (docs/signals.md): a catch handler that does nothing with the
// error.
#pragma once

#include <clang-c/Index.h>

#include <optional>

#include "model/report.h"
#include "scanner/parse/clang_util.h"

namespace stepup {

/// The finding for the handler c (a CXXCatchStmt whose `catch` keyword is
/// at line), or nothing when its body does something.
std::optional<Finding> silent_catch(CXCursor c, const FileTokens& tokens, int line);

}  // namespace stepup
