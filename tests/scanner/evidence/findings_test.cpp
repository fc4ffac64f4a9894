#include "scanner/evidence/findings.h"

#include <catch2/catch.hpp>

#include "model/errors.h"
#include "scanner/common/input_text.h"
#include "tests/support/temp_repo.h"

using namespace stepup;
using Catch::Matchers::Contains;

TEST_CASE("findings_import: the format comes from the content") {
  CHECK(detect_findings_format("\xEF\xBB\xBF  {\"runs\": []}") == FindingsFormat::kSarif);
  CHECK(detect_findings_format("<?xml version=\"1.0\"?>\n<results version=\"2\">") ==
        FindingsFormat::kCppcheckXml);
  CHECK(detect_findings_format("<coverage/>") == FindingsFormat::kUnknown);
  CHECK(detect_findings_format("a.cc:1:2: warning: x [y]\n") == FindingsFormat::kClangTidy);
  CHECK(detect_findings_format("") == FindingsFormat::kClangTidy);  // a clean run
  CHECK(detect_findings_format("hello\n") == FindingsFormat::kUnknown);
  CHECK_THROWS_WITH(import_findings("hello\n", "f.txt"), Contains("f.txt:1:"));
  CHECK(import_findings("", "f").findings.empty());
}

TEST_CASE("findings_import: reading files") {
  test::TempDir dir;
  std::string path = dir.write("f.txt", "a.cc:1:2: warning: x [y]\n");
  CHECK(read_input_file(path, "--findings") == "a.cc:1:2: warning: x [y]\n");
  CHECK_THROWS_WITH(read_input_file(dir.path() + "/none", "--findings"),
                    Contains("none") && Contains("--findings"));
  CHECK_THROWS_WITH(read_input_file(dir.path(), "--profile"), Contains("directory"));
}
