#pragma once

#include <cstdint>
#include <string>

namespace shop {

// All money is kept in integer cents; never use floating point for prices.
using Cents = std::int64_t;

inline std::string format_cents(Cents amount) {
    const bool negative = amount < 0;
    const std::uint64_t magnitude = negative
        ? static_cast<std::uint64_t>(-(amount + 1)) + 1
        : static_cast<std::uint64_t>(amount);
    std::string fraction = std::to_string(magnitude % 100);
    if (fraction.size() < 2) fraction.insert(0, "0");
    return (negative ? "-" : "") + std::to_string(magnitude / 100) + "." + fraction;
}

// Scales an amount by basis points (1 bp = 0.01 %), rounding half away from zero.
inline Cents apply_basis_points(Cents amount, int basis_points) {
    const Cents scaled = amount * basis_points;
    const Cents whole = scaled / 10000;
    const Cents rest = scaled % 10000;
    if (rest >= 5000) return whole + 1;
    if (rest <= -5000) return whole - 1;
    return whole;
}

}  // namespace shop
