#!/usr/bin/env bash
# make-history.sh DEST
#
# Creates a git repository at DEST whose history builds up examples/shop over
# 37 commits (January to October 2026, five authors). The tree at HEAD is
# byte-identical to examples/shop, and the script is deterministic: the same
# checkout always produces the same HEAD commit id.
#
# How it works: the final tree is copied to a scratch directory, then each
# commit's "undo" (defined below, next to the commit) is applied from the
# newest commit back to the first, saving a snapshot before each step. The
# snapshots are then committed oldest first, with fixed dates and authors.
set -euo pipefail

usage() { echo "usage: $0 DEST   (DEST must not exist or be an empty directory)" >&2; exit 2; }
die() { echo "make-history: $*" >&2; exit 1; }

[[ $# -eq 1 && -n $1 ]] || usage
SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/shop"
[[ -f $SRC/CMakeLists.txt ]] || die "cannot find the example project at $SRC"
stray=$(find "$SRC" \( -name CMakeCache.txt -o -name compile_commands.json -o -name '*.gcda' \
    -o -name '*.gcno' -o -name '*.o' \) -print -quit)
[[ -z $stray ]] || die "$SRC contains build output ($stray); build out of tree"
if [[ -e $1 ]]; then
    [[ -d $1 ]] || die "$1 exists and is not a directory"
    [[ -z $(ls -A "$1") ]] || die "$1 is not empty"
fi

# Keep the user's git configuration, identity, hooks and locale out of it.
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep '^GIT_' || true)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$work/home/.gitconfig"
export TZ=UTC LC_ALL=C
mkdir -p "$HOME"
umask 022

mkdir -p "$1"
DEST=$(cd "$1" && pwd)

# --------------------------------------------------------------------------
# Helpers used by the undo_N functions. They run inside the scratch tree and
# turn the tree as of commit N into the tree as of commit N-1.

current=0

# drop FILE...: the commit added these files.
drop() {
    local f
    for f in "$@"; do
        [[ -f $f ]] || die "commit $current: drop: no such file $f"
        rm -- "$f"
    done
}

# edit FILE: stdin is the text as the commit left it, a line "@@@@", then the
# text it replaced (possibly nothing). The first part must occur exactly once.
edit() {
    local file=$1 spec newer older content before after
    [[ -f $file ]] || die "commit $current: edit: no such file $file"
    spec=$(cat; printf .)
    spec=$'\n'"${spec%.}"
    [[ $spec == *$'\n@@@@\n'* ]] || die "commit $current: edit $file: no @@@@ line"
    newer=${spec%%$'\n@@@@\n'*}
    newer=${newer#$'\n'}
    [[ -n $newer ]] || die "commit $current: edit $file: empty anchor"
    newer+=$'\n'
    older=${spec#*$'\n@@@@\n'}
    content=$(cat -- "$file"; printf .)
    content=${content%.}
    [[ $content == *"$newer"* ]] || die "commit $current: edit $file: text not found:"$'\n'"$newer"
    before=${content%%"$newer"*}
    after=${content:$((${#before} + ${#newer}))}
    [[ $after != *"$newer"* ]] || die "commit $current: edit $file: text found twice:"$'\n'"$newer"
    printf '%s' "$before$older$after" > "$file"
}

# drop_fn FILE 'first line': the commit added a top-level function. Removes
# that line through the next line that is exactly "}", plus one blank line.
drop_fn() {
    local file=$1 first=$2
    [[ $(grep -cxF -- "$first" "$file") == 1 ]] ||
        die "commit $current: drop_fn $file: need exactly one line '$first'"
    FIRST=$first awk '
        skipping == 2 { skipping = 0; if ($0 == "") next }
        skipping == 1 { if ($0 == "}") skipping = 2; next }
        $0 == ENVIRON["FIRST"] { skipping = 1; next }
        { print }
    ' "$file" > "$file.tmp"
    mv -- "$file.tmp" "$file"
}

declare -a C_DATE C_WHO C_MSG
n=0
# commit N DATE WHO MESSAGE; its undo_N function follows it.
commit() {
    (( $1 == n + 1 )) || die "commit numbers out of order at $1"
    n=$1
    C_DATE[n]=$2
    C_WHO[n]=$3
    C_MSG[n]=$4
}

person() {
    case $1 in
    alice) echo "Alice Moreau|alice.moreau@shop.example" ;;
    bruno) echo "Bruno Keller|bruno.keller@shop.example" ;;
    chen) echo "Chen Wei|chen.wei@shop.example" ;;
    dana) echo "Dana Okafor|dana.okafor@shop.example" ;;
    emil) echo "Emil Lindqvist|emil.lindqvist@shop.example" ;;
    *) die "unknown author $1" ;;
    esac
}

# --------------------------------------------------------------------------
# The history, oldest first.

commit 1 "2026-01-05T09:14:00+00:00" alice "Initial project skeleton with string helpers"
undo_1() {
    drop CMakeLists.txt include/shop/result.h src/util/strings.h src/util/strings.cpp \
        tests/check.h tests/test_main.cpp tests/test_util.cpp
}

commit 2 "2026-01-07T16:02:00+00:00" alice "suffix handling"
undo_2() {
    edit src/util/strings.h <<'EOF'
bool ends_with(std::string_view text, std::string_view suffix);
@@@@
EOF
    drop_fn src/util/strings.cpp 'bool ends_with(std::string_view text, std::string_view suffix) {'
    edit tests/test_util.cpp <<'EOF'
    CHECK(ends_with("gzip, chunked", "chunked"));
    CHECK(!ends_with("chunked, gzip", "chunked"));
    CHECK(!ends_with("ed", "chunked"));
    CHECK(ends_with("abc", ""));
@@@@
EOF
    edit tests/test_util.cpp <<'EOF'
void test_prefix_suffix() {
@@@@
void test_prefix() {
EOF
    edit tests/test_util.cpp <<'EOF'
    test_prefix_suffix();
@@@@
    test_prefix();
EOF
}

commit 3 "2026-01-09T11:30:00+00:00" alice "util: add replace_all and pad_left"
undo_3() {
    edit src/util/strings.h <<'EOF'
std::string replace_all(std::string text, std::string_view from, std::string_view to);
std::string pad_left(std::string_view text, std::size_t width, char fill = ' ');
@@@@
EOF
    drop_fn src/util/strings.cpp 'std::string replace_all(std::string text, std::string_view from, std::string_view to) {'
    drop_fn src/util/strings.cpp 'std::string pad_left(std::string_view text, std::size_t width, char fill) {'
    drop_fn tests/test_util.cpp 'void test_replace_pad() {'
    edit tests/test_util.cpp <<'EOF'
    test_replace_pad();
@@@@
EOF
}

commit 4 "2026-01-12T10:05:00+00:00" alice "Add a tiny logging facility"
undo_4() {
    drop src/util/log.h src/util/log.cpp
    edit CMakeLists.txt <<'EOF'
  src/util/log.cpp
@@@@
EOF
    edit tests/test_main.cpp <<'EOF'
#include "util/log.h"
@@@@
EOF
    edit tests/test_main.cpp <<'EOF'
    shop::log::set_level(shop::log::Level::Off);
@@@@
EOF
}

commit 5 "2026-01-15T14:40:00+00:00" bruno "net: first cut of the HTTP request parser"
undo_5() {
    drop src/net/http.h src/net/http.cpp
    edit CMakeLists.txt <<'EOF'
  src/net/http.cpp
@@@@
EOF
}

commit 6 "2026-01-20T09:55:00+00:00" chen "store: in-memory order store"
undo_6() {
    drop include/shop/types.h include/shop/money.h src/store/order_store.h \
        src/store/order_store.cpp tests/test_store.cpp
    edit CMakeLists.txt <<'EOF'
  src/store/order_store.cpp
@@@@
EOF
    edit CMakeLists.txt <<'EOF'
  tests/test_store.cpp
@@@@
EOF
    edit tests/test_main.cpp <<'EOF'
void run_store_tests();
@@@@
EOF
    edit tests/test_main.cpp <<'EOF'
        {"store", run_store_tests},
@@@@
EOF
}

commit 7 "2026-01-26T13:20:00+00:00" dana "pricing: discount rules, coupons and loyalty tiers"
undo_7() {
    drop src/pricing/discount.h src/pricing/discount.cpp tests/test_pricing.cpp
    edit include/shop/money.h <<'EOF'

// Scales an amount by basis points (1 bp = 0.01 %), rounding half away from zero.
inline Cents apply_basis_points(Cents amount, int basis_points) {
    const Cents scaled = amount * basis_points;
    const Cents whole = scaled / 10000;
    const Cents rest = scaled % 10000;
    if (rest >= 5000) return whole + 1;
    if (rest <= -5000) return whole - 1;
    return whole;
}
@@@@
EOF
    edit CMakeLists.txt <<'EOF'
  src/pricing/discount.cpp
@@@@
EOF
    edit CMakeLists.txt <<'EOF'
  tests/test_pricing.cpp
@@@@
EOF
    edit tests/test_main.cpp <<'EOF'
void run_pricing_tests();
@@@@
EOF
    edit tests/test_main.cpp <<'EOF'
        {"pricing", run_pricing_tests},
@@@@
EOF
}

commit 8 "2026-02-02T15:45:00+00:00" bruno "net: support chunked transfer encoding"
undo_8() {
    edit src/net/http.h <<'EOF'
    BadTransferEncoding,
@@@@
EOF
    edit src/net/http.h <<'EOF'
    BadChunk,
@@@@
EOF
    edit src/net/http.h <<'EOF'
    bool chunked = false;
@@@@
EOF
    edit src/net/http.h <<'EOF'
ParseError decode_chunked(std::string_view data, std::string& body, std::size_t max_body);
@@@@
EOF
    edit src/net/http.cpp <<'EOF'
    case ParseError::BadTransferEncoding: return "bad transfer-encoding";
@@@@
EOF
    edit src/net/http.cpp <<'EOF'
    case ParseError::BadChunk: return "bad chunk";
@@@@
EOF
    edit src/net/http.cpp <<'EOF'
    } else if (util::iequals(name, "Transfer-Encoding")) {
        const std::string codings = util::to_lower(value);
        if (util::ends_with(codings, "chunked")) {
            out.chunked = true;
        } else if (codings != "identity") {
            return ParseError::BadTransferEncoding;
        }
@@@@
EOF
    drop_fn src/net/http.cpp 'ParseError decode_chunked(std::string_view data, std::string& body, std::size_t max_body) {'
    edit src/net/http.cpp <<'EOF'
    if (out.chunked) return decode_chunked(rest, out.body, limits.max_body);

@@@@
EOF
}

commit 9 "2026-02-05T10:10:00+00:00" dana "pricing: buy-x-get-y rule"
undo_9() {
    edit src/pricing/discount.h <<'EOF'
    BuyXGetY,     // buy `threshold`, get `amount` more of the same sku free
@@@@
EOF
    edit src/pricing/discount.cpp <<'EOF'
    case RuleKind::BuyXGetY: return "bogo";
@@@@
EOF
    edit src/pricing/discount.cpp <<'EOF'
    case RuleKind::BuyXGetY:
        if (rule.threshold <= 0 || rule.amount <= 0) break;
        for (const auto& item : order.items) {
            if (!rule_covers(rule, item)) continue;
            const long long groups = item.quantity / (rule.threshold + rule.amount);
            discount += groups * rule.amount * item.unit_price;
        }
        break;
@@@@
EOF
    edit tests/test_pricing.cpp <<'EOF'
    CHECK_EQ(rule_discount({RuleKind::BuyXGetY, "pen", 2, 1}, order), 300);
    CHECK_EQ(rule_discount({RuleKind::BuyXGetY, "book", 1, 1}, order), 0);
    CHECK_EQ(rule_discount({RuleKind::BuyXGetY, "pen", 0, 1}, order), 0);
@@@@
EOF
    edit tests/test_pricing.cpp <<'EOF'

    q = quote(make_order({{"pen", 4, 100}}), Tier::Standard, {{RuleKind::BuyXGetY, "pen", 1, 1}}, 0);
    CHECK_EQ(q.discount, 200);
    CHECK_EQ(q.applied[0], "rule:bogo");
@@@@
EOF
}

commit 10 "2026-02-10T17:25:00+00:00" bruno "fix: crash on empty header"
undo_10() {
    edit src/net/http.cpp <<'EOF'
    if (line.empty()) return ParseError::BadHeader;
@@@@
EOF
    edit src/net/http.cpp <<'EOF'
    if (colon == npos || colon == 0) return ParseError::BadHeader;
@@@@
    if (colon == npos) return ParseError::BadHeader;
EOF
}

commit 11 "2026-02-16T11:00:00+00:00" chen "store: customer database and per-customer report"
undo_11() {
    drop src/store/customer_db.h src/store/customer_db.cpp
    edit CMakeLists.txt <<'EOF'
  src/store/customer_db.cpp
@@@@
EOF
    edit src/store/order_store.h <<'EOF'
#include "store/customer_db.h"
@@@@
EOF
    edit src/store/order_store.h <<'EOF'
struct CustomerReportLine {
    std::string customer_id;
    std::string customer_name;
    std::size_t orders = 0;
    Cents total = 0;
};

@@@@
EOF
    edit src/store/order_store.h <<'EOF'
    std::vector<CustomerReportLine> customer_report(const CustomerDb& db) const;

@@@@
EOF
    drop_fn src/store/order_store.cpp 'std::vector<CustomerReportLine> OrderStore::customer_report(const CustomerDb& db) const {'
}

commit 12 "2026-02-20T09:35:00+00:00" bruno "net: add a small router"
undo_12() {
    drop src/net/router.h src/net/router.cpp
    edit CMakeLists.txt <<'EOF'
  src/net/router.cpp
@@@@
EOF
}

commit 13 "2026-02-27T14:15:00+00:00" dana "pricing: tax tables per region"
undo_13() {
    drop src/pricing/tax.h src/pricing/tax.cpp
    edit CMakeLists.txt <<'EOF'
  src/pricing/tax.cpp
@@@@
EOF
    edit tests/test_pricing.cpp <<'EOF'
#include "pricing/tax.h"
@@@@
EOF
    drop_fn tests/test_pricing.cpp 'void test_tax() {'
    edit tests/test_pricing.cpp <<'EOF'
    test_tax();
@@@@
EOF
}

commit 14 "2026-03-04T16:50:00+00:00" emil "Fix off-by-one in url_decode"
undo_14() {
    edit src/net/http.cpp <<'EOF'
        if (c == '%' && i + 2 < text.size()) {
@@@@
        if (c == '%' && i + 2 <= text.size()) {
EOF
}

commit 15 "2026-03-10T10:40:00+00:00" chen "store: CSV import"
undo_15() {
    edit src/store/order_store.h <<'EOF'
    // Lines of "customer,sku,quantity,unit_price_cents"; one order per customer.
    std::size_t import_csv(std::string_view text);

@@@@
EOF
    edit src/store/order_store.cpp <<'EOF'
#include <stdexcept>
@@@@
EOF
    edit src/store/order_store.cpp <<'EOF'
#include "util/strings.h"
@@@@
EOF
    drop_fn src/store/order_store.cpp 'std::size_t OrderStore::import_csv(std::string_view text) {'
}

commit 16 "2026-03-12T15:05:00+00:00" emil $'Add shop_cli demo executable\n\nReads one HTTP request from a file or stdin and answers it from a seeded\nstore, so the parser, router and pricing can be poked at by hand.'
undo_16() {
    drop src/app/main.cpp
    edit CMakeLists.txt <<'EOF'
add_executable(shop_cli src/app/main.cpp)
target_link_libraries(shop_cli PRIVATE shop)

@@@@
EOF
}

commit 17 "2026-03-20T11:45:00+00:00" alice "add prefix matching"
undo_17() {
    edit src/net/router.h <<'EOF'
// Maps "METHOD /path/:param" patterns to handler names. A trailing "/*"
// turns a pattern into a prefix match; the rest of the path is bound to "*".
@@@@
// Maps "METHOD /path/:param" patterns to handler names.
EOF
    edit src/net/router.h <<'EOF'
        bool prefix = false;
@@@@
EOF
    edit src/net/router.cpp <<'EOF'
    if (!route.segments.empty() && route.segments.back() == "*") {
        route.prefix = true;
        route.segments.pop_back();
    }
@@@@
EOF
    edit src/net/router.cpp <<'EOF'
        if (route.prefix ? segments.size() < route.segments.size()
                         : segments.size() != route.segments.size()) {
            continue;
        }
@@@@
        if (segments.size() != route.segments.size()) continue;
EOF
    edit src/net/router.cpp <<'EOF'
        if (route.prefix) {
            std::string tail;
            for (std::size_t i = route.segments.size(); i < segments.size(); ++i) {
                tail += '/';
                tail += segments[i];
            }
            match.params.emplace_back("*", tail);
        }
@@@@
EOF
    edit src/app/main.cpp <<'EOF'
    router.add("GET", "/static/*", "static");
@@@@
EOF
    edit src/app/main.cpp <<'EOF'
    } else {
        out << "static: " << param(*match, "*") << "\n";
    }
@@@@
    }
EOF
}

commit 18 "2026-03-27T09:20:00+00:00" emil "net: handle folded headers (bugfix)"
undo_18() {
    edit src/net/http.cpp <<'EOF'
    if (is_ows(line[0])) {
        // obs-fold: a continuation line belongs to the previous header.
        if (out.headers.empty()) return ParseError::BadHeader;
        Header& previous = out.headers.back();
        const std::string_view extra = trim_ows(line);
        if (!extra.empty()) {
            if (!previous.value.empty()) previous.value += ' ';
            previous.value.append(extra.data(), extra.size());
        }
        if (previous.value.size() > limits.max_header_line) return ParseError::HeaderTooLong;
        return ParseError::None;
    }
@@@@
    if (is_ows(line[0])) return ParseError::BadHeader;
EOF
}

commit 19 "2026-04-03T13:35:00+00:00" dana "pricing: never discount more than the subtotal"
undo_19() {
    edit src/pricing/discount.h <<'EOF'
// left; discounts never exceed the subtotal. Tax is charged on the remainder.
@@@@
// left. Tax is charged on the remainder.
EOF
    edit src/pricing/discount.cpp <<'EOF'
    q.discount = std::min(q.discount, q.subtotal);
@@@@
EOF
    edit tests/test_pricing.cpp <<'EOF'

    const std::vector<Rule> generous = {{RuleKind::FixedOff, "", 0, 800},
                                        {RuleKind::PercentOff, "", 0, 5000}};
    q = quote(make_order({{"pen", 10, 100}}), Tier::Silver, generous, 1000);
    CHECK_EQ(q.discount, 1000);  // never more than the subtotal
    CHECK_EQ(q.tax, 0);
    CHECK_EQ(q.total, 0);
    CHECK_EQ(q.applied.size(), 2u);
    CHECK_EQ(q.applied[0], "rule:fixed");
    CHECK_EQ(q.applied[1], "rule:percent");
@@@@
EOF
}

commit 20 "2026-04-09T10:00:00+00:00" alice "debug output cleanup"
undo_20() {
    edit src/store/order_store.cpp <<'EOF'
const Order* OrderStore::find(OrderId id) const {
@@@@
const Order* OrderStore::find(OrderId id) const {
    LOG_INFO("find order " << id);
EOF
    edit src/store/order_store.cpp <<'EOF'
        if (entry.second.customer_id == customer_id) found.push_back(&entry.second);
    }
@@@@
        if (entry.second.customer_id == customer_id) found.push_back(&entry.second);
    }
    LOG_INFO("by_customer(" << customer_id << ") -> " << found.size() << " orders");
EOF
}

commit 21 "2026-04-15T16:30:00+00:00" bruno "fix: reject conflicting Content-Length headers"
undo_21() {
    edit src/net/http.h <<'EOF'
    DuplicateHeader,
@@@@
EOF
    edit src/net/http.cpp <<'EOF'
    case ParseError::DuplicateHeader: return "duplicate header";
@@@@
EOF
    edit src/net/http.cpp <<'EOF'
        if (out.content_length >= 0 && out.content_length != length) {
            return ParseError::DuplicateHeader;
        }
@@@@
EOF
}

commit 22 "2026-04-28T08:55:00+00:00" emil "net: HTTP/1.0 requests were kept alive (fix)"
undo_22() {
    edit src/net/http.cpp <<'EOF'
    if (out.version_minor == 0 && find_header(out, "Connection") == nullptr) {
        out.keep_alive = false;
    }
@@@@
EOF
}

commit 23 "2026-05-06T14:10:00+00:00" chen "store: enforce order status transitions"
undo_23() {
    edit src/store/order_store.cpp <<'EOF'
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
@@@@
EOF
    edit src/store/order_store.cpp <<'EOF'
    if (!transition_allowed(it->second.status, status)) {
        LOG_ERROR("order " << id << ": cannot go from " << status_name(it->second.status)
                           << " to " << status_name(status));
        return false;
    }
@@@@
EOF
    edit tests/test_store.cpp <<'EOF'
    CHECK(!store.set_status(id, OrderStatus::Pending));
@@@@
EOF
}

commit 24 "2026-05-19T11:25:00+00:00" dana "Fix router matching for paths with repeated slashes"
undo_24() {
    edit src/net/router.cpp <<'EOF'
    std::size_t i = 0;
    while (i < path.size()) {
        while (i < path.size() && path[i] == '/') ++i;  // "//a///b/" == "/a/b"
        std::size_t end = path.find('/', i);
        if (end == std::string_view::npos) end = path.size();
        if (end > i) segments.emplace_back(path.substr(i, end - i));
        i = end;
    }
@@@@
    std::size_t i = path.empty() || path[0] != '/' ? 0 : 1;
    while (i < path.size()) {
        std::size_t end = path.find('/', i);
        if (end == std::string_view::npos) end = path.size();
        segments.emplace_back(path.substr(i, end - i));
        i = end + 1;
    }
EOF
}

commit 25 "2026-06-02T15:40:00+00:00" bruno "net: validate Host header"
undo_25() {
    edit src/net/http.h <<'EOF'
    std::string host;
@@@@
EOF
    edit src/net/http.cpp <<'EOF'
    } else if (util::iequals(name, "Host")) {
        if (!out.host.empty()) return ParseError::DuplicateHeader;
        if (value.empty() || value.find_first_of(" /\\@") != npos) return ParseError::BadHeader;
        out.host = std::string(value);
@@@@
EOF
}

commit 26 "2026-06-15T10:50:00+00:00" chen "store: fix revenue counting cancelled orders"
undo_26() {
    edit src/store/order_store.cpp <<'EOF'
        const OrderStatus status = entry.second.status;
        if (status == OrderStatus::Paid || status == OrderStatus::Shipped) {
            total += subtotal(entry.second);
        }
@@@@
        if (entry.second.status != OrderStatus::Pending) total += subtotal(entry.second);
EOF
}

commit 27 "2026-06-30T09:30:00+00:00" alice "cmake: SHOP_COVERAGE option for gcov builds"
undo_27() {
    edit CMakeLists.txt <<'EOF'
option(SHOP_COVERAGE "Build with --coverage for gcov/gcovr reports" OFF)

@@@@
EOF
    edit CMakeLists.txt <<'EOF'
if(SHOP_COVERAGE)
  add_compile_options(--coverage -O0)
  add_link_options(--coverage)
endif()

@@@@
EOF
}

commit 28 "2026-07-08T17:05:00+00:00" emil "fix: chunk extensions broke chunked bodies"
undo_28() {
    edit src/net/http.cpp <<'EOF'
        const std::size_t semicolon = line.find(';');  // chunk extensions are ignored
        const std::string_view size_text = trim_ows(line.substr(0, semicolon));
@@@@
        const std::string_view size_text = trim_ows(line);
EOF
}

commit 29 "2026-07-21T13:45:00+00:00" bruno "net: HEAD requests match GET routes"
undo_29() {
    edit src/net/router.cpp <<'EOF'
    if (wanted == "*" || wanted == method) return true;
    return method == "HEAD" && wanted == "GET";
@@@@
    return wanted == "*" || wanted == method;
EOF
}

commit 30 "2026-08-04T11:15:00+00:00" dana $'Fix request smuggling via Transfer-Encoding plus Content-Length\n\nA request carrying both was framed by Transfer-Encoding here but by\nContent-Length in the proxy in front of us. Refuse such requests.'
undo_30() {
    edit src/net/http.cpp <<'EOF'
    // Both framings at once is the classic request-smuggling vector: refuse it.
    if (out.chunked && out.content_length >= 0) return ParseError::BadTransferEncoding;
@@@@
EOF
}

commit 31 "2026-08-18T14:30:00+00:00" chen "store: sort customer report by total"
undo_31() {
    edit src/store/order_store.cpp <<'EOF'
#include <algorithm>
@@@@
EOF
    edit src/store/order_store.cpp <<'EOF'
    std::sort(report.begin(), report.end(), [](const auto& a, const auto& b) {
        return a.total != b.total ? a.total > b.total : a.customer_id < b.customer_id;
    });
@@@@
EOF
}

commit 32 "2026-08-25T10:20:00+00:00" chen "store: support id IN (...) lookups in CustomerDb"
undo_32() {
    edit src/store/customer_db.h <<'EOF'
// Stand-in for the customer database. Every query() is one round-trip in
// production, so callers should batch lookups instead of querying per item.
@@@@
// Stand-in for the customer database.
EOF
    edit src/store/customer_db.h <<'EOF'
    // "WHERE id = '<id>'" or "WHERE id IN ('<a>', '<b>')" clause.
@@@@
    // "WHERE id = '<id>'" clause.
EOF
    edit src/store/customer_db.cpp <<'EOF'
constexpr std::string_view kWhereIn = " WHERE id IN (";
@@@@
EOF
    edit src/store/customer_db.cpp <<'EOF'
    } else if (util::starts_with(text, kWhereIn) && util::ends_with(text, ")")) {
        const std::string_view list = text.substr(kWhereIn.size(), text.size() - kWhereIn.size() - 1);
        for (const auto& item : util::split(list, ',')) ids.push_back(unquote(item));
@@@@
EOF
}

commit 33 "2026-09-01T16:00:00+00:00" emil "net: reject requests whose headers never end (bug #41)"
undo_33() {
    edit src/net/http.cpp <<'EOF'
    bool saw_blank_line = false;
    while (next_line(rest, line)) {
        if (line.empty()) {
            saw_blank_line = true;
            break;
        }
@@@@
    while (next_line(rest, line)) {
        if (line.empty()) break;
EOF
    edit src/net/http.cpp <<'EOF'
    if (!saw_blank_line) return ParseError::BadHeader;
@@@@
EOF
}

commit 34 "2026-09-15T09:45:00+00:00" bruno "net: reject unsupported Expect values"
undo_34() {
    edit src/net/http.cpp <<'EOF'
    } else if (util::iequals(name, "Expect")) {
        if (!util::iequals(value, "100-continue")) return ParseError::BadHeader;
@@@@
EOF
}

commit 35 "2026-09-29T15:20:00+00:00" emil "Fix bare LF line endings in parse_request"
undo_35() {
    edit src/net/http.cpp <<'EOF'
// Takes the next line off `rest`. Accepts CRLF and bare LF terminators.
bool next_line(std::string_view& rest, std::string_view& line) {
    const std::size_t newline = rest.find('\n');
    if (newline == npos) return false;
    std::size_t end = newline;
    if (end > 0 && rest[end - 1] == '\r') --end;
    line = rest.substr(0, end);
    rest.remove_prefix(newline + 1);
    return true;
}
@@@@
// Takes the next CRLF-terminated line off `rest`.
bool next_line(std::string_view& rest, std::string_view& line) {
    const std::size_t end = rest.find("\r\n");
    if (end == npos) return false;
    line = rest.substr(0, end);
    rest.remove_prefix(end + 2);
    return true;
}
EOF
    edit src/net/http.cpp <<'EOF'
        if (rest.substr(0, 2) == "\r\n") {
            rest.remove_prefix(2);
        } else if (!rest.empty() && rest[0] == '\n') {
            rest.remove_prefix(1);
        } else {
            return ParseError::BadChunk;
        }
@@@@
        if (rest.substr(0, 2) != "\r\n") return ParseError::BadChunk;
        rest.remove_prefix(2);
EOF
}

commit 36 "2026-10-13T10:35:00+00:00" chen "store: skip comment lines in CSV import"
undo_36() {
    edit src/store/order_store.cpp <<'EOF'
        if (line.empty() || line[0] == '#') continue;
@@@@
        if (line.empty()) continue;
EOF
}

commit 37 "2026-10-27T12:00:00+00:00" alice "Bump version to 0.2.0"
undo_37() {
    edit CMakeLists.txt <<'EOF'
project(shop VERSION 0.2.0 LANGUAGES CXX)
@@@@
project(shop VERSION 0.1.0 LANGUAGES CXX)
EOF
}

# --------------------------------------------------------------------------
# Walk back from the final tree, saving the tree as of each commit.

state="$work/state"
snaps="$work/snapshots"
mkdir -p "$state" "$snaps"
cp -R "$SRC/." "$state/"
(
    cd "$state"
    for ((k = n; k >= 1; k--)); do
        current=$k
        cp -R "$state" "$snaps/$k"
        "undo_$k"
    done
    leftover=$(find . -type f | sort)
    [[ -z $leftover ]] || die "files not introduced by any commit:"$'\n'"$leftover"
)

# Replay the snapshots forward as commits.
git init -q -b main --template= "$DEST"
gitc() { git -C "$DEST" -c core.autocrlf=false -c core.fileMode=true -c commit.gpgsign=false "$@"; }
for ((k = 1; k <= n; k++)); do
    find "$DEST" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
    cp -R "$snaps/$k/." "$DEST/"
    IFS='|' read -r name email <<<"$(person "${C_WHO[k]}")"
    gitc add -A
    GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$email GIT_AUTHOR_DATE=${C_DATE[k]} \
    GIT_COMMITTER_NAME=$name GIT_COMMITTER_EMAIL=$email GIT_COMMITTER_DATE=${C_DATE[k]} \
        gitc commit -q --no-verify -m "${C_MSG[k]}"
done

diff -r --exclude=.git "$SRC" "$DEST" >/dev/null || die "HEAD tree differs from $SRC"
[[ -z $(gitc status --porcelain) ]] || die "work tree not clean after the last commit"
echo "$DEST: $(gitc rev-list --count HEAD) commits, HEAD $(gitc rev-parse HEAD)"
