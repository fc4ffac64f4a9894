// libFuzzer target: any bytes as collapsed stacks, and every frame through
// the frame-name reader. Malformed input must end in InputError, never in a
// crash, a hang or another exception.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/errors.h"
#include "scanner/evidence/profile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    stepup::CollapsedProfile p = stepup::parse_collapsed(text, "/fuzz/profile.folded");
    for (const auto& frame : p.frames) stepup::parse_frame_name(frame);
  } catch (const stepup::InputError&) {
  }
  return 0;
}
