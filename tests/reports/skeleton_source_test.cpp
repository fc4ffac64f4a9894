#include "reports/skeleton_source.h"

#include <catch2/catch.hpp>

using namespace stepup;

namespace {

FunctionFacts fn(const std::string& qualified, int line, int end_line) {
  FunctionFacts f;
  f.qualified_name = qualified;
  size_t scope = qualified.rfind("::");
  f.name = scope == std::string::npos ? qualified : qualified.substr(scope + 2);
  f.line = line;
  f.end_line = end_line;
  return f;
}

FileFacts file(const std::string& path, const std::string& text) {
  FileFacts f;
  f.path = path;
  f.source = text;
  return f;
}

}  // namespace

TEST_CASE("skeleton_source: the access of a member, from its class body") {
  const std::string text =
      "struct Pod { int x(); };\n"
      "class EXPORT Table : public Base {\n"
      "  int implicit_private();\n"
      " public:\n"
      "  // Get() is documented here: private: in a comment is no specifier\n"
      "  const char* Get(const char* key) const;\n"
      "  struct Inner {\n    void Hidden();\n  private:\n    void Deep();\n  };\n"
      "  static std::string Name() { return \"a{\"; }\n"
      " protected:\n  void Guarded();\n"
      " private:\n  void Secret(int n);\n"
      "};\n";
  CHECK(access_of(text, "Pod", "x") == "public");  // struct: public by default
  CHECK(access_of(text, "Table", "implicit_private") == "private");
  CHECK(access_of(text, "Table", "Get") == "public");
  CHECK(access_of(text, "Table", "Name") == "public");  // a brace in a string is no brace
  CHECK(access_of(text, "Table", "Guarded") == "protected");
  CHECK(access_of(text, "Table", "Secret") == "private");
  CHECK(access_of(text, "Table", "Deep") == "");  // a nested class's member is not Table's
  CHECK(access_of(text, "Missing", "Get") == "");
}

TEST_CASE("skeleton_source: static free functions, read from the definition") {
  FileFacts f = file("src/a.cc",
                     "namespace a {\n"
                     "static int helper(int x) {\n  return x;\n}\n"
                     "inline static bool flag() { return true; }\n"
                     "int Widget::count() {\n  return 1;\n}\n"
                     "int visible(int x) {\n  return helper(x);\n}\n"
                     "}\n");
  CHECK(static_by_text(f, fn("a::helper", 2, 4)));
  CHECK(static_by_text(f, fn("a::flag", 5, 5)));
  CHECK_FALSE(static_by_text(f, fn("a::visible", 9, 11)));
  CHECK_FALSE(static_by_text(f, fn("a::Widget::count", 6, 8)));  // a member: no namespace Widget
}

TEST_CASE("skeleton_source: a declaration as written at the definition, or none") {
  FileFacts f = file("src/grid.cc",
                     "#include <string>\n"
                     "namespace geo {\nnamespace detail {\n"
                     "int\ncell(int x,\n     int y) {  // the body\n  return x + y;\n}\n"
                     "Grid::Grid(int w) : w_(w) {}\n"
                     "}  // namespace detail\n}  // namespace geo\n");
  CHECK(declaration_of(f, fn("geo::detail::cell", 5, 8)) ==
        "namespace geo {\nnamespace detail {\nint cell(int x, int y);\n}  // namespace detail\n"
        "}  // namespace geo");
  CHECK(declaration_of(f, fn("geo::detail::Grid::Grid", 9, 9)).empty());  // a member
  // Its file's includes, leaving out those for other platforms.
  Report r;
  FileFacts plat = file("src/util.cc",
                        "#include <string>\n#ifdef _WIN32\n#include <windows.h>\n#endif\n"
                        "int size_of(const std::string& s) {\n  return 1;\n}\n");
  CHECK(declaration_includes(r, TestFramework{}, plat, "tests") ==
        std::vector<std::string>{"<string>"});
  // A file that brings std into scope: so does the declaration.
  FileFacts uses = file(
      "src/log.cc", "#include <string>\nusing namespace std;\n\nbool Write(string* err) {\n}\n");
  CHECK(declaration_of(uses, fn("Write", 4, 5)) ==
        "using namespace std;\nbool Write(string* err);");
  FunctionFacts templ = fn("geo::detail::cell", 5, 8);
  templ.is_template = true;
  CHECK(declaration_of(f, templ).empty());
}

TEST_CASE("skeleton_source: the declaring header is found, never made up") {
  Report r;
  r.files.push_back(file("src/net/http.h", "namespace net {\nint parse(const char* s);\n}\n"));
  r.files.push_back(
      file("src/net/http.cpp", "#include \"net/http.h\"\nint parse(const char* s) {}\n"));
  r.files.push_back(file("src/net/tool.cpp", "#include \"net/http.h\"\nint tool_main() {}\n"));
  r.files.push_back(file("src/net/wire.h", "int encode(int);\n"));
  r.files.push_back(file("src/net/wire.cpp", "#include \"wire.h\"\nint encode(int v) {}\n"));
  TestFramework fw;
  fw.include_dirs = {"src"};
  std::string why;
  CHECK(header_of(r, fw, r.files[1], fn("net::parse", 2, 2), why) == "src/net/http.h");
  CHECK(why == "declares `parse` (the header named like `src/net/http.cpp`)");
  // tool.cpp includes http.h, which does not declare tool_main: no header.
  CHECK(header_of(r, fw, r.files[2], fn("tool_main", 2, 2), why).empty());
  CHECK(why.find("it is not declared in a header") != std::string::npos);
  // A header included beside the file (no -I needed).
  CHECK(header_of(r, fw, r.files[4], fn("encode", 2, 2), why) == "src/net/wire.h");
  // A header defines its own functions.
  CHECK(header_of(r, fw, r.files[3], fn("encode", 1, 1), why) == "src/net/wire.h");
  CHECK(why == "defines it");
}

TEST_CASE("skeleton_source: spelling an include the way the tests do") {
  TestFramework fw;
  fw.include_roots = {{"", false, false, 98, true, "db/a_test.cc:6 includes \"db/db_impl.h\""},
                      {"include", false, true, 46, true, "db/a_test.cc:7 includes <leveldb/db.h>"}};
  fw.include_tu = "db/a_test.cc";
  fw.include_dirs = {"", "include", "build/include"};
  Spelling s = spell(fw, "include/leveldb/env.h", "db");
  CHECK(s.text == "leveldb/env.h");
  CHECK(s.angled);  // the tests write <leveldb/...>
  CHECK(s.why.find("from `include/`") != std::string::npos);
  CHECK(spell(fw, "db/version_edit.h", "db").text == "db/version_edit.h");
  // Only the build reaches build/include: its folder, said as such.
  fw.include_roots.pop_back();
  Spelling built = spell(fw, "build/include/port/config.h", "db");
  CHECK(built.text == "build/include/port/config.h");  // the root still reaches it
  fw.include_roots.clear();
  built = spell(fw, "build/include/port/config.h", "db");
  CHECK(built.text == "port/config.h");
  CHECK(built.why.find("no test includes a header from there") != std::string::npos);
}

TEST_CASE("skeleton_source: no address check where taking it cannot compile") {
  Report r;
  FunctionFacts f = fn("net::parse", 1, 2);
  CHECK(address_check(r, f, "int parse(const char*);\n") == "net::parse");
  CHECK(address_check(r, f, "int parse(const char*);\nint parse(int);\n").empty());
  CHECK(address_check(r, fn("net::Parser::Parser", 1, 2), "").empty());  // a constructor
  CHECK(address_check(r, fn("net::Parser::~Parser", 1, 2), "").empty());
  CHECK(address_check(r, fn("net::operator==", 1, 2), "").empty());
  CHECK(address_check(r, fn("net::Box::get", 1, 2),
                      "template <typename T>\nclass Box {\n public:\n  T get();\n};\n")
            .empty());
}
