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
  std::string file;               ///< absolute, normalised
  std::string directory;          ///< absolute: relative paths in args resolve here
  std::vector<std::string> args;  ///< argv[0] is the compiler; no -o/-c/file
  /// The object file, relative to `directory` as written: the entry's
  /// "output", else its -o value; "" when it names none.
  std::string output;
  bool is_c = false;  ///< the file is C (.c), not C++
  /// The standard added because the command named none (default_std_for),
  /// e.g. "gnu++17"; "" when the command had one or none was added.
  std::string implied_std;
  /// 0: the file's first configuration; N: its (N+1)th, another set of the
  /// flags that shape the AST (configuration_key).
  int variant = 0;
};

/// The commands of a compile database: one per configuration of each
/// source file (entries of a file that differ only in flags that cannot
/// change the AST are read once, the first one kept).
struct CompileDatabase {
  std::string path;
  std::vector<CompileCommand> commands;
  std::vector<Diagnostic> diagnostics;  ///< response files that could not be read
};

/// The compile database to use: the -p value (a file or a folder holding
/// compile_commands.json), else REPO/compile_commands.json, else the first
/// REPO/build*/compile_commands.json. Throws InputError for a -p value that
/// names nothing; returns nullopt when there is no default one.
std::optional<std::string> find_compile_database(const std::string& repo_root,
                                                 const std::string& option);

/// Parses the database text. Throws InputError naming path and line:column
/// for malformed JSON, and the entry for a malformed entry.
CompileDatabase parse_compile_database(const std::string& path, std::string_view text);

/// Reads and parses the file at path.
CompileDatabase load_compile_database(const std::string& path);

/// Splits a "command" string the way a POSIX shell would split words.
std::vector<std::string> split_command(std::string_view command);

/// Expands every `@file` argument the way clang's driver does (libclang
/// does not): the file, relative to `directory`, is split into arguments
/// like a command line, and nested @files are expanded in turn (at most 16
/// deep; a cycle stops). An @file that cannot be read stays as it is, and
/// one message per such file goes to `problems`.
std::vector<std::string> expand_response_files(const std::vector<std::string>& raw,
                                               const std::string& directory,
                                               std::vector<std::string>* problems);

/// Drops what clang rejects or what only matters to code generation: the
/// source file itself, -o/-c, dependency-file flags, coverage and profile
/// flags, -Werror, and gcc-only options.
std::vector<std::string> sanitize_args(const std::vector<std::string>& raw, const std::string& file,
                                       const std::string& directory);

/// What of a command line shapes the AST of the file it compiles: the
/// compiler's name and the -D, -U, -I (-isystem, -iquote, -idirafter),
/// -include, -imacros, -std, -x, target and sysroot options, in order.
/// Entries of one file with the same key are one configuration.
std::string configuration_key(const std::vector<std::string>& args);

/// One info diagnostic per file the database compiles in several
/// configurations, naming the flags they differ in (path relative to root).
std::vector<Diagnostic> configuration_notes(const CompileDatabase& db, const std::string& root);

/// A command for a file the database does not list, borrowed from the entry
/// that shares the longest directory prefix (same language preferred).
CompileCommand interpolate_command(const CompileDatabase& db, const std::string& file, bool is_c);

}  // namespace stepup
