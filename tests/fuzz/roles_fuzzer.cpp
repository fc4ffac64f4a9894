// libFuzzer target: role classification over outside text. The bytes up to
// the first NUL are a .gitattributes file (at the root and in src/), the
// rest is the first lines of every file (banners, license blocks, URLs,
// namespaces).
#include <cstddef>
#include <cstdint>
#include <string>

#include "scanner/common/roles.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string all(reinterpret_cast<const char*>(data), size);
  size_t nul = all.find('\0');
  std::string attributes = all.substr(0, nul);
  std::string head = nul == std::string::npos ? all : all.substr(nul + 1);
  std::vector<stepup::SourceFile> files;
  for (const char* p : {"src/a.cc", "src/a.h", "src/gen/b.pb.cc", "tests/a_test.cc",
                        "third_party/x.c", "src/t\xC3\xA9st.h", "x"}) {
    stepup::SourceFile f;
    f.path = p;
    f.is_header = f.path.size() > 2 && f.path.compare(f.path.size() - 2, 2, ".h") == 0;
    files.push_back(f);
  }
  stepup::Config config;
  stepup::RoleInput in;
  in.files = &files;
  in.config = &config;
  for (size_t i = 0; i < files.size(); ++i) {
    in.heads.push_back(stepup::role_head(head));
    in.includes.push_back({"src/a.h", files[(i + 1) % files.size()].path});
  }
  in.attributes = {{"", attributes}, {"src", attributes}};
  std::vector<stepup::FileRole> roles = stepup::classify_roles(in);
  if (roles.size() != files.size()) __builtin_trap();
  return 0;
}
