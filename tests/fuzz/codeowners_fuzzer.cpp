// libFuzzer target: any bytes as a CODEOWNERS file, then a few lookups so the
// compiled patterns are matched too.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "scanner/history/codeowners.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<stepup::Diagnostic> diagnostics;
  stepup::CodeOwners owners = stepup::parse_codeowners(text, "CODEOWNERS", diagnostics);
  for (std::string_view path :
       {"README.md", "src/a.cc", "docs/sub/b.md", "a/b/c/d/e/f/g.h", "apps/github/x.rb",
        "t\xC3\xA9st/\xE2\x82\xAC?.txt", "/lead//slash/"}) {
    stepup::owners_of(owners, path);
  }
  return 0;
}
