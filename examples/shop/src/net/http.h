#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shop::net {

enum class ParseError {
    None,
    Empty,
    BadRequestLine,
    BadMethod,
    BadTarget,
    BadVersion,
    BadHeader,
    HeaderTooLong,
    TooManyHeaders,
    DuplicateHeader,
    BadContentLength,
    BadTransferEncoding,
    BodyTooShort,
    BodyTooLarge,
    BadChunk,
};

struct Header {
    std::string name;
    std::string value;
};

struct Request {
    std::string method;
    std::string target;
    std::string path;
    std::string query;
    int version_major = 1;
    int version_minor = 1;
    std::vector<Header> headers;
    std::string host;
    long long content_length = -1;
    bool chunked = false;
    bool keep_alive = true;
    std::string body;
};

struct Limits {
    std::size_t max_header_line = 8192;
    std::size_t max_headers = 64;
    std::size_t max_body = 1 << 20;
};

const char* error_name(ParseError error);

ParseError parse_request_line(std::string_view line, Request& out);
ParseError parse_header(std::string_view line, Request& out, const Limits& limits);
ParseError parse_request(std::string_view raw, Request& out, const Limits& limits = Limits{});
ParseError decode_chunked(std::string_view data, std::string& body, std::size_t max_body);

std::string url_decode(std::string_view text, bool plus_as_space);
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query);
const Header* find_header(const Request& request, std::string_view name);

}  // namespace shop::net
