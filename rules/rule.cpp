#include "rules/rule.h"

#include <cstdint>
#include <cstdio>

namespace stepup {

std::string candidate_id(const std::string& rule, const std::string& file,
                         const std::string& function) {
  // FNV-1a 64: stable across platforms and runs, unlike std::hash.
  uint64_t h = 14695981039346656037ull;
  for (const std::string* part : {&rule, &file, &function}) {
    for (unsigned char c : *part) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;  // separator, so ("ab","c") != ("a","bc")
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string effort_from_lines(int lines) {
  if (lines <= 40) return "S";
  if (lines <= 120) return "M";
  return "L";
}

}  // namespace stepup
