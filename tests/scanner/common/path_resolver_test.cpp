#include "scanner/common/path_resolver.h"

#include <catch2/catch.hpp>

#include "tests/support/temp_repo.h"

using namespace stepup;

namespace {

std::vector<SourceFile> repo_files(std::initializer_list<const char*> paths) {
  std::vector<SourceFile> out;
  for (const char* p : paths) out.push_back({p, "", false, false, false});
  return out;
}

}  // namespace

TEST_CASE("path_resolver: every spelling of a path becomes one") {
  CHECK(normalize_written_path("file:///C:/a%20b/x.cc") == "C:/a b/x.cc");
  CHECK(normalize_written_path("file:///home/u/my%20src/a.cc") == "/home/u/my src/a.cc");
  CHECK(normalize_written_path("file:/home/u/a.cc") == "/home/u/a.cc");
  CHECK(normalize_written_path("file://buildhost/share/a.cc") == "/share/a.cc");
  CHECK(normalize_written_path("c:\\src\\net\\..\\x.cc") == "C:/src/x.cc");
  CHECK(normalize_written_path("C:\\") == "C:");
  CHECK(normalize_written_path("src\\net\\a.cc") == "src/net/a.cc");
  CHECK(normalize_written_path("./a/../b.cc") == "b.cc");
  CHECK(normalize_written_path("/x//y/./z.cc") == "/x/y/z.cc");
  CHECK(is_drive_path("D:/w/a.cc"));
  CHECK_FALSE(is_drive_path("/d/w/a.cc"));
  CHECK(has_path_prefix("C:/Build/proj/a.cc", "c:/build/proj"));  // drives fold case
  CHECK_FALSE(has_path_prefix("/build/project/a.cc", "/build/proj"));
  CHECK(has_path_prefix("/build/proj/a.cc", "/build/proj/"));
}

TEST_CASE("path_resolver: Windows paths, backslashes and URIs reach repo files") {
  test::TempDir root;
  auto files = repo_files({"src/net/parser.cc", "src/db/parser.cc", "include/x.h"});
  std::vector<PathMapping> none;
  PathResolver r(root.path(), files, none);
  PathMiss miss = PathMiss::kNone;
  // A Cobertura file from a Windows build: a C:\ source and backslashes.
  CHECK(r.resolve("src\\net\\parser.cc", {"C:\\build\\proj"}, &miss) == 0);
  CHECK(r.resolve("C:\\BUILD\\proj\\Include\\X.h", {}, &miss) == 2);  // case too
  CHECK(r.resolve("file:///C:/build/proj/src/db/parser.cc", {}, &miss) == 1);
  CHECK(r.resolve("/ci/work/src/db/../net/parser.cc", {}, &miss) == 0);
  // The suggested path_map rule, spelled with backslashes, applies as well.
  std::vector<PathMapping> rules = {{"C:\\build\\proj\\", ""}};
  PathResolver mapped(root.path(), files, rules);
  CHECK(mapped.resolve("C:\\build\\proj\\include\\x.h", {}, &miss) == 2);
  CHECK(mapped.resolve("c:/build/proj/src/net/parser.cc", {}, &miss) == 0);
  // A basename alone still maps nowhere.
  CHECK(r.resolve("C:\\elsewhere\\parser.cc", {}, &miss) == -1);
}
