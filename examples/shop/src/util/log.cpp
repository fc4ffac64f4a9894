#include "util/log.h"

#include <atomic>
#include <cstdio>
#include <cstring>

namespace shop::log {
namespace {

std::atomic<int> g_min_level{static_cast<int>(Level::Info)};

const char* level_name(Level level) {
    switch (level) {
    case Level::Debug: return "debug";
    case Level::Info: return "info";
    case Level::Error: return "error";
    case Level::Off: break;
    }
    return "?";
}

const char* base_name(const char* path) {
    const char* slash = std::strrchr(path, '/');
    return slash != nullptr ? slash + 1 : path;
}

}  // namespace

void set_level(Level level) {
    g_min_level.store(static_cast<int>(level));
}

bool enabled(Level level) {
    return level != Level::Off && static_cast<int>(level) >= g_min_level.load();
}

void emit(Level level, const char* file, int line, const std::string& message) {
    std::fprintf(stderr, "[%s] %s:%d: %s\n", level_name(level), base_name(file), line,
                 message.c_str());
}

}  // namespace shop::log
