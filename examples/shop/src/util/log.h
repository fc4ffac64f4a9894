#pragma once

#include <sstream>
#include <string>

namespace shop::log {

enum class Level { Debug = 0, Info = 1, Error = 2, Off = 3 };

void set_level(Level level);
bool enabled(Level level);
void emit(Level level, const char* file, int line, const std::string& message);

}  // namespace shop::log

// Usage: LOG_INFO("stored order " << id << " for " << customer);
#define SHOP_LOG_AT(level, ...)                                               \
    do {                                                                      \
        if (::shop::log::enabled(level)) {                                    \
            std::ostringstream shop_log_stream_;                              \
            shop_log_stream_ << __VA_ARGS__;                                  \
            ::shop::log::emit(level, __FILE__, __LINE__, shop_log_stream_.str()); \
        }                                                                     \
    } while (0)

#define LOG_DEBUG(...) SHOP_LOG_AT(::shop::log::Level::Debug, __VA_ARGS__)
#define LOG_INFO(...) SHOP_LOG_AT(::shop::log::Level::Info, __VA_ARGS__)
#define LOG_ERROR(...) SHOP_LOG_AT(::shop::log::Level::Error, __VA_ARGS__)
