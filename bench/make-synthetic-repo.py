#!/usr/bin/env python3
"""Generate a deterministic synthetic C++17 repository for scan benchmarks.

Usage: make-synthetic-repo.py DEST [--tus N] [--seed S]

Layout of DEST:
  include/common/*.h          shared headers (status, strings, types, config)
  src/modM/pair_P.h           one header per pair of translation units
  src/modM/unit_K.cpp         N translation units spread over up to 8 modules
  CMakeLists.txt              plain build description (not needed by the bench)
  compile_commands.json       "arguments" form, absolute paths (git-ignored)
  .git                        one commit with a fixed identity and date

Only the Python standard library is used. For a given --seed and --tus the
source tree (and therefore the commit id) is byte-for-byte identical, whatever
DEST is: the only DEST-dependent file, compile_commands.json, is git-ignored.
All code is produced by the templates below; nothing is copied from elsewhere.
"""

import argparse
import json
import os
import random
import subprocess
import sys

MODULES = 8

VERBS = ["compute", "collect", "merge", "normalize", "parse", "score", "filter",
         "build", "resolve", "summarize", "rank", "index", "split", "encode",
         "validate", "reduce", "scan", "apply", "select", "render"]
NOUNS = ["orders", "tokens", "samples", "records", "weights", "paths", "events",
         "metrics", "labels", "entries", "ranges", "nodes", "buckets", "fields",
         "values", "spans", "rows", "keys", "ticks", "frames"]
CLASS_NOUNS = ["Cache", "Registry", "Ledger", "Queue", "Tracker", "Catalog",
               "Window", "Pool", "Histogram", "Router", "Buffer", "Index"]

# Standard headers that may be added to a TU "for realism" on top of the ones
# its functions actually need.
EXTRA_STD = ["<cstdint>", "<cstddef>", "<utility>", "<numeric>", "<array>",
             "<set>", "<deque>", "<tuple>", "<cmath>", "<limits>", "<iterator>",
             "<stdexcept>", "<cctype>", "<list>", "<iomanip>"]


# --------------------------------------------------------------------------
# shared headers
# --------------------------------------------------------------------------

STATUS_H = """\
#pragma once

#include <string>
#include <utility>

namespace common {

enum class StatusCode { kOk, kInvalid, kNotFound, kInternal };

class Status {
public:
    Status() = default;
    Status(StatusCode code, std::string message)
        : code_(code), message_(std::move(message)) {}

    static Status ok() { return Status(); }
    static Status invalid(std::string m) { return Status(StatusCode::kInvalid, std::move(m)); }
    static Status notFound(std::string m) { return Status(StatusCode::kNotFound, std::move(m)); }

    bool isOk() const { return code_ == StatusCode::kOk; }
    StatusCode code() const { return code_; }
    const std::string& message() const { return message_; }

private:
    StatusCode code_ = StatusCode::kOk;
    std::string message_;
};

inline const char* codeName(StatusCode c) {
    switch (c) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalid: return "invalid";
    case StatusCode::kNotFound: return "not-found";
    case StatusCode::kInternal: return "internal";
    }
    return "unknown";
}

}  // namespace common
"""

STRINGS_H = """\
#pragma once

#include <cctype>
#include <string>
#include <vector>

namespace common {

inline std::string trim(const std::string& s) {
    std::size_t b = 0;
    std::size_t e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return s.substr(b, e - b);
}

inline std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur.push_back(c);
        }
    }
    out.push_back(cur);
    return out;
}

inline std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i != 0) out += sep;
        out += parts[i];
    }
    return out;
}

inline bool startsWith(const std::string& s, const std::string& prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace common
"""

TYPES_H = """\
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace common {

using Id = std::uint64_t;

struct Point {
    double x = 0.0;
    double y = 0.0;
};

inline double manhattan(const Point& a, const Point& b) {
    double dx = a.x - b.x;
    double dy = a.y - b.y;
    return (dx < 0 ? -dx : dx) + (dy < 0 ? -dy : dy);
}

template <typename T>
struct Range {
    T lo{};
    T hi{};
    bool contains(const T& v) const { return !(v < lo) && v < hi; }
    T width() const { return hi - lo; }
};

struct Tagged {
    Id id = 0;
    std::string tag;
    std::vector<int> values;
};

}  // namespace common
"""

CONFIG_H = """\
#pragma once

#include <map>
#include <optional>
#include <string>

namespace common {

class Config {
public:
    void set(const std::string& key, const std::string& value) { values_[key] = value; }

    std::optional<std::string> get(const std::string& key) const {
        auto it = values_.find(key);
        if (it == values_.end()) return std::nullopt;
        return it->second;
    }

    std::optional<int> getInt(const std::string& key) const {
        auto v = get(key);
        if (!v) return std::nullopt;
        int out = 0;
        for (char c : *v) {
            if (c < '0' || c > '9') return std::nullopt;
            out = out * 10 + (c - '0');
        }
        return out;
    }

    std::size_t size() const { return values_.size(); }

private:
    std::map<std::string, std::string> values_;
};

}  // namespace common
"""

SHARED_HEADERS = {
    "include/common/status.h": STATUS_H,
    "include/common/strings.h": STRINGS_H,
    "include/common/types.h": TYPES_H,
    "include/common/config.h": CONFIG_H,
}


# --------------------------------------------------------------------------
# function generators
#
# Each generator takes (rng, name) and returns (std_headers, repo_headers, code)
# where code is a list of lines at namespace scope. Names are unique per TU.
# --------------------------------------------------------------------------

def g_arith(rng, name):
    a, b, c = rng.randint(2, 9), rng.randint(3, 17), rng.randint(1, 5)
    code = [
        f"int {name}(int x, int y) {{",
        f"    int base = x * {a} + y;",
        f"    if (base > {b * 10}) {{",
        f"        base -= {b};",
        f"    }} else if (base < {-b}) {{",
        f"        base += {b} * {c};",
        "    }",
        f"    return base % {b + 3};",
        "}",
    ]
    return [], [], code


def g_loop_accumulate(rng, name):
    t = rng.randint(10, 60)
    code = [
        f"long {name}(const std::vector<int>& values) {{",
        "    long total = 0;",
        "    int streak = 0;",
        "    for (std::size_t i = 0; i < values.size(); ++i) {",
        "        int v = values[i];",
        "        if (v < 0) {",
        "            streak = 0;",
        "            continue;",
        "        }",
        f"        if (v > {t}) {{",
        "            total += v * 2;",
        "            ++streak;",
        f"        }} else if (v % {rng.randint(2, 5)} == 0) {{",
        "            total += v;",
        "        } else {",
        "            total -= 1;",
        "        }",
        f"        if (streak > {rng.randint(3, 8)}) {{",
        "            break;",
        "        }",
        "    }",
        "    return total;",
        "}",
    ]
    return ["<vector>", "<cstddef>"], [], code


def g_switch(rng, name):
    n = rng.randint(4, 9)
    code = [f"const char* {name}(int kind) {{", "    switch (kind) {"]
    words = rng.sample(["alpha", "beta", "gamma", "delta", "epsilon", "zeta",
                        "eta", "theta", "iota", "kappa", "lambda", "mu"], n)
    for i, w in enumerate(words):
        if i % 3 == 2:
            code.append(f"    case {i}:")
            code.append(f"    case {i + 100}:")
        else:
            code.append(f"    case {i}:")
        code.append(f'        return "{w}";')
    code += ["    default:", "        break;", "    }", '    return "unknown";', "}"]
    return [], [], code


def g_status_switch(rng, name):
    code = [
        f"common::Status {name}(int code, const std::string& context) {{",
        "    common::StatusCode c = common::StatusCode::kOk;",
        "    switch (code) {",
        "    case 0:",
        "        c = common::StatusCode::kOk;",
        "        break;",
        f"    case {rng.randint(1, 3)}:",
        "        c = common::StatusCode::kInvalid;",
        "        break;",
        f"    case {rng.randint(4, 6)}:",
        "        c = common::StatusCode::kNotFound;",
        "        break;",
        "    default:",
        "        c = common::StatusCode::kInternal;",
        "        break;",
        "    }",
        "    if (c == common::StatusCode::kOk) {",
        "        return common::Status::ok();",
        "    }",
        "    return common::Status(c, context + \": \" + common::codeName(c));",
        "}",
    ]
    return ["<string>"], ["common/status.h"], code


def g_string_process(rng, name):
    sep = rng.choice([",", ";", "|", ":"])
    code = [
        f"std::string {name}(const std::string& input) {{",
        "    std::string out;",
        "    out.reserve(input.size());",
        "    bool upper = true;",
        "    for (char c : input) {",
        f"        if (c == '{sep}') {{",
        "            out.push_back('_');",
        "            upper = true;",
        "            continue;",
        "        }",
        "        if (c >= 'a' && c <= 'z' && upper) {",
        "            out.push_back(static_cast<char>(c - 'a' + 'A'));",
        "            upper = false;",
        "        } else if (c == ' ') {",
        "            upper = true;",
        "        } else {",
        "            out.push_back(c);",
        "        }",
        "    }",
        "    return common::trim(out);",
        "}",
    ]
    return ["<string>"], ["common/strings.h"], code


def g_lambda_sort(rng, name):
    k = rng.randint(2, 7)
    code = [
        f"std::vector<int> {name}(std::vector<int> values, int pivot) {{",
        "    auto distance = [pivot](int v) { return v > pivot ? v - pivot : pivot - v; };",
        "    std::sort(values.begin(), values.end(), [&](int a, int b) {",
        "        int da = distance(a);",
        "        int db = distance(b);",
        "        if (da != db) return da < db;",
        "        return a < b;",
        "    });",
        f"    auto tooFar = [&](int v) {{ return distance(v) > {k} * 10; }};",
        "    values.erase(std::remove_if(values.begin(), values.end(), tooFar), values.end());",
        "    return values;",
        "}",
    ]
    return ["<vector>", "<algorithm>"], [], code


def g_lambda_count(rng, name):
    code = [
        f"std::size_t {name}(const std::vector<std::string>& words, std::size_t minLen) {{",
        "    std::size_t longOnes = static_cast<std::size_t>(std::count_if(",
        "        words.begin(), words.end(),",
        "        [minLen](const std::string& w) { return w.size() >= minLen; }));",
        "    std::vector<std::size_t> lengths(words.size());",
        "    std::transform(words.begin(), words.end(), lengths.begin(),",
        "                   [](const std::string& w) { return w.size(); });",
        f"    std::size_t bonus = std::accumulate(lengths.begin(), lengths.end(), std::size_t{{0}}) / {rng.randint(3, 11)};",
        "    return longOnes + bonus;",
        "}",
    ]
    return ["<vector>", "<string>", "<algorithm>", "<numeric>", "<cstddef>"], [], code


def g_try_catch(rng, name):
    dflt = rng.randint(-5, 5)
    code = [
        f"int {name}(const std::string& text) {{",
        "    try {",
        "        std::size_t used = 0;",
        "        int value = std::stoi(text, &used);",
        "        if (used != text.size()) {",
        "            throw std::invalid_argument(\"trailing characters\");",
        "        }",
        f"        return value > {rng.randint(100, 999)} ? -1 : value;",
        "    } catch (const std::out_of_range&) {",
        f"        return {dflt - 1};",
        "    } catch (const std::invalid_argument& e) {",
        "        if (std::string(e.what()).empty()) {",
        f"            return {dflt};",
        "        }",
        f"        return {dflt + 1};",
        "    }",
        "}",
    ]
    return ["<string>", "<stdexcept>", "<cstddef>"], [], code


def g_word_count(rng, name):
    mapt = rng.choice(["std::map", "std::unordered_map"])
    hdr = "<map>" if mapt == "std::map" else "<unordered_map>"
    sep = rng.choice(["' '", "','", "'\\t'"])
    code = [
        f"{mapt}<std::string, int> {name}(const std::string& text) {{",
        f"    {mapt}<std::string, int> counts;",
        f"    for (const auto& raw : common::split(text, {sep})) {{",
        "        std::string word = common::trim(raw);",
        "        if (word.empty()) {",
        "            continue;",
        "        }",
        "        ++counts[word];",
        "    }",
        "    for (auto it = counts.begin(); it != counts.end();) {",
        f"        if (it->second > {rng.randint(5, 50)}) {{",
        "            it = counts.erase(it);",
        "        } else {",
        "            ++it;",
        "        }",
        "    }",
        "    return counts;",
        "}",
    ]
    return [hdr, "<string>"], ["common/strings.h"], code


def g_matrix(rng, name):
    code = [
        f"std::vector<std::vector<double>> {name}(const std::vector<std::vector<double>>& a,",
        f"{' ' * (len(name) + 35)}const std::vector<std::vector<double>>& b) {{",
        "    std::vector<std::vector<double>> out;",
        "    if (a.empty() || b.empty() || a[0].size() != b.size()) {",
        "        return out;",
        "    }",
        "    out.assign(a.size(), std::vector<double>(b[0].size(), 0.0));",
        "    for (std::size_t i = 0; i < a.size(); ++i) {",
        "        for (std::size_t k = 0; k < b.size(); ++k) {",
        "            double aik = a[i][k];",
        "            if (aik == 0.0) {",
        "                continue;",
        "            }",
        "            for (std::size_t j = 0; j < b[k].size(); ++j) {",
        "                out[i][j] += aik * b[k][j];",
        "            }",
        "        }",
        "    }",
        "    return out;",
        "}",
    ]
    return ["<vector>", "<cstddef>"], [], code


def g_optional_lookup(rng, name):
    key = rng.choice(["limit", "depth", "retries", "width", "timeout"])
    code = [
        f"std::optional<int> {name}(const common::Config& cfg, const std::string& prefix) {{",
        f"    auto direct = cfg.getInt(prefix + \".{key}\");",
        "    if (direct) {",
        f"        return *direct > {rng.randint(10, 99)} ? std::optional<int>() : direct;",
        "    }",
        f"    auto fallback = cfg.get(\"default.{key}\");",
        "    if (!fallback || fallback->empty()) {",
        "        return std::nullopt;",
        "    }",
        "    return static_cast<int>(fallback->size());",
        "}",
    ]
    return ["<optional>", "<string>"], ["common/config.h"], code


def g_recursive(rng, name):
    code = [
        f"long {name}(int n, int depth) {{",
        f"    if (n <= 1 || depth > {rng.randint(8, 20)}) {{",
        "        return n < 0 ? 0 : n;",
        "    }",
        "    if (n % 2 == 0) {",
        f"        return {name}(n / 2, depth + 1) + 1;",
        "    }",
        f"    return {name}(3 * n + 1, depth + 1) + 1;",
        "}",
    ]
    return [], [], code


def g_while(rng, name):
    code = [
        f"std::size_t {name}(const std::string& s, char open, char close) {{",
        "    std::size_t i = 0;",
        "    std::size_t best = 0;",
        "    int depth = 0;",
        "    while (i < s.size()) {",
        "        char c = s[i++];",
        "        if (c == open) {",
        "            ++depth;",
        "        } else if (c == close) {",
        "            if (depth == 0) {",
        "                break;",
        "            }",
        "            --depth;",
        "        } else {",
        "            continue;",
        "        }",
        "        if (static_cast<std::size_t>(depth) > best) {",
        "            best = static_cast<std::size_t>(depth);",
        "        }",
        "    }",
        "    do {",
        "        best += depth > 0 ? 1 : 0;",
        "    } while (false);",
        "    return best;",
        "}",
    ]
    return ["<string>", "<cstddef>"], [], code


def g_callbacks(rng, name):
    code = [
        f"int {name}(const std::vector<int>& values,",
        f"{' ' * (len(name) + 5)}const std::function<bool(int)>& keep,",
        f"{' ' * (len(name) + 5)}const std::function<int(int)>& weigh) {{",
        "    int sum = 0;",
        "    for (int v : values) {",
        "        if (!keep || keep(v)) {",
        "            sum += weigh ? weigh(v) : v;",
        "        }",
        "    }",
        "    std::function<int(int)> shrink = [&shrink](int x) {",
        f"        return x > {rng.randint(100, 1000)} ? shrink(x / 2) : x;",
        "    };",
        "    return shrink(sum);",
        "}",
    ]
    return ["<functional>", "<vector>"], [], code


def g_smart_ptr(rng, name):
    sname = name[0].upper() + name[1:] + "Node"
    code = [
        f"struct {sname} {{",
        "    int value = 0;",
        f"    std::unique_ptr<{sname}> left;",
        f"    std::unique_ptr<{sname}> right;",
        "};",
        "",
        f"int {name}(const std::vector<int>& values) {{",
        f"    std::unique_ptr<{sname}> root;",
        "    for (int v : values) {",
        f"        std::unique_ptr<{sname}>* slot = &root;",
        "        while (*slot) {",
        "            slot = v < (*slot)->value ? &(*slot)->left : &(*slot)->right;",
        "        }",
        f"        *slot = std::make_unique<{sname}>();",
        "        (*slot)->value = v;",
        "    }",
        "    int depth = 0;",
        f"    for (const {sname}* n = root.get(); n != nullptr; n = n->left.get()) {{",
        "        ++depth;",
        "    }",
        "    auto shared = std::make_shared<int>(depth);",
        "    return *shared;",
        "}",
    ]
    return ["<memory>", "<vector>"], [], code


def g_stream(rng, name):
    use_io = rng.random() < 0.4
    code = [
        f"std::string {name}(const std::vector<double>& values, int precision) {{",
        "    std::ostringstream os;",
        "    os << '[';",
        "    for (std::size_t i = 0; i < values.size(); ++i) {",
        "        if (i > 0) {",
        "            os << \", \";",
        "        }",
        "        os.precision(precision);",
        "        os << values[i];",
        "    }",
        "    os << ']';",
    ]
    if use_io:
        code += [
            f"    if (values.size() > {rng.randint(1000, 5000)}) {{",
            "        std::cerr << \"large vector: \" << values.size() << '\\n';",
            "    }",
        ]
    code += ["    return os.str();", "}"]
    hdrs = ["<sstream>", "<string>", "<vector>", "<cstddef>"]
    if use_io:
        hdrs.append("<iostream>")
    return hdrs, [], code


def g_template(rng, name):
    code = [
        "template <typename T>",
        f"T {name}Clamp(T v, T lo, T hi) {{",
        "    if (v < lo) {",
        "        return lo;",
        "    }",
        "    if (hi < v) {",
        "        return hi;",
        "    }",
        "    return v;",
        "}",
        "",
        "template <typename Container, typename Pred>",
        f"std::size_t {name}CountIf(const Container& c, Pred pred) {{",
        "    std::size_t n = 0;",
        "    for (const auto& item : c) {",
        "        if (pred(item)) {",
        "            ++n;",
        "        }",
        "    }",
        "    return n;",
        "}",
        "",
        f"double {name}(const std::vector<double>& xs) {{",
        "    double total = 0.0;",
        "    for (double x : xs) {",
        f"        total += {name}Clamp(x, {rng.randint(-10, 0)}.0, {rng.randint(1, 50)}.0);",
        "    }",
        f"    std::size_t positive = {name}CountIf(xs, [](double x) {{ return x > 0.0; }});",
        "    return positive == 0 ? total : total / static_cast<double>(positive);",
        "}",
    ]
    return ["<vector>", "<cstddef>"], [], code


def g_points(rng, name):
    code = [
        f"common::Point {name}(const std::vector<common::Point>& pts, const common::Point& origin) {{",
        "    common::Point best = origin;",
        "    double bestDist = -1.0;",
        "    common::Range<double> window{0.0, " + f"{rng.randint(5, 200)}.0" + "};",
        "    for (const auto& p : pts) {",
        "        double d = common::manhattan(p, origin);",
        "        if (!window.contains(d)) {",
        "            continue;",
        "        }",
        "        if (d > bestDist) {",
        "            bestDist = d;",
        "            best = p;",
        "        }",
        "    }",
        "    return best;",
        "}",
    ]
    return ["<vector>"], ["common/types.h"], code


def g_tagged(rng, name):
    code = [
        f"std::vector<common::Id> {name}(const std::vector<common::Tagged>& items, const std::string& prefix) {{",
        "    std::vector<common::Id> ids;",
        "    for (const auto& item : items) {",
        "        if (!common::startsWith(item.tag, prefix)) {",
        "            continue;",
        "        }",
        "        int sum = 0;",
        "        for (int v : item.values) {",
        f"            sum += v > {rng.randint(0, 9)} ? v : -v;",
        "        }",
        "        if (sum >= 0) {",
        "            ids.push_back(item.id);",
        "        }",
        "    }",
        "    std::sort(ids.begin(), ids.end());",
        "    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());",
        "    return ids;",
        "}",
    ]
    return ["<vector>", "<string>", "<algorithm>"], ["common/types.h", "common/strings.h"], code


def g_class(rng, name):
    cname = rng.choice(CLASS_NOUNS) + name[0].upper() + name[1:]
    cap = rng.randint(4, 64)
    code = [
        f"class {cname} {{",
        "public:",
        f"    explicit {cname}(std::size_t capacity) : capacity_(capacity) {{}}",
        "",
        "    bool add(const std::string& key, int value);",
        "    std::optional<int> find(const std::string& key) const;",
        "    int total() const;",
        "    std::size_t evict(int threshold);",
        "",
        "private:",
        "    std::size_t capacity_;",
        "    std::vector<std::pair<std::string, int>> items_;",
        "};",
        "",
        f"bool {cname}::add(const std::string& key, int value) {{",
        "    for (auto& item : items_) {",
        "        if (item.first == key) {",
        "            item.second += value;",
        "            return false;",
        "        }",
        "    }",
        "    if (items_.size() >= capacity_) {",
        "        items_.erase(items_.begin());",
        "    }",
        "    items_.emplace_back(key, value);",
        "    return true;",
        "}",
        "",
        f"std::optional<int> {cname}::find(const std::string& key) const {{",
        "    auto it = std::find_if(items_.begin(), items_.end(),",
        "                           [&key](const auto& item) { return item.first == key; });",
        "    if (it == items_.end()) {",
        "        return std::nullopt;",
        "    }",
        "    return it->second;",
        "}",
        "",
        f"int {cname}::total() const {{",
        "    int sum = 0;",
        "    for (const auto& item : items_) {",
        "        sum += item.second;",
        "    }",
        "    return sum;",
        "}",
        "",
        f"std::size_t {cname}::evict(int threshold) {{",
        "    std::size_t before = items_.size();",
        "    items_.erase(std::remove_if(items_.begin(), items_.end(),",
        "                                [threshold](const auto& item) { return item.second < threshold; }),",
        "                 items_.end());",
        "    return before - items_.size();",
        "}",
        "",
        f"int {name}(const std::vector<std::string>& keys) {{",
        f"    {cname} store({cap});",
        "    int step = 1;",
        "    for (const auto& k : keys) {",
        "        store.add(k, step++);",
        "    }",
        f"    store.evict({rng.randint(1, 5)});",
        "    auto first = keys.empty() ? std::optional<int>() : store.find(keys.front());",
        "    return store.total() + first.value_or(0);",
        "}",
    ]
    return ["<vector>", "<string>", "<optional>", "<utility>", "<algorithm>", "<cstddef>"], [], code


def g_enum_state(rng, name):
    ename = name[0].upper() + name[1:] + "State"
    code = [
        f"enum class {ename} {{ kIdle, kRunning, kBlocked, kDone }};",
        "",
        f"{ename} {name}({ename} s, int signal) {{",
        "    switch (s) {",
        f"    case {ename}::kIdle:",
        f"        return signal > 0 ? {ename}::kRunning : {ename}::kIdle;",
        f"    case {ename}::kRunning:",
        f"        if (signal < 0) {{",
        f"            return {ename}::kBlocked;",
        "        }",
        f"        return signal > {rng.randint(3, 9)} ? {ename}::kDone : {ename}::kRunning;",
        f"    case {ename}::kBlocked:",
        f"        return signal == 0 ? {ename}::kRunning : {ename}::kBlocked;",
        f"    case {ename}::kDone:",
        "        break;",
        "    }",
        f"    return {ename}::kDone;",
        "}",
    ]
    return [], [], code


def g_set_ops(rng, name):
    code = [
        f"std::vector<int> {name}(const std::vector<int>& a, const std::vector<int>& b) {{",
        "    std::set<int> left(a.begin(), a.end());",
        "    std::set<int> right(b.begin(), b.end());",
        "    std::vector<int> out;",
        "    std::set_symmetric_difference(left.begin(), left.end(), right.begin(), right.end(),",
        "                                  std::back_inserter(out));",
        f"    if (out.size() > {rng.randint(8, 40)}) {{",
        f"        out.resize({rng.randint(4, 8)});",
        "    }",
        "    return out;",
        "}",
    ]
    return ["<vector>", "<set>", "<algorithm>", "<iterator>"], [], code


def g_complex(rng, name):
    """A deliberately tangled function (nested loops + switch + conditions),
    so that some functions in the repo cross typical complexity thresholds."""
    cases = [
        [f"        case 0:",
         f"            if (v > {rng.randint(5, 50)}) {{",
         "                score += v;",
         "            } else if (v < 0) {",
         "                score -= v;",
         "            }",
         "            break;"],
        ["        case 1:",
         f"            while (v > 0 && score < {rng.randint(100, 900)}) {{",
         "                score += v % 10;",
         "                v /= 10;",
         "            }",
         "            break;"],
        ["        case 2:",
         "            for (int k = 0; k < v; ++k) {",
         f"                if (k % {rng.randint(2, 5)} == 0) {{",
         "                    continue;",
         "                }",
         "                score += k;",
         "            }",
         "            break;"],
        ["        case 3:",
         "            try {",
         "                score += static_cast<int>(row.at(c + 1)) - v;",
         "            } catch (const std::out_of_range&) {",
         "                score += v > 0 ? 1 : -1;",
         "            }",
         "            break;"],
    ]
    picked = sorted(rng.sample(range(len(cases)), rng.randint(1, 4)))
    code = [
        f"int {name}(const std::vector<std::vector<int>>& grid, int mode) {{",
        "    int score = 0;",
        "    for (std::size_t r = 0; r < grid.size(); ++r) {",
        "        const auto& row = grid[r];",
        "        if (row.empty()) {",
        "            continue;",
        "        }",
        "        for (std::size_t c = 0; c < row.size(); ++c) {",
        "            int v = row[c];",
        "            switch (mode) {",
    ]
    for i in picked:
        code += ["    " + line for line in cases[i]]
    code += [
        "            default:",
        "                score += ((v > 0 && mode > 5) || v == -1) ? 1 : 0;",
        "                break;",
        "            }",
        "        }",
        f"        if (score > {rng.randint(1000, 9000)} && (mode == 1 || r % 2 == 0)) {{",
        "            break;",
        "        }",
        "    }",
        "    return score;",
        "}",
    ]
    return ["<vector>", "<cstddef>", "<stdexcept>"], [], code


GENERATORS = [
    (g_arith, 3), (g_loop_accumulate, 4), (g_switch, 3), (g_status_switch, 2),
    (g_string_process, 3), (g_lambda_sort, 3), (g_lambda_count, 2),
    (g_try_catch, 3), (g_word_count, 3), (g_matrix, 1), (g_optional_lookup, 2),
    (g_recursive, 2), (g_while, 2), (g_callbacks, 2), (g_smart_ptr, 1),
    (g_stream, 2), (g_points, 2), (g_tagged, 2), (g_enum_state, 2), (g_set_ops, 1),
    (g_complex, 2),
]
GEN_FUNCS = [g for g, _ in GENERATORS]
GEN_WEIGHTS = [w for _, w in GENERATORS]


# --------------------------------------------------------------------------
# repo layout
# --------------------------------------------------------------------------

def plan_units(n_tus):
    """Return a list of (tu_index, module, unit_in_module, pair_in_module)."""
    n_mod = min(MODULES, n_tus)
    units = []
    per_mod = [0] * n_mod
    for i in range(n_tus):
        m = i % n_mod
        k = per_mod[m]
        per_mod[m] += 1
        units.append((i, m, k, k // 2))
    return units, n_mod


def pair_header(mod, pair, members):
    ns = f"mod{mod}"
    lines = [
        "#pragma once",
        "",
        "#include <string>",
        "#include <vector>",
        "",
        '#include "common/status.h"',
        "",
        f"namespace {ns} {{",
        "",
        f"struct PairRecord{pair} {{",
        "    int id = 0;",
        "    std::string name;",
        "    double weight = 0.0;",
        "};",
        "",
        f"inline double pairWeight{pair}(const std::vector<PairRecord{pair}>& rs) {{",
        "    double w = 0.0;",
        "    for (const auto& r : rs) {",
        "        w += r.weight;",
        "    }",
        "    return w;",
        "}",
        "",
    ]
    for k in members:
        lines.append(f"common::Status unit{k}Entry(const std::vector<PairRecord{pair}>& records);")
    lines += ["", f"}}  // namespace {ns}", ""]
    return "\n".join(lines)


def make_tu(rng, mod, k, pair):
    target_lines = rng.randint(140, 340)
    max_funcs = rng.randint(14, 25)
    std_hdrs = ["<string>", "<vector>"]
    repo_hdrs = ["common/status.h", f"mod{mod}/pair_{pair}.h"]
    body = []
    used_names = set()
    n_funcs = 0
    have_class = False
    have_template = False
    while n_funcs < 10 or (len(body) < target_lines and n_funcs < max_funcs):
        if not have_class and (n_funcs >= 3 and rng.random() < 0.35 or n_funcs == 8):
            gen = g_class
            have_class = True
        elif not have_template and (rng.random() < 0.25 or n_funcs == 6):
            gen = g_template
            have_template = True
        else:
            gen = rng.choices(GEN_FUNCS, weights=GEN_WEIGHTS)[0]
        while True:
            base = rng.choice(VERBS) + rng.choice(NOUNS).capitalize()
            if base not in used_names:
                break
        used_names.add(base)
        sh, rh, code = gen(rng, base)
        for h in sh:
            if h not in std_hdrs:
                std_hdrs.append(h)
        for h in rh:
            if h not in repo_hdrs:
                repo_hdrs.append(h)
        body += code + [""]
        # a class counts as its methods plus the driver function
        n_funcs += 6 if gen is g_class else (3 if gen is g_template else 1)

    for h in rng.sample(EXTRA_STD, rng.randint(0, 3)):
        if h not in std_hdrs:
            std_hdrs.append(h)

    entry = [
        f"common::Status unit{k}Entry(const std::vector<PairRecord{pair}>& records) {{",
        "    if (records.empty()) {",
        f'        return common::Status::invalid("mod{mod}/unit{k}: no records");',
        "    }",
        "    int positive = 0;",
        "    for (const auto& r : records) {",
        "        if (r.weight > 0.0 && !r.name.empty()) {",
        "            ++positive;",
        "        }",
        "    }",
        f"    if (pairWeight{pair}(records) < {rng.randint(1, 9)}.0 || positive == 0) {{",
        f'        return common::Status::notFound("mod{mod}/unit{k}: nothing selected");',
        "    }",
        "    return common::Status::ok();",
        "}",
    ]

    out = [f"// mod{mod}/unit_{k}.cpp - synthetic translation unit (generated)", ""]
    # own pair header first, then other repo headers, then std headers (sorted)
    out.append(f'#include "mod{mod}/pair_{pair}.h"')
    out.append("")
    for h in sorted(h for h in repo_hdrs if h.startswith("common/")):
        out.append(f'#include "{h}"')
    out.append("")
    for h in sorted(std_hdrs):
        out.append(f"#include {h}")
    out += ["", f"namespace mod{mod} {{", ""]
    out += body
    out += entry
    out += ["", f"}}  // namespace mod{mod}", ""]
    return "\n".join(out)


CMAKELISTS = """\
cmake_minimum_required(VERSION 3.16)
project(synthetic_repo CXX)
set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
file(GLOB_RECURSE SOURCES CONFIGURE_DEPENDS src/*.cpp)
add_library(synthetic STATIC ${SOURCES})
target_include_directories(synthetic PUBLIC include src)
"""

GITIGNORE = "/compile_commands.json\n/build/\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def git(dest, *args):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": dest,                      # no ~/.gitconfig is consulted
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "Synthetic Bench",
        "GIT_AUTHOR_EMAIL": "bench@example.invalid",
        "GIT_AUTHOR_DATE": "2024-01-01T00:00:00+0000",
        "GIT_COMMITTER_NAME": "Synthetic Bench",
        "GIT_COMMITTER_EMAIL": "bench@example.invalid",
        "GIT_COMMITTER_DATE": "2024-01-01T00:00:00+0000",
        "LC_ALL": "C",
    }
    subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false",
                    "-c", "core.autocrlf=false", *args],
                   cwd=dest, env=env, check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dest")
    ap.add_argument("--tus", type=int, default=72, help="number of .cpp files (default 72)")
    ap.add_argument("--seed", type=int, default=1, help="RNG seed (default 1)")
    ap.add_argument("--no-git", action="store_true", help="skip git init/commit")
    args = ap.parse_args()
    if args.tus < 1:
        ap.error("--tus must be >= 1")

    dest = os.path.abspath(args.dest)
    if os.path.exists(dest) and os.listdir(dest):
        print(f"make-synthetic-repo: {dest} exists and is not empty", file=sys.stderr)
        return 2
    os.makedirs(dest, exist_ok=True)

    rng = random.Random(args.seed)
    for rel, text in SHARED_HEADERS.items():
        write(os.path.join(dest, rel), text)

    units, _ = plan_units(args.tus)
    pairs = {}
    for _, m, k, p in units:
        pairs.setdefault((m, p), []).append(k)
    for (m, p), members in sorted(pairs.items()):
        write(os.path.join(dest, f"src/mod{m}/pair_{p}.h"), pair_header(m, p, members))

    commands = []
    for _, m, k, p in units:
        rel = f"src/mod{m}/unit_{k}.cpp"
        path = os.path.join(dest, rel)
        write(path, make_tu(rng, m, k, p))
        commands.append({
            "directory": dest,
            "arguments": ["/usr/bin/c++", "-std=c++17", "-O2", "-Wall",
                          f"-I{dest}/include", f"-I{dest}/src",
                          "-c", path, "-o", os.path.join(dest, "build", rel + ".o")],
            "file": path,
        })

    write(os.path.join(dest, "CMakeLists.txt"), CMAKELISTS)
    write(os.path.join(dest, ".gitignore"), GITIGNORE)
    write(os.path.join(dest, "compile_commands.json"), json.dumps(commands, indent=2) + "\n")

    if not args.no_git:
        git(dest, "init", "-q")
        git(dest, "add", "-A")
        git(dest, "commit", "-q", "-m", f"synthetic repo: {args.tus} TUs, seed {args.seed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
