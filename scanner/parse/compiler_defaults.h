// What a compiler does by default that a compile database does not say:
// the language standard of a command line that names none.
#pragma once

#include <string>
#include <vector>

namespace stepup {

/// The language standard a compiler uses when its command line names no
/// -std, judged from the compiler's name alone (the database is untrusted
/// input: the compiler is never run). gcc-family drivers (g++, c++, gcc,
/// cc, with a target prefix or a version suffix such as
/// x86_64-linux-gnu-g++-12): "gnu++17" for C++ and "gnu17" for C (gcc 11's
/// defaults; a version suffix below 11 gives gcc's older defaults).
/// clang++ with a version suffix of 16 or more: "gnu++17". "" when the
/// command already names a standard, when libclang's own default (gnu++14,
/// gnu17) is the compiler's, or when the compiler is unknown. A launcher
/// (ccache, sccache, distcc, icecc) in front is looked through.
std::string default_std_for(const std::vector<std::string>& args, bool is_c);

}  // namespace stepup
