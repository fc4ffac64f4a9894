// libFuzzer target: any bytes as `git log` output, read both ways (numstat
// and patch), each message split into subject, trailers and revert lines
// and classified with the default patterns.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "scanner/history/commit_class.h"
#include "scanner/history/git_log.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  static const stepup::FixClassifier classifier{stepup::HistoryConfig{}};
  std::string error;
  for (const auto& c : stepup::parse_numstat_log(text, &error)) classifier.is_fix(c.message);
  error.clear();
  for (const auto& c : stepup::parse_patch_log(text, &error)) {
    stepup::MessageParts parts = stepup::split_message(c.message);
    classifier.names_fix(parts);
    classifier.non_defect(parts);
  }
  stepup::parse_hunks(text);
  return 0;
}
