#include "check.h"
#include "store/order_store.h"

using namespace shop;
using namespace shop::store;

namespace {

Order order_for(const char* customer, Cents price) {
    Order order;
    order.customer_id = customer;
    order.items.push_back({"sku-1", 2, price});
    return order;
}

void test_add_find_remove() {
    OrderStore store;
    const OrderId first = store.add(order_for("c1", 500));
    const OrderId second = store.add(order_for("c2", 700));
    CHECK(first != second);
    CHECK_EQ(store.size(), 2u);
    CHECK(store.find(first) != nullptr);
    CHECK_EQ(store.find(first)->customer_id, "c1");
    CHECK_EQ(store.by_customer("c2").size(), 1u);
    CHECK(store.remove(first));
    CHECK(store.find(first) == nullptr);
    CHECK_EQ(store.size(), 1u);
}

void test_status_and_revenue() {
    OrderStore store;
    const OrderId id = store.add(order_for("c1", 500));
    store.add(order_for("c1", 100));
    CHECK_EQ(store.revenue(), 0);
    CHECK(store.set_status(id, OrderStatus::Paid));
    CHECK_EQ(store.revenue(), 1000);
    CHECK(store.set_status(id, OrderStatus::Shipped));
    CHECK(!store.set_status(id, OrderStatus::Pending));
}

}  // namespace

void run_store_tests() {
    test_add_find_remove();
    test_status_and_revenue();
}
