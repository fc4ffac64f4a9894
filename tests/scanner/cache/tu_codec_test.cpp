#include "scanner/cache/tu_codec.h"

#include <catch2/catch.hpp>

using namespace stepup;

namespace {

TuFacts sample() {
  TuFacts t;
  t.included = {"src/a.cc", "src/a.h"};
  TuFileFacts file;
  file.path = "src/a.cc";
  FunctionFacts fn;
  fn.name = "run";
  fn.qualified_name = "ns::run";
  fn.line = 3;
  fn.end_line = 9;
  fn.cyclomatic = 4;
  fn.cognitive = 5;
  fn.params = 2;
  fn.max_nesting = 2;
  fn.log_calls = 1;
  fn.findings.emplace_back("silent-catch", 5, "catch (...) {}", std::vector<std::string>{"c:@F@x"},
                           "c:@F@y");
  fn.trivial = "empty";
  fn.internal_linkage = true;
  fn.is_template = true;
  fn.error_exits.push_back({6, "return-error", "false", 5, "!ok"});
  fn.usr = "c:@N@ns@F@run#";
  fn.calls.push_back({"c:@F@x", 4, true, false, 3});
  fn.io_calls.push_back({"PQexec", 5});
  file.functions.push_back(fn);
  file.includes.push_back({1, "a.h", false, "src/a.h"});
  file.syntax = {0, 8, kSyntaxComment, 9, 3, kSyntaxKeyword, 13, 70000, kSyntaxLiteral};
  t.files.push_back(file);
  t.error_paths = {"", "src/a.h"};
  DeclFacts d;
  d.name = "x";
  d.path = "src/a.h";
  d.line = 2;
  d.variadic = true;
  d.calls_log = true;
  t.declarations["c:@F@x"] = d;
  t.diagnostics.push_back({Diagnostic::Level::kWarning, "parse", "1 error(s)", "src/a.cc"});
  t.diagnostics.push_back({Diagnostic::Level::kInfo, "parse", "no path", std::nullopt});
  t.deps = {{"/r/src/a.cc", "00ff"}};
  t.probes = {{"c/r/src/a.h", "src/a.h"}};
  t.parsed = true;
  return t;
}

}  // namespace

TEST_CASE("a TU's facts survive the frame and come back equal", "[cache]") {
  TuFacts t = sample();
  std::string bytes = frame(tu_facts_to_json(t));
  std::string why;
  auto payload = unframe(bytes, &why);
  REQUIRE(payload);
  TuFacts back = tu_facts_from_json(*payload);
  // Compared through the encoding, which names every field.
  CHECK(tu_facts_to_json(back) == tu_facts_to_json(t));
  const FunctionFacts& fn = back.files.at(0).functions.at(0);
  CHECK(fn.findings.at(0).failed_call == "c:@F@y");
  CHECK(fn.calls.at(0).is_virtual);
  CHECK(fn.calls.at(0).loop_line == 3);
  CHECK(fn.io_calls.at(0).api == "PQexec");
  CHECK(back.declarations.at("c:@F@x").calls_log);
  CHECK_FALSE(back.diagnostics.at(1).path.has_value());
  CHECK(back.files.at(0).syntax == t.files.at(0).syntax);
}

TEST_CASE("a cut-off, altered or foreign record is refused, saying why", "[cache]") {
  std::string bytes = frame(tu_facts_to_json(sample()));
  std::string why;
  for (size_t cut : {size_t{0}, size_t{5}, size_t{20}, bytes.size() / 2, bytes.size() - 1}) {
    INFO(cut);
    CHECK_FALSE(unframe(bytes.substr(0, cut), &why));
  }
  CHECK_FALSE(unframe(bytes + "x", &why));
  CHECK(why.find("cut off or padded") != std::string::npos);
  std::string flipped = bytes;
  flipped[flipped.size() - 3] ^= 0x01;
  CHECK_FALSE(unframe(flipped, &why));
  CHECK(why == "checksum mismatch");
  std::string other = bytes;
  other[7] = '9';  // the format digit
  CHECK_FALSE(unframe(other, &why));
  CHECK(why.find("another facts format") != std::string::npos);
  CHECK_FALSE(unframe("hello", &why));
  CHECK(why == "not a stepup facts record");
}

TEST_CASE("a payload of the wrong shape throws instead of giving facts", "[cache]") {
  CHECK_THROWS(tu_facts_from_json(nlohmann::json::array({1, 2, 3})));
  nlohmann::json j = tu_facts_to_json(sample());
  j[4][0][0] = 7;  // a diagnostic level that does not exist
  CHECK_THROWS(tu_facts_from_json(j));
}
