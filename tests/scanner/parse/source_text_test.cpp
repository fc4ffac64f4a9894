#include "scanner/parse/source_text.h"

#include <algorithm>
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
      "const char* s = \"// not a comment\";\n"     // code
      "const char* t = \"/* nor this\";\n"          // code
      "char q = '\"';\n"                            // code: a quote char
      "int sep = 1'000'000; // digit separators\n"  // code
      "auto r = R\"x(\n"                            // code
      "// inside a raw string\n"                    // code: part of the literal
      ")x\";\n"                                     // code
      "// real comment\n";                          // comment
  CHECK(analyse_text(text).code_lines == 7);
}

TEST_CASE("line continuations extend // comments") {
  const char* text =
      "// comment \\\n"
      "still comment\n"
      "int x;\n";
  CHECK(analyse_text(text).code_lines == 1);
}

TEST_CASE("a literal left open at the end of the text adds no line") {
  // Found by the fuzzer: the final line break of an unterminated string
  // used to count one code line more than the text has.
  for (const char* text : {"x = \"abc\n", "char c = '\\\n", "s = R\"(open\n"}) {
    INFO(text);
    TextFacts f = analyse_text(text);
    CHECK(f.code_lines == 1);
    CHECK(f.code == std::vector<bool>{true});
  }
}

TEST_CASE("a raw string's delimiter holds no space, backslash or line break") {
  // Found by the fuzzer: R"x \<newline>y( is no raw string (its delimiter
  // may not hold a space, a backslash or a line break), so the line break
  // inside it still ends a line.
  const char* text = "auto r = R\"x \\\ncon(/* raw\nint a = 1;\n";
  TextFacts f = analyse_text(text);
  CHECK(f.code.size() == 3);
  CHECK(f.code_lines == static_cast<int>(std::count(f.code.begin(), f.code.end(), true)));
  // A real one still hides its comment markers.
  TextFacts raw = analyse_text("auto r = R\"xy(/* not a comment\n)xy\";\n");
  CHECK(raw.code == std::vector<bool>{true, true});
}

TEST_CASE("binary and non-UTF-8 text is recognised") {
  std::string binary("int x;\0\x01\x02", 9);
  CHECK(analyse_text(binary).binary);
  TextFacts latin1 = analyse_text("// caf\xe9\nint x;\n");
  CHECK_FALSE(latin1.binary);
  CHECK_FALSE(latin1.valid_utf8);
  CHECK(latin1.code_lines == 1);
  CHECK(is_valid_utf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
  CHECK_FALSE(is_valid_utf8("\xc0\xaf"));      // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));  // surrogate
  CHECK_FALSE(is_valid_utf8("\xe2\x82"));      // truncated
  CHECK(analyse_text("").code_lines == 0);
  CHECK(analyse_text("int x;").code_lines == 1);  // no final newline
}

TEST_CASE("every line-ending convention and a BOM give the same facts") {
  const std::string lf =
      "// a comment\n"
      "\n"
      "int a = 1; /* one\n"
      "two */\n"
      "// continued \\\n"
      "still a comment\n"
      "int b;\n";
  auto with = [&](const std::string& eol) {
    std::string out;
    for (char c : lf) {
      if (c == '\n') {
        out += eol;
      } else {
        out += c;
      }
    }
    return out;
  };
  TextFacts expected = analyse_text(lf);
  CHECK(expected.code_lines == 2);  // lines 3 and 7
  CHECK(expected.code == std::vector<bool>{false, false, true, false, false, false, true});
  for (const std::string& text :
       {with("\r\n"), with("\r"), "\xEF\xBB\xBF" + lf, "\xEF\xBB\xBF" + with("\r")}) {
    INFO(text);
    TextFacts facts = analyse_text(text);
    CHECK(facts.code_lines == expected.code_lines);
    CHECK(facts.code == expected.code);
    CHECK(facts.valid_utf8);
  }
}

TEST_CASE("next_code passes over blanks, comments and directive lines") {
  const std::string t =
      "a /* c */ &&\n"  // 0..12
      "#if 0\n"         // a directive line
      "  junk &&\n"     // (skipped by the preprocessor, not by this scan)
      "#endif\n"
      "  // note\n"
      "  b";
  CHECK(t.substr(next_code(t, 1), 2) == "&&");
  // From after "&&": the #if line is passed over, "junk" is the next code.
  size_t after = t.find("&&") + 2;
  CHECK(t.substr(next_code(t, after), 4) == "junk");
  size_t endif = t.find("#endif");
  CHECK(t.substr(next_code(t, endif), 1) == "b");
  CHECK(next_code(t, t.size()) == t.size());
  // A directive continued on the next line is one line.
  const std::string cont = "x\n#define A \\\n  (1 && 2)\ny";
  CHECK(cont.substr(next_code(cont, 1), 1) == "y");
  CHECK(on_directive_line(cont, cont.find("(1")));
  CHECK_FALSE(on_directive_line(cont, cont.find("y")));
  CHECK(on_directive_line("  #  else\r\n", 5));
}
