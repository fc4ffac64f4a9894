// cmake --install into a fresh prefix: the binary, the man page and the bash
// completion land where man and bash-completion look, and the installed
// binary (its libclang found through its install RPATH) scans the example.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <vector>

#include "model/report.h"
#include "tests/support/temp_repo.h"

namespace fs = std::filesystem;
using stepup::test::read_text;
using stepup::test::run;
using Json = nlohmann::json;

namespace {

/// The example's C++ sources, relative to its root, walked here.
std::set<std::string> example_sources(const std::string& root) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".cpp" || ext == ".h")) {
      out.insert(fs::relative(e.path(), root).generic_string());
    }
  }
  return out;
}

/// Copies the example out of the source tree, configures it (which is all a
/// compile database needs) and scans it with libclang by `bin`, an
/// installed stepup: every source is reported, parsed cleanly, and ranked.
void scan_example_with(const std::string& bin) {
  stepup::test::TempDir work;
  const std::string repo = work.path() + "/shop";
  fs::copy(std::string(STEPUP_SOURCE_DIR) + "/examples/shop", repo, fs::copy_options::recursive);
  const auto sources = example_sources(repo);
  run({"cmake", "-S", repo, "-B", repo + "/build"}, repo);
  const Json db = Json::parse(read_text(repo + "/build/compile_commands.json"));
  auto scan =
      stepup::SystemProcessRunner().run({bin, "scan", repo, "-p", repo + "/build", "--no-cache",
                                         "-o", work.path() + "/out", "-j", "2"},
                                        repo);
  INFO(scan.err);
  REQUIRE(scan.exit_code == 0);
  CHECK_THAT(scan.err, Catch::Contains(std::to_string(db.size()) + " TU(s) parsed"));
  const Json report = Json::parse(read_text(work.path() + "/out/report.json"));
  CHECK(report["schema"] == stepup::kReportSchema);
  CHECK(report["tool"]["version"] == STEPUP_VERSION_FOR_TESTS);
  std::set<std::string> reported;
  for (const auto& f : report["files"]) {
    reported.insert(f["path"].get<std::string>());
    CHECK_FALSE(f["parse_errors"].get<bool>());
  }
  CHECK(reported == sources);
  CHECK(!report["candidates"].empty());
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \n");
  const auto e = s.find_last_not_of(" \n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

/// The ELF NEEDED entries of `binary` (readelf -d).
std::vector<std::string> needed_libraries(const std::string& binary) {
  const std::string dyn = run({"readelf", "-d", binary}, ".");
  static const std::regex kNeeded(R"(\(NEEDED\)\s+Shared library: \[([^\]]+)\])");
  std::vector<std::string> out;
  for (std::sregex_iterator m(dyn.begin(), dyn.end(), kNeeded), end; m != end; ++m) {
    out.push_back((*m)[1].str());
  }
  return out;
}

/// The Debian package that ships `path` (dpkg -S), without its :arch. dpkg
/// knows a file by the path its package lists, which may be the symlinked
/// one (/lib/... on a merged /usr): that path first, then the real one.
std::string owner_package(const std::string& path) {
  for (const std::string& p : {path, fs::canonical(path).string()}) {
    const auto r = stepup::SystemProcessRunner().run({"dpkg-query", "-S", p}, ".");
    if (r.exit_code == 0) return r.out.substr(0, r.out.find_first_of(":,"));
  }
  FAIL("no package ships " << path);
  return "";
}

/// The package names of a Depends field: versions and alternatives dropped.
std::set<std::string> package_names(const std::string& field) {
  std::set<std::string> out;
  static const std::regex kName(R"((?:^|,)\s*([a-z0-9][a-z0-9+.-]*))");
  for (std::sregex_iterator m(field.begin(), field.end(), kName), end; m != end; ++m) {
    out.insert((*m)[1].str());
  }
  return out;
}

}  // namespace

TEST_CASE("cmake --install puts stepup, stepup.1 and its completion in a prefix", "[install]") {
  stepup::test::TempDir prefix;
  run({"cmake", "--install", STEPUP_BUILD_DIR, "--prefix", prefix.path()}, ".");
  const std::string bin = prefix.path() + "/bin/stepup";
  const std::string man = prefix.path() + "/share/man/man1/stepup.1.gz";
  const std::string completion = prefix.path() + "/share/bash-completion/completions/stepup";
  REQUIRE(fs::exists(bin));
  CHECK((fs::status(bin).permissions() & fs::perms::owner_exec) != fs::perms::none);
  REQUIRE(fs::exists(man));
  REQUIRE(fs::exists(completion));
  CHECK(run({"gzip", "-dc", man}, ".") == read_text(STEPUP_MAN_PAGE));
  CHECK(read_text(completion) == read_text(STEPUP_COMPLETION));
  // man finds the page by name under the prefix's share/man.
  CHECK_THAT(run({"man", "-M", prefix.path() + "/share/man", "-P", "cat", "stepup"}, "."),
             Catch::Contains("compile"));

  const std::string version = run({bin, "--version"}, ".");
  CHECK(version.substr(0, version.find('\n')) == std::string("stepup ") + STEPUP_VERSION_FOR_TESTS);
  CHECK_THAT(version, Catch::Contains("\nlibclang: "));

  // The CI examples call the job scripts where the package puts them, and
  // fetch the package of this version.
  for (const auto& e : fs::directory_iterator(std::string(STEPUP_SOURCE_DIR) + "/docs/ci")) {
    if (e.path().extension() != ".yml") continue;
    const std::string text = read_text(e.path().string());
    static const std::regex kVersion(
        R"re(stepup_([0-9][0-9.]*)_amd64|STEPUP_VERSION: "([^"]*)")re");
    for (std::sregex_iterator m(text.begin(), text.end(), kVersion), end; m != end; ++m) {
      INFO(e.path().filename().string() << " names " << (*m)[0].str());
      CHECK((*m)[1].str() + (*m)[2].str() == STEPUP_VERSION_FOR_TESTS);
    }
    static const std::regex kShared("/usr/share/stepup/([A-Za-z0-9_./-]+)");
    for (std::sregex_iterator m(text.begin(), text.end(), kShared), end; m != end; ++m) {
      const fs::path installed = fs::path(prefix.path()) / "share/stepup" / (*m)[1].str();
      INFO(e.path().filename().string() << " names " << (*m)[0].str());
      CHECK(fs::exists(installed));
      CHECK((fs::status(installed).permissions() & fs::perms::owner_exec) != fs::perms::none);
    }
  }

  scan_example_with(bin);
}

TEST_CASE("the .deb depends on what the binary links, and its files scan the example",
          "[install][deb]") {
  for (const char* tool : {"cpack", "dpkg-deb", "dpkg-shlibdeps", "dpkg-query", "readelf"}) {
    if (stepup::SystemProcessRunner()
            .run({"sh", "-c", std::string("command -v ") + tool}, ".")
            .exit_code != 0) {
      WARN("skipped: no " << tool << " (scripts/install-deps.sh build installs it)");
      return;
    }
  }
  stepup::test::TempDir pkg;
  run({"cpack", "--config", std::string(STEPUP_BUILD_DIR) + "/CPackConfig.cmake", "-B", pkg.path()},
      STEPUP_BUILD_DIR);
  const std::string arch = trim(run({"dpkg", "--print-architecture"}, "."));
  const std::string deb = pkg.path() + "/stepup_" + STEPUP_VERSION_FOR_TESTS + "_" + arch + ".deb";
  REQUIRE(fs::exists(deb));

  // Depends: the package of each library the binary names (ELF NEEDED),
  // found with the dynamic loader and dpkg -S, plus the package of the clang
  // resource directory the binary passes to libclang. Nothing else.
  std::set<std::string> expected;
  for (const auto& e : fs::directory_iterator(std::string(STEPUP_LLVM_ROOT) + "/lib/clang")) {
    if (fs::exists(e.path() / "include/stddef.h")) {
      expected.insert(owner_package((e.path() / "include/stddef.h").string()));
    }
  }
  const std::string ldd = run({"ldd", STEPUP_BINARY}, ".");
  for (const std::string& lib : needed_libraries(STEPUP_BINARY)) {
    const std::regex where("\\n\\s*" + std::regex_replace(lib, std::regex("[.+]"), "\\$&") +
                           " => (\\S+)");
    std::smatch m;
    const std::string text = "\n" + ldd;
    INFO(lib);
    REQUIRE(std::regex_search(text, m, where));
    expected.insert(owner_package(m[1].str()));
  }
  const std::string depends = run({"dpkg-deb", "-f", deb, "Depends"}, ".");
  INFO("Depends: " << depends);
  CHECK(package_names(depends) == expected);
  CHECK(trim(run({"dpkg-deb", "-f", deb, "Recommends"}, ".")) == "gcovr, git");

  // Its files, unpacked into a fresh root (dpkg -x: no chroot, no root).
  stepup::test::TempDir root;
  run({"dpkg-deb", "-x", deb, root.path()}, ".");
  const std::string bin = root.path() + "/usr/bin/stepup";
  REQUIRE(fs::exists(bin));
  CHECK(run({"gzip", "-dc", root.path() + "/usr/share/man/man1/stepup.1.gz"}, ".") ==
        read_text(STEPUP_MAN_PAGE));
  CHECK(fs::exists(root.path() + "/usr/share/bash-completion/completions/stepup"));
  CHECK(fs::exists(root.path() + "/usr/share/stepup/ci/stepup-ci.sh"));
  const std::string version = run({bin, "--version"}, ".");
  CHECK(version.substr(0, version.find('\n')) == std::string("stepup ") + STEPUP_VERSION_FOR_TESTS);
  scan_example_with(bin);
}
