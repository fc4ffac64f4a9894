#include "scanner/history/commit_class.h"

#include <cctype>

namespace stepup {
namespace {

constexpr auto kFlags = std::regex::ECMAScript | std::regex::icase;

// A git trailer naming an issue, or GitHub's closing keyword, at a line's start.
const std::regex& issue_line() {
  static const std::regex re(
      R"(^(fix(e[sd])?|bugs?|close[sd]?|resolve[sd]?|issues?)[ \t]*:[ \t]*\S)"
      R"(|^(fix(e[sd])?|close[sd]?|resolve[sd]?)[ \t]+([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)?#[0-9]+)",
      kFlags);
  return re;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// An empty pattern matches nothing (std::regex's empty pattern would match
// everything).
bool any_line(const std::regex& re, bool empty, const std::string& first,
              const std::vector<std::string>& rest) {
  if (empty) return false;
  if (std::regex_search(first, re)) return true;
  for (const auto& line : rest) {
    if (std::regex_search(line, re)) return true;
  }
  return false;
}

bool is_hex_name(std::string_view s) {
  if (s.size() != 40 && s.size() != 64) return false;
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

MessageParts split_message(std::string_view message) {
  MessageParts parts;
  bool in_subject = true;
  size_t pos = 0;
  while (pos <= message.size()) {
    size_t end = message.find('\n', pos);
    if (end == std::string_view::npos) end = message.size();
    std::string_view raw = message.substr(pos, end - pos);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view line = trim(raw);
    pos = end + 1;
    if (in_subject) {
      if (line.empty()) {
        in_subject = parts.subject.empty();  // leading blank lines: still before it
        continue;
      }
      if (!parts.subject.empty()) parts.subject += ' ';
      parts.subject += std::string(line);
      continue;
    }
    // Trailers start at column 0, as git writes them; every key of
    // issue_line() starts with one of these letters (a cheap filter first).
    if (raw.empty() || std::string_view("FfBbCcRrIiTt").find(raw[0]) == std::string_view::npos) {
      continue;
    }
    std::string text(raw);
    if (text.rfind("This reverts commit ", 0) == 0) {
      parts.revert_lines.push_back(text);
    } else if (std::regex_search(text, issue_line())) {
      parts.trailers.push_back(std::string(trim(raw)));
    }
  }
  return parts;
}

FixClassifier::FixClassifier(const HistoryConfig& config)
    : fix_(config.fix_pattern, kFlags),
      non_defect_(config.non_defect_pattern, kFlags),
      no_fix_(config.fix_pattern.empty()),
      no_non_defect_(config.non_defect_pattern.empty()) {}

bool FixClassifier::names_fix(const MessageParts& parts) const {
  return any_line(fix_, no_fix_, parts.subject, parts.trailers);
}

bool FixClassifier::non_defect(const MessageParts& parts) const {
  return any_line(non_defect_, no_non_defect_, parts.subject, parts.revert_lines);
}

bool FixClassifier::is_fix(std::string_view message) const {
  MessageParts parts = split_message(message);
  return names_fix(parts) && !non_defect(parts);
}

bool is_mass_change(int64_t files, int64_t repo_files, const HistoryConfig& config) {
  if (files > config.max_changeset_files) return true;
  return repo_files >= kMassChangeMinRepoFiles &&
         static_cast<double>(files) > config.max_changeset_share * static_cast<double>(repo_files);
}

IgnoreRevs parse_ignore_revs(std::string_view text) {
  IgnoreRevs out;
  int number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    if (!is_hex_name(line)) {
      if (out.malformed++ == 0) out.first_malformed_line = number;
      continue;
    }
    std::string sha(line);
    for (char& c : sha) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.shas.insert(std::move(sha));
  }
  return out;
}

}  // namespace stepup
