#include <string>
#include <vector>

#include "check.h"
#include "util/strings.h"

using namespace shop::util;

namespace {

void test_trim() {
    CHECK_EQ(trim("  a b \t\r\n"), "a b");
    CHECK_EQ(trim(""), "");
    CHECK_EQ(trim("   "), "");
    CHECK_EQ(trim("x"), "x");
}

void test_case() {
    CHECK_EQ(to_lower("Content-TYPE"), "content-type");
    CHECK(iequals("Host", "hOST"));
    CHECK(!iequals("Host", "Hosts"));
    CHECK(!iequals("abc", "abd"));
    CHECK(iequals("", ""));
}

void test_prefix_suffix() {
    CHECK(starts_with("/orders/1", "/orders"));
    CHECK(!starts_with("/o", "/orders"));
    CHECK(starts_with("abc", ""));
    CHECK(ends_with("gzip, chunked", "chunked"));
    CHECK(!ends_with("chunked, gzip", "chunked"));
    CHECK(!ends_with("ed", "chunked"));
    CHECK(ends_with("abc", ""));
}

void test_split_join() {
    const std::vector<std::string> parts = split("a,b,,c", ',');
    CHECK_EQ(parts.size(), 4u);
    CHECK_EQ(parts[2], "");
    CHECK_EQ(parts[3], "c");
    CHECK_EQ(split("", ',').size(), 1u);
    CHECK_EQ(split("a,", ',').size(), 2u);
    CHECK_EQ(join(parts, "|"), "a|b||c");
    CHECK_EQ(join({}, "|"), "");
    CHECK_EQ(join({"solo"}, ", "), "solo");
}

void test_replace_pad() {
    CHECK_EQ(replace_all("a-b-c", "-", "--"), "a--b--c");
    CHECK_EQ(replace_all("aaa", "a", ""), "");
    CHECK_EQ(replace_all("abc", "", "x"), "abc");
    CHECK_EQ(pad_left("7", 3, '0'), "007");
    CHECK_EQ(pad_left("1234", 3), "1234");
    CHECK_EQ(pad_left("", 2), "  ");
}

void test_parse_int() {
    CHECK_EQ(parse_int("42").value(), 42);
    CHECK_EQ(parse_int(" -17 ").value(), -17);
    CHECK_EQ(parse_int("+5").value(), 5);
    CHECK_EQ(parse_int("9223372036854775807").value(), 9223372036854775807LL);
    CHECK(!parse_int("9223372036854775808"));
    CHECK(!parse_int(""));
    CHECK(!parse_int("-"));
    CHECK(!parse_int("12a"));
    CHECK_EQ(parse_int("x").error(), "unexpected character 'x'");
    CHECK_EQ(parse_int("").value_or(-1), -1);
    CHECK_EQ(parse_int("21").map([](long long v) { return v * 2; }).value(), 42);
    CHECK(!parse_int("bad").map([](long long v) { return v * 2; }));
}

}  // namespace

void run_util_tests() {
    test_trim();
    test_case();
    test_prefix_suffix();
    test_split_join();
    test_replace_pad();
    test_parse_int();
}
