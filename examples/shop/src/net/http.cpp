#include "net/http.h"

#include <cctype>

#include "util/strings.h"

namespace shop::net {
namespace {

constexpr auto npos = std::string_view::npos;

bool is_tchar(char c) {
    if (std::isalnum(static_cast<unsigned char>(c))) return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*':
    case '+': case '-': case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

bool is_token(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text) {
        if (!is_tchar(c)) return false;
    }
    return true;
}

bool is_ows(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_ows(std::string_view text) {
    while (!text.empty() && is_ows(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_ows(text.back())) text.remove_suffix(1);
    return text;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

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

bool parse_decimal(std::string_view text, long long& out) {
    if (text.empty() || text.size() > 18) return false;
    long long value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

bool known_method(std::string_view method) {
    return method == "GET" || method == "POST" || method == "PUT" || method == "DELETE" ||
           method == "HEAD" || method == "PATCH" || method == "OPTIONS";
}

}  // namespace

const char* error_name(ParseError error) {
    switch (error) {
    case ParseError::None: return "none";
    case ParseError::Empty: return "empty";
    case ParseError::BadRequestLine: return "bad request line";
    case ParseError::BadMethod: return "bad method";
    case ParseError::BadTarget: return "bad target";
    case ParseError::BadVersion: return "bad version";
    case ParseError::BadHeader: return "bad header";
    case ParseError::HeaderTooLong: return "header too long";
    case ParseError::TooManyHeaders: return "too many headers";
    case ParseError::DuplicateHeader: return "duplicate header";
    case ParseError::BadContentLength: return "bad content-length";
    case ParseError::BadTransferEncoding: return "bad transfer-encoding";
    case ParseError::BodyTooShort: return "body too short";
    case ParseError::BodyTooLarge: return "body too large";
    case ParseError::BadChunk: return "bad chunk";
    }
    return "unknown";
}

ParseError parse_request_line(std::string_view line, Request& out) {
    if (line.empty()) return ParseError::Empty;
    const std::size_t sp1 = line.find(' ');
    if (sp1 == npos || sp1 == 0) return ParseError::BadRequestLine;
    const std::size_t sp2 = line.find(' ', sp1 + 1);
    if (sp2 == npos || sp2 == sp1 + 1) return ParseError::BadRequestLine;
    if (line.find(' ', sp2 + 1) != npos) return ParseError::BadRequestLine;

    const std::string_view method = line.substr(0, sp1);
    const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    const std::string_view version = line.substr(sp2 + 1);

    if (!is_token(method) || !known_method(method)) return ParseError::BadMethod;
    if (target[0] != '/' && !(target == "*" && method == "OPTIONS")) return ParseError::BadTarget;
    if (version.size() != 8 || version.compare(0, 5, "HTTP/") != 0 || version[6] != '.' ||
        !std::isdigit(static_cast<unsigned char>(version[5])) ||
        !std::isdigit(static_cast<unsigned char>(version[7]))) {
        return ParseError::BadVersion;
    }
    out.version_major = version[5] - '0';
    out.version_minor = version[7] - '0';
    if (out.version_major != 1) return ParseError::BadVersion;

    out.method = std::string(method);
    out.target = std::string(target);
    const std::size_t question = target.find('?');
    const std::size_t hash = target.find('#');
    const std::size_t path_end = question < hash ? question : hash;
    out.path = url_decode(target.substr(0, path_end), false);
    if (question != npos && question < hash) {
        const std::size_t query_end = hash == npos ? target.size() : hash;
        out.query = std::string(target.substr(question + 1, query_end - question - 1));
    }
    out.keep_alive = out.version_minor >= 1;
    return ParseError::None;
}

ParseError parse_header(std::string_view line, Request& out, const Limits& limits) {
    if (line.size() > limits.max_header_line) return ParseError::HeaderTooLong;
    if (line.empty()) return ParseError::BadHeader;

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

    const std::size_t colon = line.find(':');
    if (colon == npos || colon == 0) return ParseError::BadHeader;
    const std::string_view name = line.substr(0, colon);
    if (!is_token(name)) return ParseError::BadHeader;
    const std::string_view value = trim_ows(line.substr(colon + 1));
    for (char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t') || byte == 0x7f) return ParseError::BadHeader;
    }
    if (out.headers.size() >= limits.max_headers) return ParseError::TooManyHeaders;

    if (util::iequals(name, "Content-Length")) {
        long long length = 0;
        if (!parse_decimal(value, length)) return ParseError::BadContentLength;
        if (out.content_length >= 0 && out.content_length != length) {
            return ParseError::DuplicateHeader;
        }
        if (length > static_cast<long long>(limits.max_body)) return ParseError::BodyTooLarge;
        out.content_length = length;
    } else if (util::iequals(name, "Transfer-Encoding")) {
        const std::string codings = util::to_lower(value);
        if (util::ends_with(codings, "chunked")) {
            out.chunked = true;
        } else if (codings != "identity") {
            return ParseError::BadTransferEncoding;
        }
    } else if (util::iequals(name, "Host")) {
        if (!out.host.empty()) return ParseError::DuplicateHeader;
        if (value.empty() || value.find_first_of(" /\\@") != npos) return ParseError::BadHeader;
        out.host = std::string(value);
    } else if (util::iequals(name, "Connection")) {
        const std::string options = util::to_lower(value);
        if (options.find("close") != std::string::npos) {
            out.keep_alive = false;
        } else if (options.find("keep-alive") != std::string::npos) {
            out.keep_alive = true;
        }
    } else if (util::iequals(name, "Expect")) {
        if (!util::iequals(value, "100-continue")) return ParseError::BadHeader;
    }

    out.headers.push_back(Header{std::string(name), std::string(value)});
    return ParseError::None;
}

ParseError decode_chunked(std::string_view data, std::string& body, std::size_t max_body) {
    body.clear();
    std::string_view rest = data;
    std::string_view line;
    for (;;) {
        if (!next_line(rest, line)) return ParseError::BadChunk;
        const std::size_t semicolon = line.find(';');  // chunk extensions are ignored
        const std::string_view size_text = trim_ows(line.substr(0, semicolon));
        if (size_text.empty() || size_text.size() > 8) return ParseError::BadChunk;
        std::size_t size = 0;
        for (char c : size_text) {
            const int digit = hex_value(c);
            if (digit < 0) return ParseError::BadChunk;
            size = size * 16 + static_cast<std::size_t>(digit);
        }
        if (size == 0) break;
        if (body.size() + size > max_body) return ParseError::BodyTooLarge;
        if (rest.size() < size) return ParseError::BodyTooShort;
        body.append(rest.data(), size);
        rest.remove_prefix(size);
        if (rest.substr(0, 2) == "\r\n") {
            rest.remove_prefix(2);
        } else if (!rest.empty() && rest[0] == '\n') {
            rest.remove_prefix(1);
        } else {
            return ParseError::BadChunk;
        }
    }
    // Trailer fields are read and dropped.
    while (next_line(rest, line)) {
        if (line.empty()) break;
    }
    return ParseError::None;
}

ParseError parse_request(std::string_view raw, Request& out, const Limits& limits) {
    out = Request{};
    if (raw.empty()) return ParseError::Empty;

    std::string_view rest = raw;
    std::string_view line;
    // Robust servers ignore empty lines received before the request line.
    do {
        if (!next_line(rest, line)) return ParseError::BadRequestLine;
    } while (line.empty() && !rest.empty());
    if (line.size() > limits.max_header_line) return ParseError::HeaderTooLong;

    ParseError error = parse_request_line(line, out);
    if (error != ParseError::None) return error;

    bool saw_blank_line = false;
    while (next_line(rest, line)) {
        if (line.empty()) {
            saw_blank_line = true;
            break;
        }
        error = parse_header(line, out, limits);
        if (error != ParseError::None) return error;
    }
    if (!saw_blank_line) return ParseError::BadHeader;

    // Both framings at once is the classic request-smuggling vector: refuse it.
    if (out.chunked && out.content_length >= 0) return ParseError::BadTransferEncoding;
    if (out.chunked) return decode_chunked(rest, out.body, limits.max_body);

    if (out.content_length > 0) {
        const auto length = static_cast<std::size_t>(out.content_length);
        if (rest.size() < length) return ParseError::BodyTooShort;
        out.body = std::string(rest.substr(0, length));
    } else if (!rest.empty() && out.content_length < 0 &&
               (out.method == "POST" || out.method == "PUT" || out.method == "PATCH")) {
        return ParseError::BadContentLength;
    }
    if (out.version_minor == 0 && find_header(out, "Connection") == nullptr) {
        out.keep_alive = false;
    }
    return ParseError::None;
}

std::string url_decode(std::string_view text, bool plus_as_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size()) {
            const int high = hex_value(text[i + 1]);
            const int low = hex_value(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out += static_cast<char>(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += (c == '+' && plus_as_space) ? ' ' : c;
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query) {
    std::vector<std::pair<std::string, std::string>> params;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t amp = query.find('&', start);
        if (amp == npos) amp = query.size();
        const std::string_view part = query.substr(start, amp - start);
        if (!part.empty()) {
            const std::size_t eq = part.find('=');
            if (eq == npos) {
                params.emplace_back(url_decode(part, true), std::string());
            } else {
                params.emplace_back(url_decode(part.substr(0, eq), true),
                                    url_decode(part.substr(eq + 1), true));
            }
        }
        start = amp + 1;
    }
    return params;
}

const Header* find_header(const Request& request, std::string_view name) {
    for (const auto& header : request.headers) {
        if (util::iequals(header.name, name)) return &header;
    }
    return nullptr;
}

}  // namespace shop::net
