// The file view's data over the example built with --coverage (the shared
// shop fixture): each line's branch outcomes are gcovr's own counts, and
// the page carries them, with the token segments, only for embedded files.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "app/pipeline.h"
#include "reports/html_writer.h"
#include "reports/source_view.h"
#include "tests/support/coverage_fixture.h"
#include "tests/support/temp_repo.h"

using namespace stepup;
using Json = nlohmann::json;

namespace {

/// path -> line -> the counts of its outcomes that are not exception-only,
/// read straight from gcovr's JSON. Lines gcovr lists more than once (one
/// entry per instantiation) are left out: stepup merges those.
std::map<std::string, std::map<int, std::vector<int64_t>>> gcovr_branches(const Json& doc) {
  std::map<std::string, std::map<int, std::vector<int64_t>>> out;
  for (const auto& f : doc["files"]) {
    std::map<int, int> seen;
    std::map<int, std::vector<int64_t>> lines;
    for (const auto& l : f["lines"]) {
      if (l.value("gcovr/noncode", false) || l.value("gcovr/excluded", false)) continue;
      int n = l["line_number"].get<int>();
      ++seen[n];
      std::vector<int64_t> counts;
      for (const auto& b : l["branches"]) {
        if (!b.value("throw", false)) counts.push_back(b["count"].get<int64_t>());
      }
      if (!counts.empty()) lines[n] = counts;
    }
    for (const auto& [n, times] : seen) {
      if (times > 1) lines.erase(n);
    }
    if (!lines.empty()) out[f["file"].get<std::string>()] = lines;
  }
  return out;
}

}  // namespace

TEST_CASE("file view: branch outcomes per line are gcovr's counts, on the page when embedded",
          "[source-view][e2e]") {
  const test::BuiltRepo& shop = test::built_fixture("shop", "SHOP_COVERAGE");
  auto expected = gcovr_branches(Json::parse(test::read_text(shop.coverage)));
  REQUIRE_FALSE(expected.empty());

  SystemProcessRunner runner;
  ScanOptions options;
  options.repo = shop.repo;
  options.jobs = 2;
  options.coverage = {shop.coverage};
  ScanResult r = run_scan(options, runner);

  int lines = 0, partial = 0;
  Json page = html_data(r.report, kHtmlSourceBudget)["html"];
  for (const FileFacts& f : r.report.files) {
    auto want = expected.find(f.path);
    if (want == expected.end()) continue;
    INFO(f.path);
    for (const auto& [line, counts] : want->second) {
      INFO("line " << line);
      auto got = f.line_branch_counts.find(line);
      REQUIRE(got != f.line_branch_counts.end());
      CHECK(got->second == counts);
      // The (total, covered) pair patch mode reads agrees.
      int taken = 0;
      for (int64_t n : counts) taken += n > 0;
      CHECK(f.line_branches.at(line) == std::make_pair(static_cast<int>(counts.size()), taken));
      ++lines;
      partial += taken > 0 && taken < static_cast<int>(counts.size());
    }
    // The page: exactly these rows beside the text, and the segments.
    REQUIRE(page["sources"].contains(f.path));
    const Json& src = page["sources"][f.path];
    CHECK(src["branches"] == Json(branch_counts_json(f.line_branch_counts)));
    CHECK(src["syntax"] == Json(syntax_segments_json(f.source, f.syntax)));
    CHECK_FALSE(src["syntax"].empty());
  }
  CHECK(lines >= 4);
  CHECK(partial >= 1);  // some line has an outcome taken and one never taken

  r.report.html_source = HtmlSource::kNone;
  Json none = html_data(r.report, kHtmlSourceBudget)["html"];
  CHECK(none["sources"].empty());
}
