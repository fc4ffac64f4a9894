// shop_cli: reads one HTTP request (from a file or stdin), routes it against a
// small demo data set and prints the response body.
//
//   printf 'GET /orders/1 HTTP/1.1\r\nHost: x\r\n\r\n' | shop_cli
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "net/http.h"
#include "net/router.h"
#include "pricing/discount.h"
#include "pricing/tax.h"
#include "store/order_store.h"
#include "util/log.h"
#include "util/strings.h"

namespace {

using namespace shop;

void seed(store::OrderStore& orders, store::CustomerDb& customers) {
    customers.insert({"c1", "Ada Lovelace", "gold"});
    customers.insert({"c2", "Grace Hopper", "silver"});
    orders.import_csv("c1,book-cpp,2,3999\nc1,mug,1,1250\nc2,sticker,10,150\n");
}

std::string param(const net::RouteMatch& match, const std::string& name) {
    for (const auto& p : match.params) {
        if (p.first == name) return p.second;
    }
    return "";
}

int respond(int status, const std::string& body) {
    std::cout << "HTTP/1.1 " << status << "\r\nContent-Length: " << body.size() << "\r\n\r\n"
              << body;
    return status < 400 ? 0 : 1;
}

int handle(const net::Request& request, store::OrderStore& orders, store::CustomerDb& customers) {
    net::Router router;
    router.add("GET", "/orders/:id", "order");
    router.add("GET", "/orders/:id/quote", "quote");
    router.add("POST", "/orders", "import");
    router.add("GET", "/report", "report");
    router.add("GET", "/static/*", "static");

    const auto match = router.match(request.method, request.path);
    if (!match) return respond(404, "not found\n");

    std::ostringstream out;
    if (match->handler == "import") {
        out << "imported " << orders.import_csv(request.body) << "\n";
    } else if (match->handler == "report") {
        for (const auto& line : orders.customer_report(customers)) {
            out << util::pad_left(line.customer_id, 4) << "  " << line.customer_name << "  "
                << line.orders << "  " << format_cents(line.total) << "\n";
        }
    } else if (match->handler == "order" || match->handler == "quote") {
        const auto id = util::parse_int(param(*match, "id"));
        const Order* order = id ? orders.find(static_cast<OrderId>(id.value())) : nullptr;
        if (order == nullptr) return respond(404, "no such order\n");
        if (match->handler == "order") {
            out << "order " << order->id << " (" << status_name(order->status) << ") "
                << format_cents(subtotal(*order)) << "\n";
        } else {
            std::string tier_text;
            std::string region = "DE";
            for (const auto& [key, value] : net::parse_query(request.query)) {
                if (key == "tier") tier_text = value;
                if (key == "region") region = value;
            }
            const auto tier = pricing::parse_tier(tier_text);
            const auto rate = pricing::tax_rate(region);
            if (!tier || !rate) return respond(400, (tier ? rate.error() : tier.error()) + "\n");
            const auto q = pricing::quote(*order, tier.value(), {}, rate.value());
            out << "total " << format_cents(q.total) << " (" << util::join(q.applied, ", ") << ")\n";
        }
    } else {
        out << "static: " << param(*match, "*") << "\n";
    }
    return respond(200, out.str());
}

}  // namespace

int main(int argc, char** argv) {
    log::set_level(log::Level::Error);
    std::string raw;
    if (argc > 1) {
        std::ifstream file(argv[1], std::ios::binary);
        if (!file) {
            LOG_ERROR("cannot open " << argv[1]);
            return 2;
        }
        raw.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    } else {
        raw.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    }

    net::Request request;
    const net::ParseError error = net::parse_request(raw, request);
    if (error != net::ParseError::None) return respond(400, std::string(net::error_name(error)) + "\n");

    store::OrderStore orders;
    store::CustomerDb customers;
    seed(orders, customers);
    return handle(request, orders, customers);
}
