#include "scanner/parse/compiler_defaults.h"

#include <cctype>
#include <filesystem>
#include <string_view>
#include <utility>

namespace stepup {
namespace {

namespace fs = std::filesystem;

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// "x86_64-linux-gnu-g++-12" -> {"x86_64-linux-gnu-g++", 12}; no suffix: 0.
std::pair<std::string, int> name_and_version(std::string name) {
  if (name.size() > 4 && name.compare(name.size() - 4, 4, ".exe") == 0)
    name.resize(name.size() - 4);
  size_t dash = name.rfind('-');
  if (dash == std::string::npos || dash + 1 == name.size()) return {name, 0};
  std::string tail = name.substr(dash + 1);
  if (tail.find_first_not_of("0123456789.") != std::string::npos || !std::isdigit(tail[0])) {
    return {name, 0};
  }
  int major = 0;
  for (size_t i = 0;
       i < tail.size() && std::isdigit(static_cast<unsigned char>(tail[i])) && major < 1000; ++i) {
    major = major * 10 + (tail[i] - '0');
  }
  return {name.substr(0, dash), major};
}

// The driver name, or the same with a target triple in front ("arm-none-eabi-gcc").
bool driver_is(const std::string& base, std::string_view driver) {
  if (base == driver) return true;
  return base.size() > driver.size() + 1 &&
         base.compare(base.size() - driver.size(), driver.size(), driver) == 0 &&
         base[base.size() - driver.size() - 1] == '-';
}

bool names_standard(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (starts_with(a, "-std=") || starts_with(a, "--std=") || a == "-std" || a == "--std" ||
        starts_with(a, "/std:") || starts_with(a, "-std:")) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string default_std_for(const std::vector<std::string>& args, bool is_c) {
  if (args.empty() || names_standard(args)) return "";
  std::string compiler = fs::path(args[0]).filename().string();
  for (const char* launcher : {"ccache", "sccache", "distcc", "icecc", "buildcache"}) {
    if (compiler == launcher && args.size() > 1 && !args[1].empty() && args[1][0] != '-') {
      compiler = fs::path(args[1]).filename().string();
    }
  }
  auto [base, major] = name_and_version(compiler);
  if (driver_is(base, "g++") || driver_is(base, "c++") || driver_is(base, "gcc") ||
      driver_is(base, "cc")) {
    if (major == 0 || major >= 11) return is_c ? "gnu17" : "gnu++17";
    if (is_c) return major >= 8 ? "gnu17" : major >= 5 ? "gnu11" : "gnu89";
    return major >= 6 ? "gnu++14" : "gnu++98";
  }
  if (driver_is(base, "clang++") || driver_is(base, "clang")) {
    return !is_c && major >= 16 ? "gnu++17" : "";
  }
  return "";
}

}  // namespace stepup
