// The shape of a loop, for io-in-loop (docs/signals.md): whether it runs its
// body once per element or per count (range-for, iterator and index loops,
// `while (next())` cursors) and does not stop early (retry loops, loops that
// leave on their first pass). Worked out only for loops whose body does I/O.
#pragma once

#include <clang-c/Index.h>

#include <functional>
#include <string>

#include "scanner/parse/clang_util.h"

namespace stepup {

/// What the loop repeats per.
struct LoopShape {
  bool per_element = false;
  /// per_element: "element", "index", "row of the cursor"...; otherwise why
  /// not ("no per-element bound", "retry loop"...), for tests and debugging.
  std::string why;
};

/// loop: a for, range-for, while or do statement whose keyword is written
/// in tokens' file at keyword_offset. is_io tells whether a call cursor
/// matches io_functions (retry loops test an I/O call's result).
LoopShape loop_shape(CXCursor loop, const FileTokens& tokens, unsigned keyword_offset,
                     const std::function<bool(CXCursor)>& is_io);

/// The loop's header as written, squeezed: the condition of a while or
/// do-while, everything between a for's parentheses; "" when unknown.
std::string loop_header_text(CXCursor loop, const FileTokens& tokens, unsigned keyword_offset);

}  // namespace stepup
