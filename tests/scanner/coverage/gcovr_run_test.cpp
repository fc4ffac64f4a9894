// gcovr run by stepup over a real --coverage build: lenient with gcov's odd
// lines, short on the console when gcovr fails, and never configured by
// the repository it reads.
#include "scanner/coverage/gcovr_run.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "model/errors.h"
#include "tests/support/temp_repo.h"

using namespace stepup;
using Catch::Contains;

namespace {

// a.cc compiled with --coverage and run once: line 3's branch is taken.
struct Built {
  test::TempDir dir;
  Built() {
    dir.write("a.cc",
              "int pick(int x) {\n"
              "  int r = 0;\n"
              "  if (x > 0) r = 1;\n"
              "  return r;\n"
              "}\n"
              "int main() { return pick(2) == 1 ? 0 : 1; }\n");
    test::run({"g++", "--coverage", "-O0", "-o", "prog", "a.cc"}, dir.path());
    test::run({"./prog"}, dir.path());
  }
  // An executable script in the fixture folder.
  std::string script(const std::string& name, const std::string& body) const {
    std::string path = dir.write(name, "#!/bin/sh\n" + body);
    chmod(path.c_str(), 0755);
    return path;
  }
};

}  // namespace

TEST_CASE("gcovr_run: a gcov line gcovr cannot read is skipped, counted and quoted") {
  Built b;
  // gcov as a multithreaded program leaves it: a negative branch count, the
  // line gcovr 5 stops at without --gcov-ignore-parse-errors.
  std::string gcov =
      b.script("racy-gcov",
               "gcov \"$@\" || exit $?\n"
               "for f in *.gcov; do [ -f \"$f\" ] || continue\n"
               "  sed -i '0,/taken [1-9]/s/taken \\([1-9]\\)/taken -\\1/' \"$f\"; done\n"
               "exit 0\n");
  SystemProcessRunner runner;
  CoverageData data = run_gcovr({b.dir.path(), b.dir.path(), gcov}, runner);
  REQUIRE(data.files.size() == 1);
  CHECK(data.files[0].lines.at(3) == 1);  // the rest of the file is read
  bool said = false;
  for (const Diagnostic& d : data.diagnostics) {
    said |= d.level == Diagnostic::Level::kWarning &&
            d.path == std::optional<std::string>("a.cc") &&
            d.message.find("gcovr skipped 1 gcov line(s)") != std::string::npos &&
            d.message.find("first: 'branch  0 taken -1") != std::string::npos;
  }
  CHECK(said);
}

TEST_CASE("gcovr_run: gcovr's failure quotes its first lines and keeps the whole log") {
  Built b;
  // A gcov that gcovr finds unusable: gcovr raises and prints a long traceback.
  std::string gcov = b.script("broken-gcov", "echo \"gcov: broken\" >&2\nexit 1\n");
  SystemProcessRunner runner;
  std::string message;
  try {
    run_gcovr({b.dir.path(), b.dir.path(), gcov}, runner);
  } catch (const InputError& e) {
    message = e.what();
  }
  INFO(message);
  REQUIRE_THAT(message, Contains("gcovr failed with exit code"));
  // Eight lines quoted, then where the rest is; the console never gets it all.
  size_t quoted = 0;
  for (size_t at = message.find("\n  "); at != std::string::npos;
       at = message.find("\n  ", at + 1)) {
    ++quoted;
  }
  CHECK(quoted == 9);  // 8 lines and the "... more line(s)" line
  size_t in = message.find("all of them in ");
  REQUIRE(in != std::string::npos);
  std::string log = message.substr(in + 15);
  std::string whole = test::read_text(log);
  CHECK_THAT(whole, Contains("Traceback") && Contains("RuntimeError"));
  CHECK(whole.size() > message.size());
  std::filesystem::remove(log);
}

TEST_CASE("gcovr_run: gcov is found by absolute path, never in the folder gcovr runs in") {
  CHECK(gcov_command("") == find_program("gcov"));
  CHECK(gcov_command("gcov -r") == find_program("gcov") + " -r");
  CHECK_THROWS_WITH(gcov_command("no-such-gcov-anywhere"),
                    Contains("gcov program 'no-such-gcov-anywhere' not found"));
  test::TempDir dir;
  std::string odd = dir.write("my gcov", "#!/bin/sh\n");
  chmod(odd.c_str(), 0755);
  CHECK(gcov_command(odd) == "'" + odd + "'");  // quoted for gcovr's shell-like split
}

TEST_CASE("gcovr_run: warnings of gcovr 5 are read into one diagnostic per file") {
  const char* err =
      "(WARNING) Unrecognized GCOV output for /r/util/coding.h\n"
      "\t  branch  1 taken -528348\n"
      "\t  branch  3 taken -2\n"
      "\tThis is indicative of a gcov output parse error.\n"
      "\tPlease report this to the gcovr developers\n"
      "\tat <https://github.com/gcovr/gcovr/issues>.\n"
      "(WARNING) Exception during parsing:\n"
      "\tUnknownLineType: branch  1 taken -528348\n"
      "(WARNING) Unrecognized GCOV output for /r/db/db.cc\n"
      "\t  branch 19 taken -6\n"
      "\tThis is indicative of a gcov output parse error.\n"
      "(WARNING) Exception during parsing:\n"
      "\tUnknownLineType: branch 19 taken -6\n"
      "(WARNING) something else entirely\n";
  std::vector<Diagnostic> d = gcovr_warnings(err, "/r", "gcovr over b");
  REQUIRE(d.size() == 3);
  CHECK(d[0].path == std::optional<std::string>("db/db.cc"));
  CHECK_THAT(d[0].message,
             Contains("gcovr skipped 1 gcov line(s)") && Contains("first: 'branch 19 taken -6'"));
  CHECK(d[1].path == std::optional<std::string>("util/coding.h"));
  CHECK_THAT(d[1].message, Contains("gcovr skipped 2 gcov line(s)") &&
                               Contains("first: 'branch  1 taken -528348'"));
  CHECK_THAT(d[2].message, Contains("gcovr printed 1 other warning(s); first: (WARNING) "
                                    "something else entirely"));
}
