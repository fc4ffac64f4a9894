#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shop/result.h"
#include "shop/types.h"

namespace shop::pricing {

enum class Tier { Standard, Silver, Gold };

Result<Tier> parse_tier(std::string_view text);
const char* tier_name(Tier tier);

enum class RuleKind {
    PercentOff,   // amount = basis points off the sku's lines (or the whole order)
    FixedOff,     // amount = cents off once the subtotal reaches threshold cents
    BulkPercent,  // amount = basis points off a line with quantity >= threshold
    BuyXGetY,     // buy `threshold`, get `amount` more of the same sku free
};

struct Rule {
    RuleKind kind = RuleKind::PercentOff;
    std::string sku;  // empty: applies to the whole order
    long long threshold = 0;
    long long amount = 0;
};

struct Quote {
    Cents subtotal = 0;
    Cents discount = 0;
    Cents tax = 0;
    Cents total = 0;
    std::vector<std::string> applied;
};

Cents rule_discount(const Rule& rule, const Order& order);
Cents coupon_discount(std::string_view code, Cents subtotal);
Cents loyalty_discount(Tier tier, Cents amount);

// Rules first, then the order's coupon, then the loyalty discount on what is
// left; discounts never exceed the subtotal. Tax is charged on the remainder.
Quote quote(const Order& order, Tier tier, const std::vector<Rule>& rules, int tax_basis_points);

}  // namespace shop::pricing
