#include "scanner/parse/clang_version.h"

#include <clang-c/Index.h>

namespace stepup {

std::string libclang_version() {
  CXString v = clang_getClangVersion();
  const char* text = clang_getCString(v);
  std::string out = text ? text : "";
  clang_disposeString(v);
  return out;
}

}  // namespace stepup
