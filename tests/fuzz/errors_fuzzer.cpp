// libFuzzer target: any bytes as error reports (JSON, JSON Lines or text),
// and each frame's function through the frame-name reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/errors.h"
#include "scanner/evidence/errors.h"
#include "scanner/evidence/profile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    stepup::ErrorReports r = stepup::parse_error_reports(text, "/fuzz/errors.log");
    for (const auto& report : r.reports) {
      for (const auto& f : report.frames) stepup::parse_frame_name(f.function);
    }
  } catch (const stepup::InputError&) {
  }
  return 0;
}
