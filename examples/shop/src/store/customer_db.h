#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace shop::store {

struct CustomerRow {
    std::string id;
    std::string name;
    std::string tier;
};

// Stand-in for the customer database. Every query() is one round-trip in
// production, so callers should batch lookups instead of querying per item.
class CustomerDb {
public:
    void insert(CustomerRow row);

    // Understands "SELECT * FROM customers" with an optional
    // "WHERE id = '<id>'" or "WHERE id IN ('<a>', '<b>')" clause.
    std::vector<CustomerRow> query(const std::string& sql) const;

    std::size_t queries_executed() const { return queries_; }

private:
    std::vector<CustomerRow> rows_;
    mutable std::size_t queries_ = 0;
};

}  // namespace shop::store
