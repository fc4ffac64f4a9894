// scripts/check_layering.py: the layering of ARCHITECTURE.md holds on the
// real tree, and each kind of wrong include is caught, named by file, line
// and include.
#include <catch2/catch.hpp>

#include "scanner/common/process.h"
#include "tests/support/temp_repo.h"

namespace stepup::test {
namespace {

ProcessResult check_layering(const std::string& root) {
  SystemProcessRunner runner;
  return runner.run(
      {"python3", std::string(STEPUP_SOURCE_DIR) + "/scripts/check_layering.py", root}, ".");
}

}  // namespace

TEST_CASE("the source tree keeps its layering", "[layering]") {
  ProcessResult r = check_layering(STEPUP_SOURCE_DIR);
  INFO(r.out << r.err);
  REQUIRE(r.started);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("every include allowed") != std::string::npos);
}

TEST_CASE("the layering check fails on each kind of wrong include", "[layering]") {
  TempDir dir;
  // Allowed: a rule on the model, a coverage importer on the shared room,
  // the parse room on libclang, app on everything.
  dir.write("rules/ok.cpp", "#include \"rules/rule.h\"\n#include \"model/report.h\"\n");
  dir.write("scanner/coverage/ok.cpp", "#include \"scanner/common/input_text.h\"\n");
  dir.write("scanner/parse/ok.cpp", "#include <clang-c/Index.h>\n");
  dir.write("scanner/quick/ok.cpp", "#include <tree_sitter/api.h>\n#include \"model/report.h\"\n");
  // The grammar's npm install is not checked.
  dir.write("scanner/quick/grammar/node_modules/x/y.c", "#include \"app/pipeline.h\"\n");
  dir.write("app/ok.cpp", "#include \"scanner/parse/clang_scan.h\"\n#include \"rules/rule.h\"\n");
  dir.write("app/ok2.cpp", "#include \"scanner/trend/store.h\"\n");
  dir.write("scanner/trend/ok.cpp", "#include <sqlite3.h>\n#include \"model/report.h\"\n");
  SECTION("all allowed") {
    ProcessResult r = check_layering(dir.path());
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
  }
  SECTION("each wrong include is named") {
    dir.write("rules/bad.cpp", "// a rule\n#include \"scanner/history/git_log.h\"\n");
    dir.write("reports/bad.h", "#pragma once\n#include \"app/pipeline.h\"\n");
    dir.write("reports/bad2.cpp", "#include <clang-c/Index.h>\n");
    dir.write("model/bad.h", "#include \"rules/rule.h\"\n");
    dir.write("scanner/coverage/bad.cpp", "\n\n  #  include \"scanner/parse/metrics.h\"\n");
    dir.write("scanner/common/bad.cpp", "#include \"scanner/coverage/map.h\"\n");
    dir.write("scanner/parse/bad.cpp", "#include <tree_sitter/api.h>\n");
    dir.write("scanner/quick/bad.cpp", "#include \"scanner/parse/metrics.h\"\n");
    dir.write("scanner/trend/bad.cpp", "#include \"scanner/cache/hash.h\"\n");
    dir.write("scanner/history/bad2.cpp", "#include \"scanner/trend/row.h\"\n");
    ProcessResult r = check_layering(dir.path());
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("rules/bad.cpp:2: rules/ may not include \"scanner/history/git_log.h\"") !=
          std::string::npos);
    CHECK(r.out.find("reports/bad.h:2: reports/ may not include \"app/pipeline.h\"") !=
          std::string::npos);
    CHECK(r.out.find("reports/bad2.cpp:1: reports/ may not include <clang-c/Index.h>") !=
          std::string::npos);
    CHECK(r.out.find("model/bad.h:1: model/ may not include \"rules/rule.h\"") !=
          std::string::npos);
    CHECK(r.out.find("scanner/coverage/bad.cpp:3: scanner/coverage/ may not include "
                     "\"scanner/parse/metrics.h\"") != std::string::npos);
    CHECK(r.out.find("scanner/common/bad.cpp:1: scanner/common/ may not include "
                     "\"scanner/coverage/map.h\"") != std::string::npos);
    CHECK(r.out.find("scanner/parse/bad.cpp:1: scanner/parse/ may not include "
                     "<tree_sitter/api.h> (tree-sitter belongs to scanner/quick/)") !=
          std::string::npos);
    CHECK(r.out.find("scanner/quick/bad.cpp:1: scanner/quick/ may not include "
                     "\"scanner/parse/metrics.h\"") != std::string::npos);
    CHECK(r.out.find("scanner/trend/bad.cpp:1: scanner/trend/ may not include "
                     "\"scanner/cache/hash.h\"") != std::string::npos);
    CHECK(r.out.find("scanner/history/bad2.cpp:1: scanner/history/ may not include "
                     "\"scanner/trend/row.h\"") != std::string::npos);
    CHECK(r.out.find("10 include(s) cross the layering") != std::string::npos);
  }
}

}  // namespace stepup::test
