#include "pricing/tax.h"

#include <string>

#include "util/strings.h"

namespace shop::pricing {
namespace {

struct RegionRate {
    std::string_view region;
    int basis_points;
};

constexpr RegionRate kRates[] = {
    {"AT", 2000}, {"DE", 1900}, {"DK", 2500}, {"FR", 2000}, {"NL", 2100},
    {"US-CA", 725}, {"US-NY", 400}, {"US-OR", 0}, {"US-TX", 625},
};

}  // namespace

Result<int> tax_rate(std::string_view region) {
    std::string code(util::trim(region));
    for (char& c : code) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    if (code.empty()) return Result<int>::fail("missing region");
    for (const auto& rate : kRates) {
        if (rate.region == code) return Result<int>::ok(rate.basis_points);
    }
    return Result<int>::fail("no tax rate for region " + code);
}

}  // namespace shop::pricing
