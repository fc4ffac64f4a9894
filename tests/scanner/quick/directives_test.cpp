// Directive lines blanked before the quick parse, offsets kept.
#include "scanner/quick/directives.h"

#include <catch2/catch.hpp>

using namespace stepup;

TEST_CASE("directives: lines blanked, line breaks and length kept") {
  std::string in = "#include <a>\nint x;\n  #  define M(a) \\\n   (a + 1)\nint y;\n";
  std::string out = blank_directives(in);
  CHECK(out.size() == in.size());
  CHECK(out == std::string(12, ' ') + "\nint x;\n" + std::string(18, ' ') + "\n" +
                   std::string(10, ' ') + "\nint y;\n");
}

TEST_CASE("directives: #if 0 code is dropped, other branches are kept") {
  std::string in = "a &&\n#if 0\n never &&\n#else\n b &&\n#endif\n c\n#ifdef X\nd\n#endif\n";
  std::string out = blank_directives(in);
  CHECK(out == "a &&\n     \n         \n     \n b &&\n      \n c\n        \nd\n      \n");
  // Nested in an #if 0, everything is dropped until its own #endif.
  CHECK(blank_directives("#if 0\n#if 1\nx\n#else\ny\n#endif\nz\n#endif\nw\n") ==
        "     \n     \n \n     \n \n      \n \n      \nw\n");
}

TEST_CASE("directives: a '#' in a comment or a string starts nothing") {
  std::string in =
      "/* x\n#define not_one\n*/ int a;\nconst char* s = \"\\\n#x\";\n"
      "auto r = R\"(\n#y\n)\";\n// c \\\n#z\nint b;\n";
  CHECK(blank_directives(in) == in);
}
