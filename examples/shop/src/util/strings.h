#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "shop/result.h"

namespace shop::util {

std::string_view trim(std::string_view text);
std::string to_lower(std::string_view text);
bool iequals(std::string_view a, std::string_view b);

bool starts_with(std::string_view text, std::string_view prefix);
bool ends_with(std::string_view text, std::string_view suffix);

std::vector<std::string> split(std::string_view text, char separator);
std::string join(const std::vector<std::string>& parts, std::string_view separator);
std::string replace_all(std::string text, std::string_view from, std::string_view to);
std::string pad_left(std::string_view text, std::size_t width, char fill = ' ');

Result<long long> parse_int(std::string_view text);

}  // namespace shop::util
