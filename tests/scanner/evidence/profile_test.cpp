#include "scanner/evidence/profile.h"

#include <catch2/catch.hpp>

#include "model/errors.h"

using namespace stepup;
using Catch::Matchers::Contains;

namespace {

std::vector<std::string> frames_of(const CollapsedProfile& p, size_t stack) {
  std::vector<std::string> out;
  for (uint32_t f : p.stacks[stack].frames) out.push_back(p.frames[f]);
  return out;
}

std::string name_of(std::string_view frame) {
  FrameName n = parse_frame_name(frame);
  std::string out;
  for (size_t i = 0; i < n.parts.size(); ++i) out += (i ? "::" : "") + n.parts[i];
  return out;
}

}  // namespace

TEST_CASE("profile_collapsed: stacks, counts, comments and frames with spaces") {
  std::string text =
      "# perf script | stackcollapse-perf.pl\n"
      "\n"
      "prog;main;net::Parser::parse(std::string const&) const 120\n"
      "prog;main;std::vector<int, std::allocator<int> >::push_back(int const&) 3\r\n"
      "prog;[unknown];libc.so.6 7\n";
  CollapsedProfile p = parse_collapsed(text, "p.txt");
  REQUIRE(p.stacks.size() == 3);
  CHECK(p.total_samples == 130);
  CHECK(p.stacks[0].samples == 120);
  CHECK(frames_of(p, 0) ==
        std::vector<std::string>{"prog", "main", "net::Parser::parse(std::string const&) const"});
  CHECK(frames_of(p, 1)[2] == "std::vector<int, std::allocator<int> >::push_back(int const&)");
  CHECK(p.frames.size() == 6);  // prog and main interned once
}

TEST_CASE("profile_collapsed: counts above 2^53 are exact, above 2^64-1 rejected") {
  // 2^53 + 1 is the first integer a double cannot hold.
  CollapsedProfile p = parse_collapsed("a;b 9007199254740993\na 1\n", "p");
  CHECK(p.stacks[0].samples == 9007199254740993ull);
  CHECK(p.total_samples == 9007199254740994ull);
  CHECK(parse_collapsed("a 18446744073709551615\n", "p").total_samples == UINT64_MAX);
  CHECK_THROWS_WITH(parse_collapsed("a 1\nb 18446744073709551616\n", "p.txt"),
                    Contains("p.txt:2:") && Contains("exceeds 2^64-1"));
  CHECK_THROWS_WITH(parse_collapsed("a 18446744073709551615\nb 1\n", "p.txt"),
                    Contains("p.txt:2:") && Contains("add up"));
}

TEST_CASE("profile_collapsed: malformed lines name file and line") {
  CHECK_THROWS_WITH(parse_collapsed("a;b 1\nmain;foo\n", "x.folded"),
                    Contains("x.folded:2:") && Contains("no sample count"));
  CHECK_THROWS_WITH(parse_collapsed("a;b 1\n\n# c\na;b 12x\n", "x.folded"),
                    Contains("x.folded:4:") && Contains("not an unsigned integer"));
  CHECK_THROWS_WITH(parse_collapsed("a;b -3\n", "x"), Contains("x:1:"));
  CHECK_THROWS_WITH(parse_collapsed("a 1\n;; 5\n", "x"),
                    Contains("x:2:") && Contains("empty stack"));
  CHECK_THROWS_AS(parse_collapsed("a;b 1.5\n", "x"), InputError);
}

TEST_CASE("profile_collapsed: a 10,000-frame stack") {
  std::string line;
  for (int i = 0; i < 10000; ++i) line += "f" + std::to_string(i % 5000) + ";";
  line += "leaf 42\n";
  CollapsedProfile p = parse_collapsed(line, "deep");
  REQUIRE(p.stacks.size() == 1);
  CHECK(p.stacks[0].frames.size() == 10001);
  CHECK(p.frames.size() == 5001);
}

TEST_CASE("profile_collapsed: frame names") {
  CHECK(name_of("net::Parser::parse(std::string const&) const") == "net::Parser::parse");
  CHECK(parse_frame_name("net::Parser::parse(std::string const&) const").params == 1);
  CHECK(parse_frame_name("f(std::map<int, long>, char*)").params == 2);
  CHECK(parse_frame_name("f(void)").params == 0);
  CHECK(parse_frame_name("work::hot_loop").params == -1);
  CHECK(name_of("void ns::run<int>(int) [clone .isra.0]") == "ns::run");
  CHECK(name_of("hot(int) [clone .constprop.0] [clone .cold]") == "hot");
  CHECK(name_of("hot.cold") == "hot");
  CHECK(name_of("hot.part.1") == "hot");
  CHECK(name_of("memcpy@plt") == "memcpy");
  CHECK(name_of("__schedule_[k]") == "__schedule");
  CHECK(name_of("work::hot_loop+0x1e") == "work::hot_loop");
  CHECK(name_of("std::vector<int, std::allocator<int> >::push_back(int const&)") ==
        "std::vector::push_back");
  CHECK(name_of("(anonymous namespace)::helper(int)") == "(anonymous namespace)::helper");
  CHECK(name_of("void (anonymous namespace)::helper()") == "(anonymous namespace)::helper");
  CHECK(name_of("ns::Buf::operator<<(int)") == "ns::Buf::operator<<");
  CHECK(name_of("ns::Cmp::operator()(int, int) const") == "ns::Cmp::operator()");
  CHECK(name_of("ns::Buf::~Buf()") == "ns::Buf::~Buf");
  CHECK(name_of("main::{lambda()#1}::operator()() const") == "main");
  CHECK(name_of("ns::run(int)::{lambda(int)#2}::operator()(int) const") == "ns::run");
  CHECK(parse_frame_name("ns::run(int)::{lambda(int)#2}::operator()(int) const").params == 1);
  CHECK(name_of("ns::fn (x=1, y=2)") == "ns::fn");  // gdb
  CHECK(name_of("_ZN3net6Parser5parseEv") == "net::Parser::parse");
  CHECK(name_of("_ZN3net6Parser5parseEv.cold") == "net::Parser::parse");
  CHECK(name_of("[unknown]").empty());
  CHECK(name_of("libc.so.6").empty());
  CHECK(name_of("[kernel.kallsyms]").empty());
}
