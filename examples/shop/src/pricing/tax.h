#pragma once

#include <string_view>

#include "shop/result.h"

namespace shop::pricing {

// VAT / sales tax in basis points for a region code such as "DE" or "US-CA".
Result<int> tax_rate(std::string_view region);

}  // namespace shop::pricing
