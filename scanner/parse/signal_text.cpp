#include "scanner/parse/signal_text.h"

#include <cctype>

namespace stepup {

namespace {

// Past a literal or comment starting at i, or i itself when none starts there.
size_t skip_literal(std::string_view t, size_t i) {
  if (t[i] == '"' || t[i] == '\'') {
    char q = t[i];
    for (size_t j = i + 1; j < t.size(); ++j) {
      if (t[j] == '\\') {
        ++j;
      } else if (t[j] == q || t[j] == '\n') {
        return j + 1;
      }
    }
    return t.size();
  }
  if (t[i] == '/' && i + 1 < t.size() && t[i + 1] == '/') {
    size_t nl = t.find('\n', i);
    return nl == std::string_view::npos ? t.size() : nl;
  }
  if (t[i] == '/' && i + 1 < t.size() && t[i + 1] == '*') {
    size_t end = t.find("*/", i + 2);
    return end == std::string_view::npos ? t.size() : end + 2;
  }
  return i;
}

}  // namespace

bool paren_span(std::string_view t, size_t from, size_t* open, size_t* close) {
  int depth = 0;
  for (size_t i = from; i < t.size();) {
    size_t past = skip_literal(t, i);
    if (past != i) {
      i = past;
      continue;
    }
    char c = t[i];
    if (c == '(') {
      if (depth++ == 0) *open = i;
    } else if (c == ')') {
      if (depth == 0) return false;
      if (--depth == 0) {
        *close = i;
        return true;
      }
    } else if (depth == 0 && (c == ';' || c == '{' || c == '}')) {
      return false;
    }
    ++i;
  }
  return false;
}

void for_semicolons(std::string_view t, size_t open, size_t close, size_t* first, size_t* second) {
  *first = *second = std::string_view::npos;
  int depth = 0;
  for (size_t i = open + 1; i < close && i < t.size();) {
    size_t past = skip_literal(t, i);
    if (past != i) {
      i = past;
      continue;
    }
    char c = t[i];
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
    if (c == ';' && depth == 0) {
      if (*first == std::string_view::npos) {
        *first = i;
      } else {
        *second = i;
        return;
      }
    }
    ++i;
  }
}

size_t label_colon(std::string_view t, size_t from) {
  for (size_t i = from; i < t.size();) {
    size_t past = skip_literal(t, i);
    if (past != i) {
      i = past;
      continue;
    }
    if (t[i] == ':') {
      if (i + 1 < t.size() && t[i + 1] == ':') {
        i += 2;
        continue;
      }
      return i;
    }
    if (t[i] == ';' || t[i] == '{') return std::string_view::npos;
    ++i;
  }
  return std::string_view::npos;
}

std::string squeeze(std::string_view s, size_t max) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (out.size() > max) {
    out.resize(max);
    out += "...";
  }
  return out;
}

}  // namespace stepup
