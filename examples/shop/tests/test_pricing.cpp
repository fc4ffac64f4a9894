#include <string>
#include <vector>

#include "check.h"
#include "pricing/discount.h"
#include "pricing/tax.h"
#include "shop/money.h"

using namespace shop;
using namespace shop::pricing;

namespace {

Order make_order(std::vector<LineItem> items, std::string coupon = "") {
    Order order;
    order.id = 7;
    order.customer_id = "c1";
    order.items = std::move(items);
    order.coupon = std::move(coupon);
    return order;
}

void test_money() {
    CHECK_EQ(format_cents(0), "0.00");
    CHECK_EQ(format_cents(5), "0.05");
    CHECK_EQ(format_cents(123456), "1234.56");
    CHECK_EQ(format_cents(-250), "-2.50");
    CHECK_EQ(apply_basis_points(1000, 1000), 100);
    CHECK_EQ(apply_basis_points(5, 1000), 1);    // 0.5 rounds up
    CHECK_EQ(apply_basis_points(4, 1000), 0);
    CHECK_EQ(apply_basis_points(-5, 1000), -1);  // away from zero
    CHECK_EQ(apply_basis_points(-4, 1000), 0);
}

void test_tiers() {
    CHECK(parse_tier("Gold").value() == Tier::Gold);
    CHECK(parse_tier(" silver ").value() == Tier::Silver);
    CHECK(parse_tier("").value() == Tier::Standard);
    CHECK(parse_tier("standard").value() == Tier::Standard);
    CHECK(!parse_tier("platinum"));
    CHECK_EQ(std::string(tier_name(Tier::Gold)), "gold");
    CHECK_EQ(std::string(tier_name(Tier::Silver)), "silver");
    CHECK_EQ(std::string(tier_name(Tier::Standard)), "standard");
    CHECK_EQ(loyalty_discount(Tier::Standard, 10000), 0);
    CHECK_EQ(loyalty_discount(Tier::Silver, 10000), 200);
    CHECK_EQ(loyalty_discount(Tier::Gold, 10000), 500);
}

void test_rules() {
    const Order order = make_order({{"pen", 10, 100}, {"book", 1, 2000}});
    CHECK_EQ(rule_discount({RuleKind::PercentOff, "", 0, 1000}, order), 300);
    CHECK_EQ(rule_discount({RuleKind::PercentOff, "pen", 0, 1000}, order), 100);
    CHECK_EQ(rule_discount({RuleKind::PercentOff, "none", 0, 1000}, order), 0);
    CHECK_EQ(rule_discount({RuleKind::FixedOff, "", 3000, 500}, order), 500);
    CHECK_EQ(rule_discount({RuleKind::FixedOff, "", 3001, 500}, order), 0);
    CHECK_EQ(rule_discount({RuleKind::FixedOff, "", 0, 99999}, order), 3000);
    CHECK_EQ(rule_discount({RuleKind::BulkPercent, "pen", 10, 2000}, order), 200);
    CHECK_EQ(rule_discount({RuleKind::BulkPercent, "pen", 11, 2000}, order), 0);
    CHECK_EQ(rule_discount({RuleKind::BuyXGetY, "pen", 2, 1}, order), 300);
    CHECK_EQ(rule_discount({RuleKind::BuyXGetY, "book", 1, 1}, order), 0);
    CHECK_EQ(rule_discount({RuleKind::BuyXGetY, "pen", 0, 1}, order), 0);
}

void test_coupons() {
    CHECK_EQ(coupon_discount("", 10000), 0);
    CHECK_EQ(coupon_discount("SAVE10", 10000), 1000);
    CHECK_EQ(coupon_discount(" save15 ", 10000), 1500);
    CHECK_EQ(coupon_discount("SAVE90", 10000), 5000);  // capped at 50 %
    CHECK_EQ(coupon_discount("SAVE0", 10000), 0);
    CHECK_EQ(coupon_discount("SAVEx", 10000), 0);
    CHECK_EQ(coupon_discount("WELCOME5", 2000), 500);
    CHECK_EQ(coupon_discount("WELCOME5", 1999), 0);
    CHECK_EQ(coupon_discount("BOGUS", 10000), 0);
}

void test_quote() {
    const Order plain = make_order({{"pen", 10, 100}});
    Quote q = quote(plain, Tier::Standard, {}, 1900);
    CHECK_EQ(q.subtotal, 1000);
    CHECK_EQ(q.discount, 0);
    CHECK_EQ(q.tax, 190);
    CHECK_EQ(q.total, 1190);
    CHECK(q.applied.empty());

    const Order with_coupon = make_order({{"pen", 10, 100}, {"book", 1, 9000}}, "save10");
    q = quote(with_coupon, Tier::Gold, {{RuleKind::BulkPercent, "pen", 10, 1000}}, 0);
    CHECK_EQ(q.subtotal, 10000);
    CHECK_EQ(q.discount, 100 + 1000 + 445);
    CHECK_EQ(q.total, 10000 - 1545);
    CHECK_EQ(q.applied.size(), 3u);
    CHECK_EQ(q.applied[0], "rule:bulk");
    CHECK_EQ(q.applied[1], "coupon:save10");
    CHECK_EQ(q.applied[2], "loyalty:gold");

    const std::vector<Rule> generous = {{RuleKind::FixedOff, "", 0, 800},
                                        {RuleKind::PercentOff, "", 0, 5000}};
    q = quote(make_order({{"pen", 10, 100}}), Tier::Silver, generous, 1000);
    CHECK_EQ(q.discount, 1000);  // never more than the subtotal
    CHECK_EQ(q.tax, 0);
    CHECK_EQ(q.total, 0);
    CHECK_EQ(q.applied.size(), 2u);
    CHECK_EQ(q.applied[0], "rule:fixed");
    CHECK_EQ(q.applied[1], "rule:percent");

    q = quote(make_order({{"pen", 4, 100}}), Tier::Standard, {{RuleKind::BuyXGetY, "pen", 1, 1}}, 0);
    CHECK_EQ(q.discount, 200);
    CHECK_EQ(q.applied[0], "rule:bogo");
}

void test_tax() {
    CHECK_EQ(tax_rate("DE").value(), 1900);
    CHECK_EQ(tax_rate(" us-ca ").value(), 725);
    CHECK_EQ(tax_rate("US-OR").value(), 0);
    CHECK(!tax_rate(""));
    CHECK(!tax_rate("XX"));
    CHECK_EQ(tax_rate("xx").error(), "no tax rate for region XX");
}

}  // namespace

void run_pricing_tests() {
    test_money();
    test_tiers();
    test_rules();
    test_coupons();
    test_quote();
    test_tax();
}
