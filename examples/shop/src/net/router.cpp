#include "net/router.h"

namespace shop::net {
namespace {

std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> segments;
    std::size_t i = 0;
    while (i < path.size()) {
        while (i < path.size() && path[i] == '/') ++i;  // "//a///b/" == "/a/b"
        std::size_t end = path.find('/', i);
        if (end == std::string_view::npos) end = path.size();
        if (end > i) segments.emplace_back(path.substr(i, end - i));
        i = end;
    }
    return segments;
}

bool method_matches(const std::string& wanted, std::string_view method) {
    if (wanted == "*" || wanted == method) return true;
    return method == "HEAD" && wanted == "GET";
}

}  // namespace

void Router::add(std::string method, std::string_view pattern, std::string handler) {
    Route route;
    route.method = std::move(method);
    route.handler = std::move(handler);
    route.segments = split_path(pattern);
    if (!route.segments.empty() && route.segments.back() == "*") {
        route.prefix = true;
        route.segments.pop_back();
    }
    routes_.push_back(std::move(route));
}

std::optional<RouteMatch> Router::match(std::string_view method, std::string_view path) const {
    const std::vector<std::string> segments = split_path(path);
    for (const auto& route : routes_) {
        if (!method_matches(route.method, method)) continue;
        if (route.prefix ? segments.size() < route.segments.size()
                         : segments.size() != route.segments.size()) {
            continue;
        }
        RouteMatch match;
        match.handler = route.handler;
        bool matched = true;
        for (std::size_t i = 0; i < route.segments.size() && matched; ++i) {
            const std::string& wanted = route.segments[i];
            if (!wanted.empty() && wanted[0] == ':') {
                match.params.emplace_back(wanted.substr(1), segments[i]);
            } else if (wanted != segments[i]) {
                matched = false;
            }
        }
        if (!matched) continue;
        if (route.prefix) {
            std::string tail;
            for (std::size_t i = route.segments.size(); i < segments.size(); ++i) {
                tail += '/';
                tail += segments[i];
            }
            match.params.emplace_back("*", tail);
        }
        return match;
    }
    return std::nullopt;
}

}  // namespace shop::net
