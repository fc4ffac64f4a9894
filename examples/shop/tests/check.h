#pragma once

#include <iostream>

// A deliberately tiny test harness: CHECK records a failure and keeps going.
namespace shop::test {
int& failures();
}  // namespace shop::test

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (!(cond)) {                                                           \
            ++::shop::test::failures();                                          \
            std::cerr << __FILE__ << ":" << __LINE__ << ": CHECK(" #cond ") failed\n"; \
        }                                                                        \
    } while (0)

// Both sides are copied: a reference into a temporary would dangle.
#define CHECK_EQ(actual, expected)                                               \
    do {                                                                         \
        const auto check_actual_ = (actual);                                     \
        const auto check_expected_ = (expected);                                 \
        if (!(check_actual_ == check_expected_)) {                               \
            ++::shop::test::failures();                                          \
            std::cerr << __FILE__ << ":" << __LINE__ << ": " #actual " == "      \
                      << check_actual_ << ", expected " << check_expected_ << "\n"; \
        }                                                                        \
    } while (0)
