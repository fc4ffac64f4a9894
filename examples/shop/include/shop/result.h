#pragma once

#include <optional>
#include <string>
#include <utility>

namespace shop {

// A value or an error message. Small on purpose: the library does not use
// exceptions across module boundaries.
template <typename T>
class Result {
public:
    static Result ok(T value) {
        Result r;
        r.value_ = std::move(value);
        return r;
    }

    static Result fail(std::string message) {
        Result r;
        r.error_ = std::move(message);
        return r;
    }

    bool has_value() const { return value_.has_value(); }
    explicit operator bool() const { return has_value(); }

    const T& value() const { return *value_; }
    T& value() { return *value_; }
    const std::string& error() const { return error_; }

    T value_or(T fallback) const { return value_ ? *value_ : std::move(fallback); }

    template <typename F>
    auto map(F&& fn) const -> Result<decltype(fn(std::declval<const T&>()))> {
        using U = decltype(fn(std::declval<const T&>()));
        if (!value_) return Result<U>::fail(error_);
        return Result<U>::ok(fn(*value_));
    }

private:
    Result() = default;

    std::optional<T> value_;
    std::string error_;
};

}  // namespace shop
