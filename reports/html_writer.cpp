#include "reports/html_writer.h"

#include "reports/html_assets.h"
#include "reports/json_writer.h"

namespace stepup {

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string script_safe_json(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}

void write_html(const Report& report, std::ostream& out) {
  // The page is a view of report.json: the data rides along as inert JSON
  // and the script renders it with textContent only, never as markup.
  std::string data = report_to_json(report).dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
         "connect-src 'none'; form-action 'none'; base-uri 'none'\">\n"
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
