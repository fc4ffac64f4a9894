#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "shop/money.h"

namespace shop {

using OrderId = std::uint64_t;

struct LineItem {
    std::string sku;
    int quantity = 0;
    Cents unit_price = 0;
};

enum class OrderStatus { Pending, Paid, Shipped, Cancelled };

struct Order {
    OrderId id = 0;
    std::string customer_id;
    std::vector<LineItem> items;
    OrderStatus status = OrderStatus::Pending;
    std::string coupon;
};

inline Cents line_total(const LineItem& item) {
    return static_cast<Cents>(item.quantity) * item.unit_price;
}

inline Cents subtotal(const Order& order) {
    Cents sum = 0;
    for (const auto& item : order.items) sum += line_total(item);
    return sum;
}

inline int item_count(const Order& order) {
    int count = 0;
    for (const auto& item : order.items) count += item.quantity;
    return count;
}

inline const char* status_name(OrderStatus status) {
    switch (status) {
    case OrderStatus::Pending: return "pending";
    case OrderStatus::Paid: return "paid";
    case OrderStatus::Shipped: return "shipped";
    case OrderStatus::Cancelled: return "cancelled";
    }
    return "unknown";
}

}  // namespace shop
