#include "scanner/parse/source_text.h"

#include <catch2/catch.hpp>
#include <string>

using namespace stepup;

TEST_CASE("code_lines counts lines with code, not blanks or comments") {
  // Line by line: 1 comment, 2 blank, 3 code, 4-6 block comment,
  // 7 code after a closed block comment, 8 code with trailing comment.
  const char* text =
      "// header comment\n"
      "\n"
      "int a = 1;\n"
      "/* a block\n"
      "   comment\n"
      "*/\n"
      "/* c */ int b;\n"
      "int c; // trailing\n";
  CHECK(analyse_text(text).code_lines == 3);  // lines 3, 7 and 8
}

TEST_CASE("comment markers inside literals are code") {
  const char* text =
      "const char* s = \"// not a comment\";\n"   // code
      "const char* t = \"/* nor this\";\n"         // code
      "char q = '\"';\n"                           // code: a quote char
      "int sep = 1'000'000; // digit separators\n" // code
      "auto r = R\"x(\n"                           // code
      "// inside a raw string\n"                   // code: part of the literal
      ")x\";\n"                                    // code
      "// real comment\n";                         // comment
  CHECK(analyse_text(text).code_lines == 7);
}

TEST_CASE("line continuations extend // comments") {
  const char* text =
      "// comment \\\n"
      "still comment\n"
      "int x;\n";
  CHECK(analyse_text(text).code_lines == 1);
}

TEST_CASE("binary and non-UTF-8 text is recognised") {
  std::string binary("int x;\0\x01\x02", 9);
  CHECK(analyse_text(binary).binary);
  TextFacts latin1 = analyse_text("// caf\xe9\nint x;\n");
  CHECK_FALSE(latin1.binary);
  CHECK_FALSE(latin1.valid_utf8);
  CHECK(latin1.code_lines == 1);
  CHECK(is_valid_utf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
  CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
  CHECK_FALSE(is_valid_utf8("\xe2\x82"));          // truncated
  CHECK(analyse_text("").code_lines == 0);
  CHECK(analyse_text("int x;").code_lines == 1);  // no final newline
}
