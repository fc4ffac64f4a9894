#include "scanner/parse/includes.h"

#include <catch2/catch.hpp>
#include <set>

using namespace stepup;

namespace {

std::string listed(const std::vector<IncludeDirective>& ds) {
  std::string out;
  for (const auto& d : ds) {
    out += std::to_string(d.line) + ":" + std::to_string(d.name_line) + (d.angled ? " <" : " \"") +
           d.spelled + (d.angled ? ">" : "\"") + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("include directives are found as written, in every #if branch") {
  CHECK(listed(scan_include_directives("#include \"a.h\"\n"
                                       "  #  include <sys/stat.h>  // why\n"
                                       "#if defined(_WIN32)\n"
                                       "#include <windows.h>\n"
                                       "#else\n"
                                       "#include_next <unistd.h>\n"
                                       "#endif\n"
                                       "#import \"objc.h\"\n"
                                       "#include CONFIG_HEADER\n"
                                       "#define X 1\n")) ==
        "1:1 \"a.h\"\n2:2 <sys/stat.h>\n4:4 <windows.h>\n6:6 <unistd.h>\n8:8 \"objc.h\"\n"
        "9:9 \"CONFIG_HEADER\"\n");
}

TEST_CASE("comments, strings and raw strings hold no directive") {
  CHECK(scan_include_directives("// #include \"line_comment.h\"\n"
                                "/* #include \"block.h\"\n"
                                "#include \"still_block.h\" */\n"
                                "const char* s = \"#include <nope.h>\";\n"
                                "const char* r = R\"x(\n"
                                "#include \"in_raw.h\"\n"
                                ")x\";\n"
                                "int n = 1'000; char c = '\"';\n"
                                "x = 1; #include \"not_at_line_start.h\"\n")
            .empty());
  // A comment before the '#' and between '#' and include is only whitespace.
  CHECK(listed(scan_include_directives("/* lead */ # /* mid */ include \"ok.h\"\n")) ==
        "1:1 \"ok.h\"\n");
}

TEST_CASE("line continuations join a directive and keep the line count right") {
  CHECK(listed(scan_include_directives("#include \\\n  \"split.h\"\n#include <after.h>\n")) ==
        "1:2 \"split.h\"\n3:3 <after.h>\n");
  CHECK(listed(scan_include_directives("#inc\\\nlude \"spliced.h\"\r\n#include <crlf.h>\r\n")) ==
        "1:2 \"spliced.h\"\n3:3 <crlf.h>\n");
}

TEST_CASE("cut-off or malformed directives are skipped") {
  CHECK(scan_include_directives("#include \"unterminated.h\n#include <also\n#include\n").empty());
  CHECK(scan_include_directives("/* never closed #include \"x.h\"").empty());
  CHECK(scan_include_directives("R\"(unterminated raw").empty());
  CHECK(scan_include_directives("").empty());
}

TEST_CASE("include folders of a command line, and where an unentered include leads") {
  CHECK(include_dirs_of({"g++", "-I/a", "-I", "/b", "-iquote", "/q", "-isystem", "/s", "-idirafter",
                         "/d", "-DX", "-include", "/f.h"}) ==
        std::vector<std::string>{"/a", "/b", "/q", "/s", "/d"});
  std::set<std::string> files = {"/r/src/local.h", "/r/include/lib/api.h", "/r/include/local.h"};
  auto exists = [&](const std::string& p) { return files.count(p) > 0; };
  std::vector<std::string> dirs = {"/r/include"};
  IncludeDirective quoted{1, 1, "local.h", false};
  IncludeDirective angled{1, 1, "local.h", true};
  IncludeDirective nested{1, 1, "lib/api.h", false};
  IncludeDirective up{1, 1, "../include/lib/api.h", false};
  IncludeDirective missing{1, 1, "missing.h", false};
  // A quoted name looks in the includer's folder first, an angled one does not.
  CHECK(resolve_include(quoted, "/r/src", dirs, exists) == "/r/src/local.h");
  CHECK(resolve_include(angled, "/r/src", dirs, exists) == "/r/include/local.h");
  CHECK(resolve_include(nested, "/r/src", dirs, exists) == "/r/include/lib/api.h");
  CHECK(resolve_include(up, "/r/src", dirs, exists) == "/r/include/lib/api.h");
  CHECK(resolve_include(missing, "/r/src", dirs, exists).empty());
}
