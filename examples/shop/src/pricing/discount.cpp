#include "pricing/discount.h"

#include <algorithm>

#include "util/log.h"
#include "util/strings.h"

namespace shop::pricing {
namespace {

bool rule_covers(const Rule& rule, const LineItem& item) {
    return rule.sku.empty() || rule.sku == item.sku;
}

const char* rule_label(RuleKind kind) {
    switch (kind) {
    case RuleKind::PercentOff: return "percent";
    case RuleKind::FixedOff: return "fixed";
    case RuleKind::BulkPercent: return "bulk";
    case RuleKind::BuyXGetY: return "bogo";
    }
    return "rule";
}

}  // namespace

Result<Tier> parse_tier(std::string_view text) {
    const std::string name = util::to_lower(util::trim(text));
    if (name.empty() || name == "standard") return Result<Tier>::ok(Tier::Standard);
    if (name == "silver") return Result<Tier>::ok(Tier::Silver);
    if (name == "gold") return Result<Tier>::ok(Tier::Gold);
    return Result<Tier>::fail("unknown tier '" + name + "'");
}

const char* tier_name(Tier tier) {
    switch (tier) {
    case Tier::Standard: return "standard";
    case Tier::Silver: return "silver";
    case Tier::Gold: return "gold";
    }
    return "standard";
}

Cents rule_discount(const Rule& rule, const Order& order) {
    Cents discount = 0;
    switch (rule.kind) {
    case RuleKind::PercentOff:
        for (const auto& item : order.items) {
            if (rule_covers(rule, item)) discount += apply_basis_points(line_total(item), static_cast<int>(rule.amount));
        }
        break;
    case RuleKind::FixedOff:
        if (subtotal(order) >= rule.threshold) discount = std::min<Cents>(rule.amount, subtotal(order));
        break;
    case RuleKind::BulkPercent:
        for (const auto& item : order.items) {
            if (rule_covers(rule, item) && item.quantity >= rule.threshold) {
                discount += apply_basis_points(line_total(item), static_cast<int>(rule.amount));
            }
        }
        break;
    case RuleKind::BuyXGetY:
        if (rule.threshold <= 0 || rule.amount <= 0) break;
        for (const auto& item : order.items) {
            if (!rule_covers(rule, item)) continue;
            const long long groups = item.quantity / (rule.threshold + rule.amount);
            discount += groups * rule.amount * item.unit_price;
        }
        break;
    }
    return discount;
}

Cents coupon_discount(std::string_view code, Cents subtotal) {
    const std::string normalized = util::to_lower(util::trim(code));
    if (normalized.empty()) return 0;
    if (normalized == "welcome5") return subtotal >= 2000 ? 500 : 0;
    if (util::starts_with(normalized, "save")) {
        const auto percent = util::parse_int(std::string_view(normalized).substr(4));
        if (!percent || percent.value() <= 0) return 0;
        const long long capped = std::min<long long>(percent.value(), 50);
        return apply_basis_points(subtotal, static_cast<int>(capped * 100));
    }
    return 0;
}

Cents loyalty_discount(Tier tier, Cents amount) {
    switch (tier) {
    case Tier::Standard: return 0;
    case Tier::Silver: return apply_basis_points(amount, 200);
    case Tier::Gold: return apply_basis_points(amount, 500);
    }
    return 0;
}

Quote quote(const Order& order, Tier tier, const std::vector<Rule>& rules, int tax_basis_points) {
    Quote q;
    q.subtotal = subtotal(order);
    for (const auto& rule : rules) {
        const Cents off = rule_discount(rule, order);
        if (off <= 0) continue;
        q.discount += off;
        q.applied.push_back(std::string("rule:") + rule_label(rule.kind));
    }
    const Cents coupon = coupon_discount(order.coupon, q.subtotal);
    if (coupon > 0) {
        q.discount += coupon;
        q.applied.push_back("coupon:" + util::to_lower(order.coupon));
    }
    q.discount = std::min(q.discount, q.subtotal);
    const Cents loyalty = loyalty_discount(tier, q.subtotal - q.discount);
    if (loyalty > 0) {
        q.discount += loyalty;
        q.applied.push_back(std::string("loyalty:") + tier_name(tier));
    }
    q.tax = apply_basis_points(q.subtotal - q.discount, tax_basis_points);
    q.total = q.subtotal - q.discount + q.tax;
    LOG_DEBUG("quote for order " << order.id << ": " << format_cents(q.total));
    return q;
}

}  // namespace shop::pricing
