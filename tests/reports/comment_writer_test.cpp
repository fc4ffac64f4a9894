#include "reports/comment_writer.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <sstream>

#include "tests/support/temp_repo.h"

using namespace stepup;
using Catch::Contains;

namespace {

Candidate task(int rank, int score, const std::string& status, const std::string& title,
               const std::string& file, int line, const std::string& effort) {
  Candidate c;
  c.id = "id" + std::to_string(rank);
  c.rank = rank;
  c.score = score;
  c.kind = "refactor";
  c.status = status;
  c.title = title;
  c.target = {"src", file, std::nullopt, line};
  c.effort = effort;
  return c;
}

// The report tests/fixtures/comment/hand-built.md was written from.
Report hand_built() {
  Report r;
  r.gate = {{"patch-coverage<0.8", 2.0 / 11, true, "patch line coverage 0.1818 < 0.8"},
            {"max-score>=90", 74, false, "max score 74 not >= 90"},
            {"line-coverage<0.5", std::nullopt, true,
             "production line coverage: no coverage data to measure, so the gate fails"},
            {"new-candidates>0", 2, true, "new candidates 2 > 0"}};
  PatchSummary p;
  p.base = "origin/main";
  p.files_changed = 4;
  p.lines_changed = 40;
  p.executable_lines = 11;
  p.lines_covered = 2;
  p.line_coverage = 2.0 / 11;
  p.branch_coverage = 0.5;
  p.files_without_coverage = {"src/app/main.cpp"};
  p.stale_files = {"src/store/db.cpp"};
  p.file_coverage = {{"src/net/http.cpp", 6, 1, {10, 11, 12, 20, 21}, false},
                     {"src/store/orders.cpp", 2, 1, {7}, false},
                     {"src/store/db.cpp", 3, 0, {4, 5, 6}, true},
                     {"src/util/fine.cpp", 4, 4, {}, false}};
  r.patch = p;
  r.candidates = {
      task(1, 74, "new", "Write tests for parse_header", "src/net/http.cpp", 10, "M"),
      task(2, 60, "worsened", "Refactor OrderStore::import_csv", "src/store/orders.cpp", 30, "L"),
      task(3, 41, "new", "Break up route_match", "src/net/router.cpp", 5, "S")};
  r.resolved = std::vector<std::string>{"0011"};
  return r;
}

std::string render(const Report& r) {
  std::ostringstream out;
  write_comment(r, out);
  return out.str();
}

// A GitHub table row split as cmark-gfm splits it: a backslash escapes the
// next ASCII punctuation character (a pipe among them), so only a pipe not
// so escaped ends a cell; inline code spans do not protect pipes.
std::vector<std::string> cells(const std::string& row) {
  std::vector<std::string> out(1);
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size() &&
        std::ispunct(static_cast<unsigned char>(row[i + 1]))) {
      out.back() += row.substr(i++, 2);
    } else if (row[i] == '|') {
      out.emplace_back();
    } else {
      out.back() += row[i];
    }
  }
  return out;
}

// The text outside code spans (a run of N unescaped backticks up to the
// next run of exactly N), where Markdown and HTML would be live.
std::string outside_code(const std::string& md) {
  std::string out;
  size_t i = 0;
  while (i < md.size()) {
    if (md[i] == '\\' && i + 1 < md.size() && std::ispunct(static_cast<unsigned char>(md[i + 1]))) {
      out += md.substr(i, 2);  // an escaped character, a backtick among them
      i += 2;
      continue;
    }
    if (md[i] != '`') {
      out += md[i++];
      continue;
    }
    size_t n = md.find_first_not_of('`', i) - i;
    size_t close = i + n;
    while (true) {
      close = md.find(std::string(n, '`'), close);
      if (close == std::string::npos) return out + md.substr(i);  // no span: literal
      size_t run = md.find_first_not_of('`', close) - close;
      if (run == n) break;
      close += run;
    }
    i = close + n;
  }
  return out;
}

std::vector<std::string> table_rows(const std::string& md) {
  std::vector<std::string> rows;
  std::istringstream in(md);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] == '|') rows.push_back(line);
  }
  return rows;
}

}  // namespace

TEST_CASE("comment: the hand-built report renders as the hand-written golden file") {
  std::string golden =
      test::read_text(std::string(STEPUP_SOURCE_DIR) + "/tests/fixtures/comment/hand-built.md");
  CHECK(render(hand_built()) == golden);
}

TEST_CASE("comment: without a baseline it lists the top tasks on the patch, or in the repo") {
  Report r = hand_built();
  r.resolved.reset();
  r.top = 2;
  std::string md = render(r);
  CHECK_THAT(md, Contains("### Top tasks on the changed code\n"));
  CHECK_THAT(
      md,
      Contains("| 2 | 60 | Refactor OrderStore::import\\_csv | `src/store/orders.cpp:30` | L |"));
  CHECK_THAT(md, Contains("Showing 2 of 3; the report lists them all."));
  CHECK(md.find("route\\_match") == std::string::npos);  // rank 3 is past --top
  r.patch.reset();
  r.gate.clear();
  r.candidates.clear();
  CHECK(render(r) ==
        std::string(kCommentMarker) + "\n## stepup\n\n### Top tasks\n\nNo task found.\n\n");
}

TEST_CASE("comment: hostile names stay text in their cell and ping no one") {
  const std::string evil =
      "a|b\\|c`d</td><img src=x onerror=alert(1)>![i](http://x/p.png) @org/team $x^2$ "
      "[l](javascript:alert(1)) \xE2\x80\xAEgnp.exe\nnext | row";
  Report r;
  r.gate = {{"max-score>=1", 50, true, "max score 50 >= 1"}};
  PatchSummary p;
  p.base = "main";
  p.file_coverage = {{"src/" + evil + ".cpp", 2, 0, {1, 2}, false}};
  p.files_without_coverage = {"src/" + evil + ".h"};
  r.patch = p;
  Candidate c = task(1, 50, "", "Write tests for " + evil, "src/" + evil + ".cpp", 3, "S");
  c.status.reset();
  r.candidates = {c};
  std::string md = render(r);
  for (const std::string& row : table_rows(md)) {
    INFO(row);
    CHECK((cells(row).size() == 5 || cells(row).size() == 7));  // 3 or 5 columns
  }
  CHECK(table_rows(md).size() == 3 * 3);  // header, delimiter, one row: gate, patch, tasks
  // Outside code spans the marker is the only markup, and every @ is
  // followed by a zero-width space.
  std::string live = outside_code(md);
  CHECK(live.rfind(kCommentMarker, 0) == 0);
  CHECK(live.find('<', 1) == std::string::npos);
  for (size_t at = live.find('@'); at != std::string::npos; at = live.find('@', at + 1)) {
    CHECK(live.compare(at + 1, 3, "\xE2\x80\x8B") == 0);
  }
  CHECK(md.find("\xE2\x80\xAE") == std::string::npos);  // the right-to-left override
  CHECK_THAT(md, Contains("@\xE2\x80\x8Borg/team"));    // a zero-width space breaks the mention
  CHECK_THAT(md, Contains("\\$x^2\\$"));
  CHECK_THAT(md, Contains("\\!\\[i\\](http://x/p.png)"));
  // In a code span (the path) the pipe after a backslash gets two more, so
  // the backslashes pair up and the pipe stays escaped.
  CHECK_THAT(md, Contains("`src/a\\|b\\\\\\|c"));
  // Outside a table a code span needs no escape at all.
  CHECK_THAT(md, Contains("(not counted above): ``src/a|b\\|c`d</td>"));
}

TEST_CASE("comment: long names are cut and rows past GitHub's limit are left out and counted") {
  Report r;
  std::string name(5000, 'x');
  name += "\xC3\xA9";  // a two-byte character where the cut falls
  for (int i = 0; i < 500; ++i) {
    r.candidates.push_back(task(i + 1, 50, "", "Refactor " + name, "src/" + name, i, "M"));
    r.candidates.back().status.reset();
  }
  r.top = 500;
  std::string md = render(r);
  CHECK(md.size() <= kCommentMaxBytes);
  CHECK_THAT(md, Contains("row(s) left out to keep this comment under GitHub's size limit"));
  CHECK(md.find(name) == std::string::npos);
  CHECK_THAT(md, Contains("x…"));
  CHECK(comment_text(std::string(199, 'a') + "\xC3\xA9") == std::string(199, 'a') + "…");
}
