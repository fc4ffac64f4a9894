#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shop::net {

struct RouteMatch {
    std::string handler;
    std::vector<std::pair<std::string, std::string>> params;
};

// Maps "METHOD /path/:param" patterns to handler names. A trailing "/*"
// turns a pattern into a prefix match; the rest of the path is bound to "*".
class Router {
public:
    void add(std::string method, std::string_view pattern, std::string handler);
    std::optional<RouteMatch> match(std::string_view method, std::string_view path) const;
    std::size_t size() const { return routes_.size(); }

private:
    struct Route {
        std::string method;
        std::vector<std::string> segments;
        bool prefix = false;
        std::string handler;
    };

    std::vector<Route> routes_;
};

}  // namespace shop::net
