#include "scanner/evidence/map.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "model/errors.h"
#include "tests/support/temp_repo.h"

using namespace stepup;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

FunctionFacts fn(const std::string& qualified, int line, int end, int params = 0) {
  FunctionFacts f;
  f.qualified_name = qualified;
  f.name =
      qualified.substr(qualified.rfind(':') == std::string::npos ? 0 : qualified.rfind(':') + 1);
  f.line = line;
  f.end_line = end;
  f.params = params;
  return f;
}

std::vector<FileFacts> sample_files() {
  FileFacts a;
  a.path = "src/a.cc";
  a.functions = {fn("net::Parser::parse", 3, 10, 1), fn("net::Parser::parse", 12, 20, 2),
                 fn("main", 22, 30)};
  FileFacts b;
  b.path = "src/b.cc";
  b.functions = {fn("x::Parser::reset", 1, 5), fn("y::Parser::reset", 7, 9),
                 fn("(anonymous namespace)::helper", 11, 15), fn("io::File::read", 17, 30),
                 fn("io::File::Local::m", 20, 22)};
  return {a, b};
}

FunctionRef find(const FunctionIndex& index, const std::string& frame, bool* ambiguous = nullptr) {
  FunctionIndex::Match m = index.find(parse_frame_name(frame));
  if (ambiguous) *ambiguous = m.ambiguous;
  return m.ref;
}

// The fixture program: one clearly hot function, one cold one.
constexpr const char* kHotProgram = R"(#include <cstdio>
#include <cstdlib>
namespace work {
long hot_loop(long n) {
  volatile long s = 0;
  for (long i = 0; i < n; ++i) s = s + i % 7;
  return s;
}
long cold_part(long n) {
  volatile long s = 0;
  for (long i = 0; i < n; ++i) s = s + i;
  return s;
}
}  // namespace work
int main(int argc, char** argv) {
  long n = argc > 1 ? std::atol(argv[1]) : 1000;
  std::printf("%ld\n", work::hot_loop(n) + work::cold_part(n / 20));
  return 0;
}
)";

bool perf_works() {
  ProcessResult r = SystemProcessRunner().run({"perf", "stat", "-e", "task-clock", "true"}, ".");
  return r.started && r.exit_code == 0;
}

// What stackcollapse-perf.pl makes of `perf script`: the command as the root
// frame, callers before callees, offsets dropped, one count per sample.
std::string perf_script_to_collapsed(const std::string& script) {
  std::map<std::string, uint64_t> stacks;
  std::string comm;
  std::vector<std::string> frames;  // leaf first, as perf prints them
  auto flush = [&] {
    if (!comm.empty() && !frames.empty()) {
      std::string s = comm;
      for (auto it = frames.rbegin(); it != frames.rend(); ++it) s += ";" + *it;
      ++stacks[s];
    }
    frames.clear();
  };
  std::istringstream in(script);
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t") == std::string::npos) {
      flush();
    } else if (line[0] != ' ' && line[0] != '\t') {
      flush();
      comm = line.substr(0, line.find(' '));
    } else {
      std::istringstream fields(line);
      std::string addr, sym;
      fields >> addr;
      std::getline(fields, sym);
      size_t dso = sym.rfind(" (");
      std::string module = dso == std::string::npos ? "" : sym.substr(dso + 2);
      sym = sym.substr(sym.find_first_not_of(' '), dso - sym.find_first_not_of(' '));
      size_t plus = sym.rfind("+0x");
      if (plus != std::string::npos) sym.resize(plus);
      if (sym == "[unknown]" && !module.empty()) {
        module.pop_back();  // ')'
        sym = "[" + module.substr(module.rfind('/') + 1) + "]";
      }
      frames.push_back(sym);
    }
  }
  flush();
  std::string out;
  for (const auto& [s, n] : stacks) out += s + " " + std::to_string(n) + "\n";
  return out;
}

// A real profile of the fixture program: perf when it works here,
// otherwise callgrind through tests/support/callgrind_to_collapsed.py.
std::string real_profile(const test::TempDir& dir, bool use_perf) {
  test::run({"g++", "-O0", "-g", "-fno-omit-frame-pointer", "-o", "prog", "src/hot.cpp"},
            dir.path());
  if (use_perf) {
    test::run({"perf", "record", "-q", "-g", "-o", "perf.data", "./prog", "150000000"}, dir.path());
    return perf_script_to_collapsed(test::run({"perf", "script", "-i", "perf.data"}, dir.path()));
  }
  test::run({"valgrind", "--tool=callgrind", "--callgrind-out-file=cg.out", "./prog", "2000000"},
            dir.path());
  return test::run(
      {"python3", std::string(STEPUP_SOURCE_DIR) + "/tests/support/callgrind_to_collapsed.py",
       "cg.out"},
      dir.path());
}

json scan(const std::string& repo, const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"scan", repo,          "--format", "json",
                                   "-o",   repo + "/out", "-j",       "1"};
  args.insert(args.end(), extra.begin(), extra.end());
  ProcessResult r = test::run_stepup(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(test::read_text(repo + "/out/report.json"));
}

const json& file_of(const json& report, const std::string& path) {
  for (const json& f : report["files"]) {
    if (f["path"] == path) return f;
  }
  FAIL("no file " << path);
  throw;
}

const json& function_of(const json& file, const std::string& qualified) {
  for (const json& f : file["functions"]) {
    if (f["qualified_name"] == qualified) return f;
  }
  FAIL("no function " << qualified);
  throw;
}

void check_profile(const std::string& profile) {
  // Written outside the repo so the scan sees only the fixture.
  test::TempDir repo, elsewhere;
  repo.write("src/hot.cpp", kHotProgram);
  std::string folded = elsewhere.write("profile.folded", profile);
  json report = scan(repo.path(), {"--profile", folded});
  CHECK(report["signals"]["profile"] == true);
  const json& file = file_of(report, "src/hot.cpp");
  const json& hot = function_of(file, "work::hot_loop")["profile"];
  const json& cold = function_of(file, "work::cold_part")["profile"];
  const json& main = function_of(file, "main")["profile"];
  INFO(profile);
  // The hot function has the largest self share, and most of all samples.
  CHECK(hot["self_share"].get<double>() > 0.5);
  CHECK(hot["self_samples"].get<uint64_t>() > 5 * cold["self_samples"].get<uint64_t>());
  uint64_t self_sum = 0;
  double share_sum = 0;
  for (const json& f : file["functions"]) {
    const json& p = f["profile"];
    CHECK(p["self_samples"].get<uint64_t>() <= p["total_samples"].get<uint64_t>());
    CHECK(p["self_share"].get<double>() <= p["total_share"].get<double>());
    self_sum += p["self_samples"].get<uint64_t>();
    share_sum += p["self_share"].get<double>();
  }
  CHECK(share_sum <= 1.0 + 1e-9);
  CHECK(file["profile"]["self_samples"].get<uint64_t>() == self_sum);
  // main calls both, so it is on (nearly) every stack they are on: a sample
  // taken in a prologue, before the frame pointer is set, can skip a frame.
  double callees = hot["total_samples"].get<double>() + cold["total_samples"].get<double>();
  CHECK(main["total_samples"].get<double>() >= 0.95 * callees);
  CHECK(file["profile"]["total_samples"].get<uint64_t>() >= main["total_samples"].get<uint64_t>());
  CHECK(file["profile"]["total_share"].get<double>() <= 1.0);
}

}  // namespace

TEST_CASE("evidence_map: frames find repo functions by qualified name") {
  std::vector<FileFacts> files = sample_files();
  FunctionIndex index(files);
  bool ambiguous = false;
  CHECK(find(index, "main").function == 2);
  // Suffix on a '::' boundary, overloads told apart by parameter count.
  FunctionRef r = find(index, "Parser::parse(int, char)", &ambiguous);
  CHECK((r.file == 0 && r.function == 1));
  CHECK_FALSE(ambiguous);
  r = find(index, "net::Parser::parse", &ambiguous);
  CHECK((r.file == 0 && r.function == 0));
  CHECK(ambiguous);                                     // no parameter list: the first by line
  CHECK_FALSE(find(index, "Parser::reset()").found());  // x:: or y::? no guess
  CHECK(find(index, "x::Parser::reset()").function == 0);
  CHECK(find(index, "(anonymous namespace)::helper(int) [clone .isra.0]").function == 2);
  CHECK_FALSE(find(index, "read").found());  // libc's read is not File::read
  CHECK_FALSE(find(index, "arse").found());  // not on a '::' boundary
  CHECK(find(index, "File::read").function == 3);
  CHECK(function_at(files[1], 21) == 4);  // the innermost extent
  CHECK(function_at(files[1], 25) == 3);
  CHECK(function_at(files[1], 16) == -1);
}

TEST_CASE("evidence_map: shares, once per stack, deep recursion") {
  std::vector<SourceFile> sources(2);
  sources[0].path = "src/a.cc";
  sources[1].path = "src/b.cc";
  Report report;
  report.files = sample_files();
  EvidenceInputs in;
  std::string deep = "main";
  for (int i = 0; i < 10000; ++i) deep += ";x::Parser::reset";  // recursion, 10,000 frames
  in.profiles.emplace_back(
      "p", parse_collapsed("main;net::Parser::parse(int) 3\n" + deep +
                               " 9007199254740993\nlibfoo.so;[unknown] 4\nmain;zzz::nope 1\n",
                           "p"));
  PathResolver resolver("/nowhere", sources, {});
  std::vector<Diagnostic> diags;
  attach_evidence(report, in, resolver, diags);
  const uint64_t all = 9007199254740993ull + 8;
  const auto& reset = *report.files[1].functions[0].profile;
  CHECK(reset.self_samples == 9007199254740993ull);
  CHECK(reset.total_samples == 9007199254740993ull);  // once per stack
  const auto& main = *report.files[0].functions[2].profile;
  CHECK(main.self_samples == 0);
  CHECK(main.total_samples == 9007199254740993ull + 3 + 1);
  CHECK(report.files[0].functions[0].profile->self_samples == 3);
  CHECK(report.files[0].functions[1].profile->self_samples == 0);  // given, absent: zeros
  CHECK(report.files[0].profile->self_samples == 3);
  CHECK(report.files[0].profile->total_samples == 9007199254740993ull + 4);
  CHECK(report.files[1].profile->total_samples == 9007199254740993ull);
  CHECK(reset.self_share == Approx(9007199254740993.0 / static_cast<double>(all)));
  CHECK(report.signals.profile);
  CHECK_FALSE(report.signals.errors);
  REQUIRE(diags.size() == 1);
  CHECK_THAT(diags[0].message, Contains("4 of " + std::to_string(all) + " samples") &&
                                   Contains("zzz::nope") && Contains("1 distinct frame"));
}

TEST_CASE("evidence_map: a real profile, from perf or callgrind, finds the hot function") {
  test::TempDir dir;
  dir.write("src/hot.cpp", kHotProgram);
  bool perf = perf_works();
  INFO("profiler: " << (perf ? "perf" : "callgrind"));
  check_profile(real_profile(dir, perf));
}

TEST_CASE("evidence_map: a real callgrind profile, converted, finds the hot function") {
  if (!SystemProcessRunner().run({"valgrind", "--version"}, ".").started) {
    WARN("valgrind is not installed; skipped");
    return;
  }
  test::TempDir dir;
  dir.write("src/hot.cpp", kHotProgram);
  check_profile(real_profile(dir, false));
}

namespace {

constexpr const char* kDefects = R"(int deref_null(int flag) {
  int* p = nullptr;
  if (flag > 100) return 0;
  return *p;
}

int uninit_sum() {
  int total;
  int x = 3;
  return total + x;
}

int out_of_bounds() {
  const int a[4] = {1, 2, 3, 4};
  return a[4];
}

int clean(int v) { return v * 2; }
)";

}  // namespace

TEST_CASE("evidence_map: real cppcheck findings land in their functions") {
  test::TempDir repo, elsewhere;
  repo.write("src/defects.cpp", kDefects);
  ProcessResult r = SystemProcessRunner().run(
      {"cppcheck", "--xml", "--enable=warning,style", "--quiet", "src/defects.cpp"}, repo.path());
  REQUIRE(r.started);
  std::string xml = elsewhere.write("cppcheck.xml", r.err);
  // The same results twice (two files): duplicates count once.
  std::string again = elsewhere.write("again.xml", r.err);
  json report = scan(repo.path(), {"--findings", xml, "--findings", again});
  CHECK(report["signals"]["findings"] == true);
  CHECK(report["signals"]["errors"] == false);
  const json& file = file_of(report, "src/defects.cpp");
  auto defects = [&](const char* name) { return function_of(file, name)["defects"].get<int>(); };
  auto details = [&](const char* name) {
    std::vector<std::string> out;
    for (const json& f : function_of(file, name)["findings"]) {
      if (f["kind"] == "defect")
        out.push_back(std::to_string(f["line"].get<int>()) + " " + f["detail"].get<std::string>());
    }
    return out;
  };
  // cppcheck 2.10: nullPointer at the dereference; uninitvar plus style's
  // unassignedVariable; arrayIndexOutOfBounds.
  CHECK(defects("deref_null") == 1);
  CHECK(details("deref_null") ==
        std::vector<std::string>{"4 cppcheck nullPointer: Null pointer dereference: p"});
  CHECK(defects("uninit_sum") == 2);
  CHECK_THAT(details("uninit_sum").back(),
             Contains("10 cppcheck uninitvar: Uninitialized variable: total"));
  CHECK(defects("out_of_bounds") == 1);
  CHECK_THAT(details("out_of_bounds")[0], Contains("15 cppcheck arrayIndexOutOfBounds"));
  CHECK(defects("clean") == 0);
  CHECK(file["defects"] == 4);
  CHECK(file["errors"].is_null());
  CHECK(function_of(file, "clean")["profile"].is_null());
}

TEST_CASE("evidence_map: error reports count per innermost repo function") {
  test::TempDir repo, elsewhere;
  repo.write("src/defects.cpp", kDefects);
  std::string errors = elsewhere.write(
      "errors.jsonl",
      R"({"count": 5, "frames": ["/usr/include/c++/12/bits/stl_vector.h:1123", "/build/ci/src/defects.cpp:4", "/build/ci/src/defects.cpp:10"]})"
      "\n"
      R"J({"frames": [{"function": "out_of_bounds()"}]})J"
      "\n"
      R"({"count": 9223372036854775000, "stack": ["src/defects.cpp:8"]})"
      "\n"
      R"({"frames": ["somewhere/else.cc:3", "libc_start_main"]})"
      "\n");
  std::string text = elsewhere.write("crash.log",
                                     "    #0 0x4f in uninit_sum() /ci/src/defects.cpp:10:16\n"
                                     "    #1 0x50 in main /ci/src/main.cc:3\n");
  json report = scan(repo.path(), {"--errors", errors, "--errors", text});
  CHECK(report["signals"]["errors"] == true);
  const json& file = file_of(report, "src/defects.cpp");
  CHECK(function_of(file, "deref_null")["errors"] == 5);
  CHECK(function_of(file, "out_of_bounds")["errors"] == 1);
  CHECK(function_of(file, "uninit_sum")["errors"].get<int64_t>() == 9223372036854775000 + 1);
  CHECK(function_of(file, "clean")["errors"] == 0);
  CHECK(file["errors"].get<int64_t>() == 9223372036854775000 + 7);
  bool said = false;
  for (const json& d : report["diagnostics"]) {
    if (d["source"] == "errors") {
      said = true;
      CHECK_THAT(d["message"].get<std::string>(),
                 Contains("errors.jsonl: 1 of 4 report(s)") && Contains("line 4"));
    }
  }
  CHECK(said);
}

TEST_CASE("evidence_map: malformed evidence exits 3 naming file and line, writes nothing") {
  test::TempDir repo, elsewhere;
  repo.write("src/defects.cpp", kDefects);
  struct Case {
    const char* option;
    const char* file;
    const char* text;
    const char* where;
  };
  const Case cases[] = {
      {"--profile", "p.folded", "main;a 1\nmain;b\n", "p.folded:2:"},
      {"--profile", "q.folded", "a 18446744073709551616\n", "q.folded:1:"},
      {"--errors", "e.jsonl", "{\"count\": 1}\n{\"count\": 2,,}\n", "e.jsonl:2:"},
      {"--findings", "f.xml", "<results version=\"2\">\n<errors>\n</results>\n", "f.xml:3:"},
      {"--findings", "g.sarif", "{\"runs\": [\n{]}", "g.sarif:2:"},
  };
  for (const Case& c : cases) {
    std::string path = elsewhere.write(c.file, c.text);
    ProcessResult r = test::run_stepup(
        {"scan", repo.path(), "--format", "json", "-o", repo.path() + "/out", c.option, path});
    INFO(c.file << ": " << r.err);
    CHECK(r.exit_code == kExitInput);
    CHECK_THAT(r.err, Contains(std::string(c.where)));
    CHECK_FALSE(std::filesystem::exists(repo.path() + "/out/report.json"));
  }
}
