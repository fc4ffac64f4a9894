#include "reports/writers.h"

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>

#include "model/errors.h"
#include "reports/callgraph_writer.h"
#include "reports/codequality_writer.h"
#include "reports/comment_writer.h"
#include "reports/csv_writer.h"
#include "reports/html_writer.h"
#include "reports/json_writer.h"
#include "reports/markdown_writer.h"
#include "reports/sarif_writer.h"
#include "reports/ticket_writer.h"

namespace fs = std::filesystem;

namespace stepup {

const std::vector<WriterInfo>& writer_registry() {
  static const std::vector<WriterInfo> writers = {
      {"json", "report.json", &write_json, nullptr},
      {"html", "index.html", &write_html, nullptr},
      {"sarif", "report.sarif", &write_sarif, nullptr},
      {"md", "summary.md", &write_markdown, nullptr},
      {"csv", "report.csv", &write_csv, nullptr},
      {"tickets", "tickets", nullptr, &ticket_files},
      {"codequality", "gl-code-quality-report.json", &write_codequality, nullptr},
      {"comment", "comment.md", &write_comment, nullptr},
      {"callgraph", "callgraph.dot", &write_callgraph_dot, nullptr},
      {"callgraph-json", "callgraph.json", &write_callgraph_json, nullptr},
  };
  return writers;
}

std::vector<const WriterInfo*> select_writers(const std::string& list) {
  std::vector<const WriterInfo*> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    std::string name = list.substr(start, end - start);
    start = end + 1;
    if (name.empty()) continue;
    const WriterInfo* found = nullptr;
    for (const auto& w : writer_registry()) {
      if (w.name == name) found = &w;
    }
    if (!found) {
      std::string known;
      for (const auto& w : writer_registry()) known += (known.empty() ? "" : ", ") + w.name;
      throw UsageError("unknown format '" + name + "' (known: " + known + ")");
    }
    bool dup = false;
    for (auto* w : out) dup = dup || w == found;
    if (!dup) out.push_back(found);
  }
  if (out.empty()) throw UsageError("--format needs at least one format");
  return out;
}

namespace {

/// Writes text to path, throwing InputError (naming shown) on failure.
void write_file(const std::string& path, const std::string& shown,
                const std::function<void(std::ostream&)>& render) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw InputError(shown + ": cannot write: " + std::strerror(errno));
  render(out);
  out.flush();
  if (!out) throw InputError(shown + ": write failed: " + std::strerror(errno));
}

}  // namespace

void write_reports(const Report& report, const std::string& out_dir,
                   const std::vector<const WriterInfo*>& writers) {
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec || !fs::is_directory(out_dir)) {
    throw InputError(out_dir + ": cannot create output directory" +
                     (ec ? ": " + ec.message() : std::string()));
  }
  const std::string suffix = ".tmp." + std::to_string(getpid());
  std::vector<std::pair<std::string, std::string>> done;  // temp, final
  auto cleanup = [&]() {
    for (const auto& [tmp, final_path] : done) fs::remove_all(tmp, ec);
  };
  try {
    for (const WriterInfo* w : writers) {
      std::string final_path = out_dir + "/" + w->filename;
      std::string tmp = out_dir + "/." + w->filename + suffix;
      done.emplace_back(tmp, final_path);
      if (w->write) {
        write_file(tmp, final_path, [&](std::ostream& out) { w->write(report, out); });
        continue;
      }
      fs::create_directory(tmp, ec);
      if (ec) throw InputError(final_path + ": cannot create: " + ec.message());
      for (const auto& [name, text] : w->write_folder(report)) {
        write_file(tmp + "/" + name, final_path + "/" + name,
                   [&text = text](std::ostream& out) { out << text; });
      }
    }
  } catch (...) {
    cleanup();
    throw;
  }
  for (const auto& [tmp, final_path] : done) {
    // A folder replaces the old one whole, so no stale file from an earlier
    // run survives in it.
    if (fs::is_directory(tmp, ec)) fs::remove_all(final_path, ec);
    if (std::rename(tmp.c_str(), final_path.c_str()) != 0) {
      int err = errno;
      cleanup();
      throw InputError(final_path + ": cannot rename into place: " + std::strerror(err));
    }
  }
}

}  // namespace stepup
