// compile_commands.json: finding it, reading it, and turning gcc command
// lines into ones libclang accepts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/report.h"

namespace stepup {

/// One translation unit's command, cleaned for libclang.
struct CompileCommand {
  std::string file;       ///< absolute, normalised
  std::string directory;  ///< absolute: relative paths in args resolve here
  std::vector<std::string> args;  ///< argv[0] is the compiler; no -o/-c/file
  bool is_c = false;              ///< the file is C (.c), not C++
  /// The standard added because the command named none (default_std_for),
  /// e.g. "gnu++17"; "" when the command had one or none was added.
  std::string implied_std;
};

/// The commands of a compile database, one per source file (first wins).
struct CompileDatabase {
  std::string path;
  std::vector<CompileCommand> commands;
};

/// The compile database to use: the -p value (a file or a folder holding
/// compile_commands.json), else REPO/compile_commands.json, else the first
/// REPO/build*/compile_commands.json. Throws InputError for a -p value that
/// names nothing; returns nullopt when there is no default one.
std::optional<std::string> find_compile_database(const std::string& repo_root,
                                                 const std::string& option);

/// Parses the database text. Throws InputError naming path and line:column
/// for malformed JSON, and the entry for a malformed entry.
CompileDatabase parse_compile_database(const std::string& path,
                                       std::string_view text);

/// Reads and parses the file at path.
CompileDatabase load_compile_database(const std::string& path);

/// Splits a "command" string the way a POSIX shell would split words.
std::vector<std::string> split_command(std::string_view command);

/// Drops what clang rejects or what only matters to code generation: the
/// source file itself, -o/-c, dependency-file flags, coverage and profile
/// flags, -Werror, and gcc-only options.
std::vector<std::string> sanitize_args(const std::vector<std::string>& raw,
                                       const std::string& file,
                                       const std::string& directory);

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

/// A command for a file the database does not list, borrowed from the entry
/// that shares the longest directory prefix (same language preferred).
CompileCommand interpolate_command(const CompileDatabase& db,
                                   const std::string& file, bool is_c);

}  // namespace stepup
