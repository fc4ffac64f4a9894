// Reading profiles in collapsed-stack form (Brendan Gregg's stackcollapse
// output: "frame;frame;...;leaf COUNT"), and reading function names out of
// the frames profilers and debuggers print.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stepup {

/// A collapsed-stack profile: the distinct frame names, and each line's stack
/// (root first, as indexes into `frames`) with its sample count.
struct CollapsedProfile {
  struct Stack {
    std::vector<uint32_t> frames;
    uint64_t samples = 0;
  };
  std::vector<std::string> frames;
  std::vector<Stack> stacks;
  uint64_t total_samples = 0;
};

/// Parses collapsed stacks. Blank lines and '#' comments are skipped. Throws
/// InputError "<name>:<line>: ..." for a line without a count, a count that
/// is not an unsigned integer or exceeds 2^64-1, an empty stack, or counts
/// whose sum exceeds 2^64-1.
CollapsedProfile parse_collapsed(std::string_view text, const std::string& name);

/// The qualified name inside a frame: "net::Parser::parse" with a parameter
/// count of 1 for "net::Parser::parse(std::string const&) const [clone .isra.0]".
struct FrameName {
  std::vector<std::string> parts;  ///< {"net", "Parser", "parse"}; empty: no function
  int params = -1;                 ///< -1 when the frame has no parameter list
};

/// Reads a frame as perf, gdb, sanitizers, callgrind or a demangler print it:
/// drops return types, template arguments, parameter lists, cv-qualifiers,
/// clone suffixes (" [clone .isra.0]", ".cold", ".part.1"), "@plt", "+0x1f"
/// offsets and stackcollapse's "_[k]"-style annotations; demangles "_Z" names.
/// A lambda or local class resolves to the function that holds it. Library
/// and unknown frames ("[unknown]", "libc.so.6") give no parts.
FrameName parse_frame_name(std::string_view frame);

}  // namespace stepup
