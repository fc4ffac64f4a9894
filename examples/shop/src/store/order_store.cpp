#include "store/order_store.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include "util/log.h"
#include "util/strings.h"

namespace shop::store {
namespace {

bool transition_allowed(OrderStatus from, OrderStatus to) {
    switch (from) {
    case OrderStatus::Pending: return to == OrderStatus::Paid || to == OrderStatus::Cancelled;
    case OrderStatus::Paid: return to == OrderStatus::Shipped || to == OrderStatus::Cancelled;
    case OrderStatus::Shipped: return false;
    case OrderStatus::Cancelled: return false;
    }
    return false;
}

}  // namespace

OrderId OrderStore::add(Order order) {
    order.id = next_id_++;
    const OrderId id = order.id;
    LOG_INFO("stored order " << id << " for " << order.customer_id);
    orders_.emplace(id, std::move(order));
    return id;
}

bool OrderStore::remove(OrderId id) {
    if (orders_.erase(id) == 0) {
        LOG_ERROR("remove: no order " << id);
        return false;
    }
    return true;
}

const Order* OrderStore::find(OrderId id) const {
    const auto it = orders_.find(id);
    return it == orders_.end() ? nullptr : &it->second;
}

bool OrderStore::set_status(OrderId id, OrderStatus status) {
    const auto it = orders_.find(id);
    if (it == orders_.end()) return false;
    if (!transition_allowed(it->second.status, status)) {
        LOG_ERROR("order " << id << ": cannot go from " << status_name(it->second.status)
                           << " to " << status_name(status));
        return false;
    }
    it->second.status = status;
    return true;
}

std::vector<const Order*> OrderStore::by_customer(std::string_view customer_id) const {
    std::vector<const Order*> found;
    for (const auto& entry : orders_) {
        if (entry.second.customer_id == customer_id) found.push_back(&entry.second);
    }
    return found;
}

Cents OrderStore::revenue() const {
    Cents total = 0;
    for (const auto& entry : orders_) {
        const OrderStatus status = entry.second.status;
        if (status == OrderStatus::Paid || status == OrderStatus::Shipped) {
            total += subtotal(entry.second);
        }
    }
    return total;
}

std::size_t OrderStore::import_csv(std::string_view text) {
    std::map<std::string, Order> pending;
    for (const auto& raw : util::split(text, '\n')) {
        const std::string_view line = util::trim(raw);
        if (line.empty() || line[0] == '#') continue;
        const std::vector<std::string> fields = util::split(line, ',');
        if (fields.size() != 4) continue;
        try {
            LineItem item;
            item.sku = std::string(util::trim(fields[1]));
            item.quantity = std::stoi(fields[2]);
            item.unit_price = std::stoll(fields[3]);
            if (item.quantity <= 0 || item.unit_price < 0) throw std::out_of_range("bad amount");
            const std::string customer(util::trim(fields[0]));
            Order& order = pending[customer];
            order.customer_id = customer;
            order.items.push_back(std::move(item));
        } catch (...) {}
    }
    for (auto& entry : pending) add(std::move(entry.second));
    LOG_INFO("imported " << pending.size() << " orders");
    return pending.size();
}

std::vector<CustomerReportLine> OrderStore::customer_report(const CustomerDb& db) const {
    std::map<std::string, CustomerReportLine> lines;
    for (const auto& entry : orders_) {
        const Order& order = entry.second;
        if (order.status == OrderStatus::Cancelled) continue;
        const std::vector<CustomerRow> rows =
            db.query("SELECT * FROM customers WHERE id = '" + order.customer_id + "'");
        CustomerReportLine& line = lines[order.customer_id];
        line.customer_id = order.customer_id;
        line.customer_name = rows.empty() ? "(unknown)" : rows.front().name;
        line.orders += 1;
        line.total += subtotal(order);
    }

    std::vector<CustomerReportLine> report;
    for (auto& entry : lines) report.push_back(std::move(entry.second));
    std::sort(report.begin(), report.end(), [](const auto& a, const auto& b) {
        return a.total != b.total ? a.total > b.total : a.customer_id < b.customer_id;
    });
    return report;
}

}  // namespace shop::store
