// libFuzzer target: any bytes as compile_commands.json. Malformed input must
// end in InputError, never in a crash, a hang or another exception.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/errors.h"
#include "scanner/parse/compile_db.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    stepup::CompileDatabase db = stepup::parse_compile_database("/fuzz/db.json", text);
    for (const auto& cmd : db.commands) {
      if (!cmd.args.empty()) stepup::interpolate_command(db, cmd.file + ".h", false);
    }
  } catch (const stepup::InputError&) {
  }
  return 0;
}
