#include "reports/writers.h"

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "model/errors.h"
#include "reports/json_writer.h"
#include "reports/html_writer.h"
#include "reports/markdown_writer.h"
#include "reports/sarif_writer.h"

namespace fs = std::filesystem;

namespace stepup {

const std::vector<WriterInfo>& writer_registry() {
  static const std::vector<WriterInfo> writers = {
      {"json", "report.json", &write_json},
      {"html", "index.html", &write_html},
      {"sarif", "report.sarif", &write_sarif},
      {"md", "summary.md", &write_markdown},
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

void write_reports(const Report& report, const std::string& out_dir,
                   const std::vector<const WriterInfo*>& writers) {
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec || !fs::is_directory(out_dir)) {
    throw InputError(out_dir + ": cannot create output directory" +
                     (ec ? ": " + ec.message() : std::string()));
  }
  std::vector<std::pair<std::string, std::string>> done;  // temp, final
  auto cleanup = [&]() {
    for (const auto& [tmp, final_path] : done) std::remove(tmp.c_str());
  };
  for (const WriterInfo* w : writers) {
    std::string final_path = out_dir + "/" + w->filename;
    std::string tmp = out_dir + "/." + w->filename + ".tmp." + std::to_string(getpid());
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out) {
        cleanup();
        throw InputError(final_path + ": cannot write: " + std::strerror(errno));
      }
      done.emplace_back(tmp, final_path);
      w->write(report, out);
      out.flush();
      if (!out) {
        cleanup();
        throw InputError(final_path + ": write failed: " + std::strerror(errno));
      }
    }
  }
  for (const auto& [tmp, final_path] : done) {
    if (std::rename(tmp.c_str(), final_path.c_str()) != 0) {
      int err = errno;
      cleanup();
      throw InputError(final_path + ": cannot rename into place: " + std::strerror(err));
    }
  }
}

}  // namespace stepup
