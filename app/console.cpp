#include "app/console.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

namespace stepup {
namespace {

constexpr size_t kKindWords = 6;
constexpr size_t kMaxMessage = 400;

// The source and the first words of the message, with every number read as
// "N" and every quoted part dropped: "3 error(s) while parsing" and
// "12 error(s) while parsing" are one kind.
std::string kind_of(const Diagnostic& d) {
  std::string text;
  bool in_quote = false;
  for (size_t i = 0; i < d.message.size(); ++i) {
    char c = d.message[i];
    if (c == '\'') in_quote = !in_quote;
    if (in_quote) continue;
    if (std::isdigit(static_cast<unsigned char>(c))) {
      if (text.empty() || text.back() != 'N') text += 'N';
      continue;
    }
    text += c;
  }
  std::istringstream words(text);
  std::string out = d.source, w;
  for (size_t n = 0; n < kKindWords && words >> w; ++n) out += " " + w;
  return out;
}

std::string spelled(const Diagnostic& d) {
  std::string message = d.message;
  if (message.size() > kMaxMessage) message = message.substr(0, kMaxMessage) + "...";
  return d.source + ": " + (d.path ? *d.path + ": " : "") + message;
}

}  // namespace

std::string console_diagnostics(const std::vector<Diagnostic>& diagnostics, Verbosity verbosity) {
  std::string out;
  if (verbosity == Verbosity::kVerbose) {
    for (const Diagnostic& d : diagnostics) {
      out += std::string("  ") + level_name(d.level) + ": " + spelled(d) + "\n";
    }
    return out;
  }
  struct Group {
    const Diagnostic* first = nullptr;
    size_t count = 0;
    size_t order = 0;
  };
  std::map<std::string, Group> groups;
  for (const Diagnostic& d : diagnostics) {
    if (d.level == Diagnostic::Level::kError) {
      out += "  error: " + spelled(d) + "\n";
    } else if (d.level == Diagnostic::Level::kWarning && verbosity == Verbosity::kNormal) {
      Group& g = groups[kind_of(d)];
      if (!g.first) {
        g.first = &d;
        g.order = groups.size();
      }
      ++g.count;
    }
  }
  std::vector<const Group*> sorted;
  for (const auto& [kind, g] : groups) sorted.push_back(&g);
  std::sort(sorted.begin(), sorted.end(), [](const Group* a, const Group* b) {
    return a->count != b->count ? a->count > b->count : a->order < b->order;
  });
  size_t shown = 0;
  for (const Group* g : sorted) {
    if (shown++ == kWarningGroups) break;
    out += "  warning: " + spelled(*g->first);
    if (g->count > 1) out += " (and " + std::to_string(g->count - 1) + " more like it)";
    out += "\n";
  }
  if (sorted.size() > kWarningGroups) {
    size_t rest = 0;
    for (size_t i = kWarningGroups; i < sorted.size(); ++i) rest += sorted[i]->count;
    out += "  ... " + std::to_string(rest) + " more warning(s) of " +
           std::to_string(sorted.size() - kWarningGroups) + " other kind(s) (-v shows all)\n";
  }
  return out;
}

}  // namespace stepup
