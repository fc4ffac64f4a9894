#include "store/customer_db.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "util/log.h"
#include "util/strings.h"

namespace shop::store {
namespace {

constexpr std::string_view kSelect = "SELECT * FROM customers";
constexpr std::string_view kWhereId = " WHERE id = ";
constexpr std::string_view kWhereIn = " WHERE id IN (";

std::string unquote(std::string_view text) {
    text = util::trim(text);
    if (text.size() < 2 || text.front() != '\'' || text.back() != '\'') {
        throw std::invalid_argument("expected a quoted id");
    }
    return std::string(text.substr(1, text.size() - 2));
}

}  // namespace

void CustomerDb::insert(CustomerRow row) {
    rows_.push_back(std::move(row));
}

std::vector<CustomerRow> CustomerDb::query(const std::string& sql) const {
    ++queries_;
    std::string_view text = util::trim(sql);
    if (!util::starts_with(text, kSelect)) {
        LOG_ERROR("unsupported query: " << sql);
        throw std::invalid_argument("unsupported query");
    }
    text.remove_prefix(kSelect.size());
    if (text.empty()) return rows_;

    std::vector<std::string> ids;
    if (util::starts_with(text, kWhereId)) {
        ids.push_back(unquote(text.substr(kWhereId.size())));
    } else if (util::starts_with(text, kWhereIn) && util::ends_with(text, ")")) {
        const std::string_view list = text.substr(kWhereIn.size(), text.size() - kWhereIn.size() - 1);
        for (const auto& item : util::split(list, ',')) ids.push_back(unquote(item));
    } else {
        LOG_ERROR("unsupported query: " << sql);
        throw std::invalid_argument("unsupported where clause");
    }

    std::vector<CustomerRow> found;
    for (const auto& row : rows_) {
        if (std::find(ids.begin(), ids.end(), row.id) != ids.end()) found.push_back(row);
    }
    return found;
}

}  // namespace shop::store
