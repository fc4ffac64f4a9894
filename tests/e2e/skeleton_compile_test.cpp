// End to end: every test skeleton `stepup next` prints for a fixture
// repository compiles against it with the flags of the repository's own
// test TU (from its compile_commands.json), links with its code, and runs
// without passing: each test reports itself unwritten. A skeleton whose
// include or target is wrong does not compile. Three fixtures, each built
// once (one TEST_CASE each, so each process builds one):
//   examples/shop                   its tests use their own harness: Catch2
//   tests/fixtures/ranking          no framework, no headers: declarations
//   tests/fixtures/skeleton_gtest   googletest, tests include "geo/shape.h"
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "scanner/parse/compile_db.h"
#include "tests/support/temp_repo.h"

using stepup::test::run;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

/// A fixture built with coverage, its tests run, scanned once.
struct Built {
  std::string repo, db, report;
  std::vector<std::string> link;  ///< what a test binary links besides the test
  Json framework;                 ///< report.tests.framework
};

/// One skeleton of the tickets `next` printed.
struct Skeleton {
  std::string title, test_file, code;
};

Built scan(const std::string& repo, const std::string& db, const std::string& coverage,
           std::vector<std::string> link, std::vector<std::string> extra = {}) {
  run({"gcovr", "--root", repo, "--json", coverage, fs::path(coverage).parent_path().string()},
      repo);
  std::string out = repo + "/../stepup-out";
  std::vector<std::string> args = {"scan", repo, "-p",       db,     "-c", coverage,
                                   "-o",   out,  "--format", "json", "-j", "2"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = stepup::test::run_stepup(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Json report = Json::parse(stepup::test::read_text(out + "/report.json"));
  return {repo, db, out + "/report.json", std::move(link), report["tests"]["framework"]};
}

std::vector<Skeleton> skeletons_of(const Built& b) {
  auto r =
      stepup::test::run_stepup({"next", "--report", b.report, "-n", "99", "--kind", "add-tests"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<Skeleton> out;
  static const std::regex ticket(
      R"(# ([^\n]*)\n[\s\S]*?- File: `([^`]+)`[\s\S]*?\n(`{3,})cpp\n([\s\S]*?)\3\n)");
  const std::string& t = r.out;
  for (size_t start = 0; start < t.size();) {
    size_t next = t.find("\n---\n", start);
    std::string one = t.substr(start, next == std::string::npos ? std::string::npos : next - start);
    std::smatch m;
    if (std::regex_search(one, m, ticket)) {
      std::string title = m[1];  // without Markdown's escapes: "parse\_field"
      title.erase(std::remove(title.begin(), title.end(), '\\'), title.end());
      out.push_back({title, m[2], m[4]});
    }
    if (next == std::string::npos) break;
    start = next + 5;
  }
  return out;
}

// The test TU's command from the fixture's own compile database.
stepup::CompileCommand test_command(const Built& b) {
  stepup::CompileDatabase db = stepup::load_compile_database(b.db);
  std::string tu = b.repo + "/" + b.framework["include_tu"].get<std::string>();
  for (const auto& c : db.commands) {
    if (fs::path(c.file).lexically_normal() == fs::path(tu).lexically_normal()) return c;
  }
  FAIL("no compile command for " << tu);
  throw;
}

/// Compiles code as a file beside where the ticket says the test goes.
stepup::ProcessResult compile(const Built& b, const Skeleton& s, const std::string& code,
                              const std::string& object) {
  stepup::CompileCommand cmd = test_command(b);
  fs::path file = fs::path(b.repo) / fs::path(s.test_file).parent_path() /
                  ("stepup_skeleton" + fs::path(s.test_file).extension().string());
  std::ofstream(file) << code;
  std::vector<std::string> argv = cmd.args;
  argv.insert(argv.end(), {"-c", file.string(), "-o", object});
  stepup::SystemProcessRunner runner;
  stepup::ProcessResult r = runner.run(argv, cmd.directory);
  fs::remove(file);
  return r;
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Compiles, links and runs one skeleton; its tests must not pass.
void check_skeleton(const Built& b, const Skeleton& s, const std::string& dir) {
  INFO(s.title << "\n" << s.code);
  std::string object = dir + "/skeleton.o", binary = dir + "/skeleton";
  stepup::ProcessResult c = compile(b, s, s.code, object);
  INFO(c.err);
  REQUIRE(c.exit_code == 0);
  std::vector<std::string> link = {"g++", "--coverage", object, "-o", binary};
  link.insert(link.end(), b.link.begin(), b.link.end());
  run(link, dir);
  stepup::SystemProcessRunner runner;
  stepup::ProcessResult ran = runner.run({binary}, dir);
  INFO(ran.out);
  const std::string fw = b.framework["name"];
  if (fw == "googletest") {
    // Skipped, not passed: each TEST skips itself with its reason.
    size_t tests = count(s.code, "\nTEST(");
    CHECK(ran.exit_code == 0);
    CHECK(ran.out.find("[  SKIPPED ] " + std::to_string(tests) + " test") != std::string::npos);
    CHECK(ran.out.find("[  PASSED  ] 0 tests") != std::string::npos);
    CHECK(count(ran.out, "unwritten: ") >= tests);
  } else {
    size_t sections = count(s.code, "SECTION(");
    CHECK(ran.exit_code != 0);
    CHECK(count(ran.out, "unwritten test") == sections);
  }
}

// Catch2's main, compiled once per fixture with the test TU's flags.
std::string catch_main(const Built& b, const std::string& dir) {
  Skeleton s{"main", "tests/x.cpp", ""};
  std::string code = b.framework["name"] == "catch2-v2"
                         ? "#define CATCH_CONFIG_MAIN\n#include <catch2/catch.hpp>\n"
                         : "";
  std::string object = dir + "/catch_main.o";
  if (code.empty()) return "-lCatch2Main";  // Catch2 v3 ships its main as a library
  stepup::ProcessResult r = compile(b, s, code, object);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return object;
}

// Every skeleton of the fixture compiles, links and does not pass.
void check_all(const Built& b, const std::vector<Skeleton>& all, size_t at_least) {
  REQUIRE(all.size() >= at_least);
  stepup::test::TempDir dir;
  for (const Skeleton& s : all) check_skeleton(b, s, dir.path());
}

// The same skeleton with its include or its target changed must not compile.
void check_broken(const Built& b, const Skeleton& s, const std::string& include,
                  const std::string& wrong_include, const std::string& target,
                  const std::string& wrong_target) {
  stepup::test::TempDir dir;
  std::string object = dir.path() + "/broken.o";
  REQUIRE(compile(b, s, s.code, object).exit_code == 0);
  std::string code = s.code;
  REQUIRE(code.find(include) != std::string::npos);
  code.replace(code.find(include), include.size(), wrong_include);
  CHECK(compile(b, s, code, object).exit_code != 0);
  code = s.code;
  REQUIRE(code.find(target) != std::string::npos);
  for (size_t at; (at = code.find(target)) != std::string::npos;) {
    code.replace(at, target.size(), wrong_target);
  }
  CHECK(compile(b, s, code, object).exit_code != 0);
}

const Skeleton& titled(const std::vector<Skeleton>& all, const std::string& title) {
  for (const Skeleton& s : all) {
    if (s.title.find(title) != std::string::npos) return s;
  }
  FAIL("no skeleton for " << title);
  throw;
}

}  // namespace

TEST_CASE("skeleton compile: the example (its own harness: Catch2)") {
  static stepup::test::TempDir tmp;
  static const Built built = [] {
    const std::string repo = tmp.path() + "/shop";
    run({"bash", std::string(STEPUP_SOURCE_DIR) + "/examples/make-history.sh", repo}, tmp.path());
    run({"cmake", "-S", repo, "-B", repo + "/build", "-DCMAKE_BUILD_TYPE=Debug",
         "-DSHOP_COVERAGE=ON"},
        repo);
    run({"cmake", "--build", repo + "/build", "-j2"}, repo);
    run({repo + "/build/shop_tests"}, repo + "/build", true);
    Built b = scan(repo, repo + "/build/compile_commands.json", repo + "/build/coverage.json",
                   {repo + "/build/libshop.a"});
    b.link.push_back(catch_main(b, tmp.path()));
    return b;
  }();
  static const std::vector<Skeleton> all = skeletons_of(built);
  CHECK(built.framework["assumed"] == true);
  CHECK(built.framework["include_roots"][0]["dir"] == "src");
  SECTION("every skeleton compiles, links and reports itself unwritten") {
    check_all(built, all, 2);
  }
  SECTION("the ticket that starts with parse_request tests parse_request") {
    const Skeleton& http = titled(all, "src/net/http.cpp");
    CHECK(http.code.find("TEST_CASE(\"shop::net::parse_request\"") != std::string::npos);
    CHECK(http.code.find("#include \"net/http.h\"") != std::string::npos);
  }
  SECTION("a wrong include or a wrong target does not compile") {
    check_broken(built, titled(all, "src/net/http.cpp"), "#include \"net/http.h\"",
                 "#include \"src/net/http.h\"", "(void)&shop::net::parse_request;",
                 "(void)&shop::net::parse_requests;");
  }
}

TEST_CASE("skeleton compile: the ranking fixture (no framework, no headers)") {
  static stepup::test::TempDir tmp;
  static const Built built = [] {
    const std::string repo = tmp.path() + "/repo", build = repo + "/build";
    run({"bash", std::string(STEPUP_SOURCE_DIR) + "/tests/fixtures/ranking/make-repo.sh", repo},
        tmp.path());
    fs::create_directories(build);
    Json db = Json::array();
    std::vector<std::string> objects, code_objects;
    for (const char* src : {"tests/test_calc.cpp", "src/calc/calc.cpp", "src/parse/parse.cpp",
                            "src/net/fetch.cpp", "src/api/routes.cpp", "src/db/schema.cpp"}) {
      std::string object = build + "/" + fs::path(src).stem().string() + ".o";
      std::vector<std::string> args = {"g++", "--coverage",     "-O0", "-I" + repo + "/include",
                                       "-c",  repo + "/" + src, "-o",  object};
      db.push_back({{"directory", build}, {"file", repo + "/" + src}, {"arguments", args}});
      run(args, build);
      objects.push_back(object);
      if (std::string(src).rfind("src/", 0) == 0) code_objects.push_back(object);
    }
    std::ofstream(build + "/compile_commands.json") << db.dump(2);
    std::vector<std::string> link = {"g++", "--coverage", "-o", build + "/app"};
    link.insert(link.end(), objects.begin(), objects.end());
    run(link, build);
    run({build + "/app"}, build);
    // Every function its own task, so each gets a skeleton.
    std::string config = tmp.path() + "/every.json";
    std::ofstream(config)
        << R"({"rules": {"untested-hotspot": {"min_score": 0, "rollup_min": 1000}},
               "ranking": {"per_target": 0}})";
    Built b = scan(repo, build + "/compile_commands.json", build + "/coverage.json", code_objects,
                   {"--config", config});
    b.link.push_back(catch_main(b, tmp.path()));
    return b;
  }();
  static const std::vector<Skeleton> all = skeletons_of(built);
  SECTION("every skeleton compiles, links and reports itself unwritten") {
    check_all(built, all, 4);
  }
  SECTION("no header is invented: the declaration is carried") {
    const Skeleton& field = titled(all, "parse_field");
    CHECK(field.code.find("#include \"") == std::string::npos);
    CHECK(field.code.find("\nint parse_field(const std::string& s, size_t& pos);\n") !=
          std::string::npos);
  }
}

TEST_CASE("skeleton compile: a googletest project") {
  static stepup::test::TempDir tmp;
  static const Built built = [] {
    const std::string repo = tmp.path() + "/geo", build = repo + "/build";
    fs::copy(std::string(STEPUP_SOURCE_DIR) + "/tests/fixtures/skeleton_gtest", repo,
             fs::copy_options::recursive);
    stepup::test::git_commit_all(repo, "geo");
    run({"cmake", "-S", repo, "-B", build, "-DCMAKE_BUILD_TYPE=Debug"}, repo);
    run({"cmake", "--build", build, "-j2"}, repo);
    run({build + "/geo_tests"}, build);
    std::string config = tmp.path() + "/every.json";
    std::ofstream(config)
        << R"({"rules": {"untested-hotspot": {"min_score": 0, "rollup_min": 1000}},
               "ranking": {"per_target": 0}})";
    return scan(repo, build + "/compile_commands.json", build + "/coverage.json",
                {build + "/libgeo.a", "-lgtest_main", "-lgtest", "-pthread"}, {"--config", config});
  }();
  static const std::vector<Skeleton> all = skeletons_of(built);
  CHECK(built.framework["name"] == "googletest");
  CHECK(built.framework["header"] == "gtest/gtest.h");
  SECTION("every skeleton compiles, links and skips itself") { check_all(built, all, 5); }
  SECTION("internal, private and undeclared functions are reached the way a test can") {
    // valid_kind (anonymous namespace) and sides_of (static): through parse_shape.
    CHECK(titled(all, "valid_kind").code.find("(void)&geo::parse_shape;") != std::string::npos);
    CHECK(titled(all, "sides_of").code.find("(void)&geo::parse_shape;") != std::string::npos);
    // Scaler::clamp is private: through Scaler::scale.
    CHECK(titled(all, "clamp").code.find("(void)&geo::Scaler::scale;") != std::string::npos);
    // cell_index is declared in no header: the skeleton declares it.
    CHECK(titled(all, "cell_index").code.find("int cell_index(int x, int y, int width);") !=
          std::string::npos);
    for (const Skeleton& s : all) {
      CHECK(s.code.find("&main") == std::string::npos);
      CHECK(s.code.find("(void)&geo::sides_of") == std::string::npos);
    }
  }
  SECTION("a wrong include or a wrong target does not compile") {
    check_broken(built, titled(all, "geo::area"), "#include \"geo/shape.h\"",
                 "#include \"src/geo/shape.h\"", "(void)&geo::area;", "(void)&geo::sides_of;");
  }
}
