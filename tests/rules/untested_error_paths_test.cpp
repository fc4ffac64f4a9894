#include "rules/untested_error_paths.h"

#include <catch2/catch.hpp>

#include "tests/rules/signals.h"

using namespace stepup;
using namespace stepup::test;

namespace {

const RuleOptions kOpts = default_options(untested_error_paths_info());

/// docs/scoring.md's worked example: decode_header (lines 20-60) with five
/// error exits; 30 executable lines, the first 22 run, so lines 43-50 are
/// not, and the exits at 44, 46 and 48 never run.
FunctionFacts decoder() {
  FunctionFacts f = function("decode_header", 6, 20, 60);
  cover(f, 30, 22);  // uncovered: 20 + 1 + 22 .. 20 + 30 = 43..50
  f.error_exits = {
      {25, "return-error", "Status::Corruption(\"bad magic\")", 24, "magic != kMagic"},
      {30, "return-error", "false", 29, "!GetVarint32(&input, &len)"},
      {44, "return-error", "Status::Corruption(\"truncated\")", 43, "!GetFixed64(&input, &seq)"},
      {46, "throw", "std::length_error(\"too long\")", 45, "len > kMax"},
      {48, "abort", "std::abort()", 0, ""},
  };
  churn(f, 4, 1);
  return f;
}

std::vector<Candidate> run(FunctionFacts f, bool coverage = true) {
  return untested_error_paths(report({file("src/db/header.cc", "src/db", {f})}, coverage), kOpts);
}

}  // namespace

TEST_CASE("untested-error-paths lists the exits no test reaches, as documented") {
  auto c = run(decoder());
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == "add-tests");
  CHECK(c[0].rule == "untested-error-paths");
  CHECK(c[0].target.function == "ns::decode_header");
  CHECK(c[0].target.line == 44);
  CHECK(c[0].focus == "ns::decode_header");
  // 3 untested exits, activity 1 + 0.1 * 4 + 0.3 * 1 = 1.7:
  // 30 + 70 * (1 - e^-(3 * 1.7 / 6)) = 30 + 70 * 0.5726 = 70.08 -> 70.
  CHECK(c[0].score == 70);
  CHECK(c[0].title == "Test the error paths of ns::decode_header (src/db/header.cc:20)");
  CHECK(c[0].why ==
        std::vector<std::string>{
            "3 of its 5 error exits never run (lines 44, 46, 48)",
            "line 44: return Status::Corruption(\"truncated\") when "
            "`!GetFixed64(&input, &seq)` (line 43)",
            "line 46: throw std::length_error(\"too long\") when `len > kMax` (line 45)",
            "line 48: std::abort()",
            "the happy path is tested: 30 executable lines, 22 covered (73%)",
            "4 commits, 1 of them a bug fix, touched decode_header in the history "
            "window"});
  CHECK(c[0].first_step ==
        "Write a test that drives decode_header into its error exit at line 44: give it an input "
        "that is cut off or malformed where GetFixed64 reads, and assert the error it reports.");
  CHECK(c[0].lines == std::vector<int>{44, 46, 48});  // the exits themselves
  CHECK(c[0].effort == "S");
  CHECK(c[0].newcomer_friendly);
}

TEST_CASE("untested-error-paths needs a tested happy path, untested exits and coverage") {
  FunctionFacts all_run = decoder();
  cover(all_run, 30, 30);
  CHECK(run(all_run).empty());  // every exit runs
  FunctionFacts none_run = decoder();
  cover(none_run, 30, 0);
  CHECK(run(none_run).empty());  // untested-hotspot's case: nothing runs at all
  CHECK(run(decoder(), false).empty());
  FunctionFacts no_exits = decoder();
  no_exits.error_exits.clear();
  CHECK(run(no_exits).empty());
  FunctionFacts trivial = decoder();
  trivial.from_macro = true;
  CHECK(run(trivial).empty());
  // Invariants are meant to be unreachable: not an untested error path.
  FunctionFacts invariant = decoder();
  invariant.error_exits = {{44, "invariant", "assert(false)", 43, "n > limit"},
                           {46, "invariant", "Fatal(\"internal error\")", 45, "default"}};
  CHECK(run(invariant).empty());
  invariant.error_exits.push_back({48, "abort", "std::abort()", 0, ""});
  auto c = run(invariant);
  REQUIRE(c.size() == 1);
  CHECK(c[0].lines == std::vector<int>{48});
  CHECK(c[0].why.front() == "1 of its 1 error exit never run (line 48)");
}

TEST_CASE(
    "untested-error-paths: more exits and more churn score higher, many exits are not "
    "a newcomer's") {
  FunctionFacts quiet = decoder();
  churn(quiet, 0, 0);
  // 30 + 70 * (1 - e^-(3 * 1 / 6)) = 30 + 70 * 0.3935 = 57.5 -> 58 (lround of 57.54).
  CHECK(run(quiet)[0].score == 58);
  FunctionFacts many = decoder();
  for (int line = 43; line <= 50; ++line) {
    many.error_exits.push_back({line, "return-error", "-1", 0, ""});
  }
  auto c = run(many);
  CHECK(c[0].score > run(decoder())[0].score);
  CHECK(c[0].effort == "L");  // 11 untested exits
  CHECK_FALSE(c[0].newcomer_friendly);
}

TEST_CASE("input_hint reads the input a condition asks for") {
  auto hint = [](const std::string& cond) {
    ErrorExit e;
    e.condition = cond;
    e.condition_line = 1;
    return input_hint(e);
  };
  CHECK(hint("!GetVarint32(&input, &tag)") ==
        "an input that is cut off or malformed where GetVarint32 reads");
  CHECK(hint("!reader.ReadRecord(&record)") ==
        "an input that is cut off or malformed where ReadRecord reads");
  CHECK(hint("!s.ok()") ==
        "a case where the call before it fails (a fake or a stub that returns an error)");
  CHECK(hint("input.size() < kHeaderSize") ==
        "an input of the wrong size (`input.size() < kHeaderSize`)");
  CHECK(hint("name.empty()") == "an empty input (`name.empty()`)");
  CHECK(hint("q == nullptr") ==
        "a case where `q == nullptr` holds (a null argument, or a call before it that returns "
        "null)");
  // A getter through an object is a call that fails, not a reader of input.
  CHECK(hint("!env->rep->GetTestDirectory(&result).ok()") ==
        "a case where the call before it fails (a fake or a stub that returns an error)");
  CHECK(hint("!leveldb::GetLengthPrefixedSlice(&input, &key)") ==
        "an input that is cut off or malformed where GetLengthPrefixedSlice reads");
  CHECK(hint("fd < 0") == "a failing system call (a missing file, a closed descriptor)");
  CHECK(hint("count > limit_") == "");
  CHECK(hint("") == "");
}

TEST_CASE("untested-error-paths rolls three or more functions of a file into one task") {
  std::vector<FunctionFacts> fns;
  for (int i = 0; i < 3; ++i) {
    FunctionFacts f = function("op" + std::to_string(i), 4, 10 + 40 * i, 40 + 40 * i);
    cover(f, 20, 18);  // the last two lines never run: 10 + 40i + 19, + 20
    f.error_exits = {{10 + 40 * i + 19, "return-error", "false", 0, ""},
                     {10 + 40 * i + 20, "return-error", "false", 0, ""}};
    if (i == 2) f.error_exits.push_back({10 + 40 * i + 5, "throw", "x", 0, ""});  // runs
    fns.push_back(f);
  }
  auto c = untested_error_paths(report({file("src/db/ops.cc", "src/db", fns)}), kOpts);
  REQUIRE(c.size() == 1);
  CHECK_FALSE(c[0].target.function.has_value());
  CHECK(c[0].title ==
        "Test the error paths of src/db/ops.cc: 3 functions with untested error exits");
  CHECK(c[0].lines == std::vector<int>{29, 30, 69, 70, 109, 110});
  // 6 exits, activity 1 (no history): 30 + 70 * (1 - e^-(6 / 6)) = 74.2 -> 74.
  CHECK(c[0].score == 74);
  CHECK(c[0].effort == "M");
  CHECK_FALSE(c[0].newcomer_friendly);
  CHECK(c[0].why[0] ==
        "6 untested error exits in 3 functions: op0 (lines 29-30), op1 (lines "
        "69-70), op2 (lines 109-110)");
  // Two functions stay two tasks.
  fns.pop_back();
  CHECK(untested_error_paths(report({file("src/db/ops.cc", "src/db", fns)}), kOpts).size() == 2);
}
