// Integers read from outside input: strict parsing and saturating sums.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace stepup {

/// The whole of `s` as a base-10 integer (no sign '+', no spaces), or nothing
/// when it is not one or does not fit: callers turn that into an InputError.
std::optional<int64_t> parse_int64(std::string_view s);

/// a + b, held at INT64_MAX instead of overflowing: a count that large is
/// already "executed a lot", and summing records must not be undefined.
int64_t add_counts(int64_t a, int64_t b);

}  // namespace stepup
