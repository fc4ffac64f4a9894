// libFuzzer target: any bytes as a git remote's URL, then the links made of
// it; whatever comes out must be an address the page accepts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "scanner/history/remote_url.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string url(reinterpret_cast<const char*>(data), size);
  std::string why;
  stepup::parse_remote_url(url, &why);
  bool refused = false;
  std::optional<stepup::Links> links =
      stepup::make_links(url, std::string(40, 'a'), stepup::LinksConfig{}, &why, &refused);
  if (links) {
    for (const std::string& out :
         {stepup::file_link(*links, "src/<a> \"b\"/c.cc", 3), stepup::file_link(*links, "x", 0),
          stepup::commit_link(*links, "abc1234")}) {
      if (!out.empty() && !stepup::safe_web_url(out, nullptr)) std::abort();
    }
  }
  return 0;
}
