#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "shop/types.h"
#include "store/customer_db.h"

namespace shop::store {

struct CustomerReportLine {
    std::string customer_id;
    std::string customer_name;
    std::size_t orders = 0;
    Cents total = 0;
};

class OrderStore {
public:
    OrderId add(Order order);
    bool remove(OrderId id);
    const Order* find(OrderId id) const;
    bool set_status(OrderId id, OrderStatus status);

    std::vector<const Order*> by_customer(std::string_view customer_id) const;
    std::size_t size() const { return orders_.size(); }
    Cents revenue() const;

    // Lines of "customer,sku,quantity,unit_price_cents"; one order per customer.
    std::size_t import_csv(std::string_view text);

    std::vector<CustomerReportLine> customer_report(const CustomerDb& db) const;

private:
    std::map<OrderId, Order> orders_;
    OrderId next_id_ = 1;
};

}  // namespace shop::store
