// The explicit table of output formats, and writing them safely.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "model/report.h"

namespace stepup {

using WriterFn = void (*)(const Report&, std::ostream&);
/// A format that writes a folder of files: (name inside it, content) pairs.
using FolderWriterFn = std::vector<std::pair<std::string, std::string>> (*)(const Report&);

/// A registry row: the --format name, the file (or folder) it writes, and
/// its writer: `write` for one file, `write_folder` for a folder.
struct WriterInfo {
  std::string name;
  std::string filename;
  WriterFn write = nullptr;
  FolderWriterFn write_folder = nullptr;
};

/// The formats written when --format is not given.
constexpr const char* kDefaultFormats = "json,html,sarif,md";

const std::vector<WriterInfo>& writer_registry();

/// Parses a --format list ("json,html"); throws UsageError for unknown names.
std::vector<const WriterInfo*> select_writers(const std::string& list);

/// Renders every selected format to a temporary file in out_dir, then
/// renames them all into place: a failure leaves no half-written report and
/// keeps an earlier report intact. Throws InputError when out_dir cannot be
/// created or written.
void write_reports(const Report& report, const std::string& out_dir,
                   const std::vector<const WriterInfo*>& writers);

}  // namespace stepup
