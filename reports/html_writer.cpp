#include "reports/html_writer.h"

#include <cstdint>
#include <set>
#include <vector>

#include "reports/html_assets.h"
#include "reports/json_writer.h"
#include "reports/source_view.h"

namespace stepup {
namespace {

using Json = nlohmann::ordered_json;

// Files whose text the file view may show, most wanted first: the files
// candidates point at, in rank order (an io-in-loop task's chain files after
// its own), then every other file with coverage.
// The rest are left out so a large repo's page stays small.
std::vector<const FileFacts*> source_wanted(const Report& r) {
  std::vector<const FileFacts*> out;
  std::set<std::string> seen;
  std::map<std::string, const FileFacts*> by_path;
  for (const auto& f : r.files) by_path[f.path] = &f;
  auto want = [&](const std::string& path) {
    auto it = by_path.find(path);
    if (it != by_path.end() && seen.insert(it->first).second) out.push_back(it->second);
  };
  for (const auto& c : r.candidates) {
    if (!c.target.file) continue;
    want(*c.target.file);
    // The files an io-in-loop chain goes through: each hop opens there.
    auto it = by_path.find(*c.target.file);
    if (it == by_path.end() || c.rule != "io-in-loop") continue;
    for (const FunctionFacts& fn : it->second->functions) {
      for (const Finding& x : fn.findings) {
        for (const ChainHop& h : x.chain) want(h.path);
      }
    }
  }
  for (const auto& f : r.files) {
    bool covered = f.coverage.has_value() || !f.line_hits.empty();
    if (covered && seen.insert(f.path).second) out.push_back(&f);
  }
  return out;
}

Json line_hits_json(const std::map<int, int64_t>& hits) {
  Json out = Json::array();
  for (const auto& [line, n] : hits) out.push_back(Json::array({line, n}));
  return out;
}

}  // namespace

Json html_data(const Report& report, size_t source_budget) {
  Json sources = Json::object(), omitted = Json::object();
  size_t used = 0;
  // --html-source=link or none: no text at all (the page links to the host,
  // or shows neither).
  std::vector<const FileFacts*> wanted;
  if (report.html_source == HtmlSource::kEmbed) wanted = source_wanted(report);
  for (const FileFacts* f : wanted) {
    if (f->source.empty()) {
      omitted[f->path] = "its text was not read at scan time (binary or unreadable)";
      continue;
    }
    // The colours count toward the budget with the text: they cost about
    // three quarters as many bytes again (docs/report-format.md, "The
    // page's size").
    Json syntax = syntax_segments_json(f->source, f->syntax);
    size_t cost = f->source.size() + (syntax.empty() ? 0 : syntax.dump().size());
    if (used + cost > source_budget) {
      omitted[f->path] = "the page's source budget (" + std::to_string(source_budget >> 10) +
                         " KiB) was used up by higher-ranked files";
    } else {
      used += cost;
      sources[f->path] = {{"text", f->source},
                          {"hits", line_hits_json(f->line_hits)},
                          {"branches", branch_counts_json(f->line_branch_counts)},
                          {"syntax", std::move(syntax)}};
    }
  }
  // The CI panel's changed files: their changed lines no test ran.
  Json patch_files = Json::array();
  if (report.patch) {
    for (const PatchFileCoverage& fc : report.patch->file_coverage) {
      patch_files.push_back({{"path", fc.path},
                             {"executable_lines", fc.executable_lines},
                             {"lines_covered", fc.lines_covered},
                             {"uncovered", fc.uncovered},
                             {"stale", fc.stale}});
    }
  }
  Json doc = report_to_json(report);
  doc["html"] = {{"scanned_at", report.scanned_at},
                 {"patch_files", std::move(patch_files)},
                 {"sources", std::move(sources)},
                 {"omitted", std::move(omitted)},
                 {"source_budget", source_budget},
                 {"source_mode", report.html_source == HtmlSource::kEmbed  ? "embed"
                                 : report.html_source == HtmlSource::kLink ? "link"
                                                                           : "none"}};
  return doc;
}

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string script_safe_json(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        // U+2028 / U+2029 (E2 80 A8 / A9) only occur inside JSON strings.
        if (c == '\xe2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
            (json[i + 2] == '\xa8' || json[i + 2] == '\xa9')) {
          out += json[i + 2] == '\xa8' ? "\\u2028" : "\\u2029";
          i += 2;
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string hex_to_base64(const std::string& hex) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::vector<unsigned char> bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<unsigned char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t n = bytes[i] << 16;
    if (i + 1 < bytes.size()) n |= bytes[i + 1] << 8;
    if (i + 2 < bytes.size()) n |= bytes[i + 2];
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

void write_html(const Report& report, std::ostream& out) {
  write_html(report, out, kHtmlSourceBudget);
}

void write_html(const Report& report, std::ostream& out, size_t source_budget) {
  // The page is a view of report.json: the data rides along as inert JSON
  // and the script renders it with textContent only, never as markup. The
  // CSP allows no network at all and only the page's own script, by hash,
  // so not even an injected inline handler could run.
  std::string data =
      html_data(report, source_budget).dump(-1, ' ', false, Json::error_handler_t::replace);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'sha256-"
      << hex_to_base64(kHtmlScriptSha256Hex)
      << "'; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>stepup report</title>\n<style>" << kHtmlStyle << "</style>\n</head>\n"
      << "<body>\n<header><h1>stepup <span>where to step up next</span></h1>"
      << "<p class=\"sub\">" << html_escape(report.repo_root)
      << (report.commit ? " @ " + html_escape(report.commit->substr(0, 12)) : "")
      << "</p></header>\n"
      << "<noscript><p>This report renders with JavaScript; the same data is in "
         "report.json.</p></noscript>\n"
      << "<main id=\"app\"></main>\n"
      << "<script type=\"application/json\" id=\"stepup-data\">" << script_safe_json(data)
      << "</script>\n<script>" << kHtmlScript << "</script>\n</body>\n</html>\n";
}

}  // namespace stepup
