#include "reports/skeleton_code.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace stepup {
namespace {

constexpr size_t kMaxTests = 12;

// A C++ string literal's body: quotes, backslashes and control bytes escaped.
std::string cxx_string(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  if (out.size() > 90) out = out.substr(0, 87) + "...";
  return out;
}

// Text for a // comment: one line, and no trailing backslash to splice the next.
std::string comment(const std::string& s) {
  std::string out;
  for (char c : s) out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  while (!out.empty() && (out.back() == '\\' || out.back() == ' ')) out.pop_back();
  return out;
}

// A line that holds no statement of its own: gcov counts none, so it does
// not end a run of lines no test reaches.
bool filler(const std::string& t) {
  static const std::set<std::string> kFiller = {"", "{", "}", "};", "else", "else {", "} else {"};
  return kFiller.count(t) || t.rfind("//", 0) == 0 || t.rfind("/*", 0) == 0 || t[0] == '*';
}

bool bridged(const std::string& source, int from, int to) {
  if (to == from + 1) return true;
  if (source.empty()) return false;
  for (int n = from + 1; n < to; ++n) {
    if (!filler(source_line(source, n))) return false;
  }
  return true;
}

std::string lines_of(int a, int b) {
  return a == b ? "line " + std::to_string(a)
                : "lines " + std::to_string(a) + "-" + std::to_string(b);
}

Decision exit_decision(const ErrorExit& e, const std::string& source, bool known_untested) {
  Decision d;
  d.line = e.condition_line ? e.condition_line : e.line;
  d.last_line = e.line;
  d.kind = "error-exit";
  d.quote = source.empty() ? e.condition : source_line(source, d.line);
  if (d.quote.empty()) d.quote = e.value;
  std::string exit = e.value.empty() ? e.kind : e.value;
  d.todo = std::string(known_untested ? "no test takes the error exit " : "take the error exit ") +
           "`" + exit + "` (line " + std::to_string(e.line) + ")" +
           (e.condition.empty() ? "" : " when `" + e.condition + "`") +
           ": make the call fail this way and check the error it reports";
  return d;
}

// Without coverage: every decision the function spells, and its error exits.
std::vector<Decision> all_decisions(const FileFacts& file, const FunctionFacts& fn) {
  static const std::regex keyword(R"((^|[^A-Za-z0-9_])(if|for|while|case|catch|switch)\b)");
  std::map<int, Decision> items;
  for (const ErrorExit& e : fn.error_exits) {
    if (e.kind == "invariant") continue;  // meant to be unreachable
    Decision d = exit_decision(e, file.source, false);
    items.emplace(d.line, d);
  }
  for (int n = fn.line + 1; !file.source.empty() && n <= fn.end_line; ++n) {
    std::string t = source_line(file.source, n);
    std::string code = t.substr(0, t.find("//"));
    if (items.count(n) || !std::regex_search(code, keyword)) continue;
    items.emplace(n, Decision{n, n, "decision", t, "no coverage data: take each way it can go"});
  }
  std::vector<Decision> out;
  for (auto& [line, d] : items) out.push_back(d);
  return out;
}

}  // namespace

std::string source_line(const std::string& text, int n) {
  size_t start = 0;
  for (int i = 1; i < n; ++i) {
    start = text.find('\n', start);
    if (start == std::string::npos) return "";
    ++start;
  }
  size_t end = text.find('\n', start);
  std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  size_t a = line.find_first_not_of(" \t\r");
  size_t b = line.find_last_not_of(" \t\r");
  return a == std::string::npos ? "" : line.substr(a, b - a + 1);
}

std::vector<Decision> decisions_of(const FileFacts& file, const FunctionFacts& fn) {
  if (!fn.coverage) return all_decisions(file, fn);
  const std::string& src = file.source;
  auto text = [&](int n) { return src.empty() ? std::string() : source_line(src, n); };
  std::set<int> uncovered(fn.uncovered_lines.begin(), fn.uncovered_lines.end());
  std::vector<std::pair<int, int>> runs;
  for (int l : uncovered) {
    if (!runs.empty() && bridged(src, runs.back().second, l)) {
      runs.back().second = l;
    } else {
      runs.emplace_back(l, l);
    }
  }
  std::map<int, Decision> items;
  for (const ErrorExit& e : fn.error_exits) {
    if (uncovered.count(e.line) && e.kind != "invariant") {
      Decision d = exit_decision(e, src, true);
      items.emplace(d.line, d);
    }
  }
  static const std::regex decision(
      R"((^|[^A-Za-z0-9_])(if|for|while|case|catch|switch|do)([^A-Za-z0-9_]|$)|\?|&&|\|\|)");
  for (int p : fn.partial_branch_lines) {
    // gcov also counts branches a call line gets from inlined code: only a
    // line that spells a decision is one.
    if (items.count(p) || (!src.empty() && !std::regex_search(text(p), decision))) continue;
    Decision d{p, p, "branch", text(p), ""};
    if (uncovered.count(p)) {
      d.kind = "unreached-branch";
      d.todo = "no test reaches this branch: reach it, then take each way";
    } else {
      d.todo = "the tests take only some of its ways: take the one they miss";
      for (const auto& [a, b] : runs) {  // the lines the missed way runs
        if (a > p && bridged(src, p, a)) {
          d.last_line = b;
          d.todo += " (" + lines_of(a, b) + ", which no test runs)";
          break;
        }
      }
    }
    items.emplace(p, d);
  }
  for (const auto& [a, b] : runs) {
    bool told = std::any_of(items.begin(), items.end(), [&, a = a, b = b](const auto& it) {
      return it.second.line <= b && it.second.last_line >= a;
    });
    if (told) continue;
    std::string todo = a <= fn.line ? "no test calls " + fn.name + " at all: call it"
                       : a == b     ? lines_of(a, b) + " never runs under the tests: reach it"
                                    : lines_of(a, b) + " never run under the tests: reach them";
    items.emplace(a, Decision{a, b, "run", text(a), todo});
  }
  std::vector<Decision> out;
  for (auto& [line, d] : items) out.push_back(d);
  return out;
}

std::string framework_title(const std::string& name) {
  if (name == "googletest") return "googletest";
  if (name == "catch2-v2") return "Catch2 v2";
  if (name == "doctest") return "doctest";
  if (name == "boost-test") return "Boost.Test";
  return "Catch2 v3";
}

namespace {

std::string camel(const std::string& name) {
  std::string out;
  bool up = true;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      up = true;
      continue;
    }
    out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    up = false;
  }
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out = "Fn" + out;
  return out;
}

std::string snake(const std::string& name) {
  std::string out;
  for (char c : name) {
    bool word = std::isalnum(static_cast<unsigned char>(c));
    if (word && std::isupper(static_cast<unsigned char>(c)) && !out.empty() && out.back() != '_') {
      out += '_';
    }
    if (word) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!word && !out.empty() && out.back() != '_') out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out = "fn_" + out;
  return out;
}

std::string kind_word(const std::string& kind) {
  if (kind == "branch") return "OtherWay";
  if (kind == "unreached-branch" || kind == "run") return "Reached";
  if (kind == "error-exit") return "ErrorExit";
  if (kind == "decision") return "EachWay";
  return "Contract";
}

std::string stem_of(const std::string& path) {
  std::string name = path.substr(path.rfind('/') + 1);
  return name.substr(0, name.find('.'));
}

// What one test is about, for its title and its unwritten marker.
struct Item {
  std::string title;    ///< "line 42: if (x > 3) {"
  std::string message;  ///< "unwritten: ..."
  std::string todo;
  std::string id;  ///< "Line42OtherWay"
};

std::vector<Item> items_of(const SkeletonPlan& p) {
  std::vector<Item> items;
  bool other = p.focus != p.entry;
  std::string in = other ? " of " + p.focus->name : "";
  for (const Decision& d : p.decisions) {
    if (items.size() == kMaxTests) break;
    Item it;
    it.title = "line " + std::to_string(d.line) + in + ": " + d.quote;
    it.todo = d.todo;
    it.message = "unwritten: " + it.title;
    it.id = "Line" + std::to_string(d.line) + kind_word(d.kind);
    items.push_back(it);
  }
  if (items.empty()) {
    items.push_back({p.focus->name + ": its contract",
                     "unwritten: " + p.focus->name + " has no untested line or branch left",
                     "coverage names no missed line or branch: test the behaviour the ticket names",
                     "Contract"});
  }
  return items;
}

void render_body(std::ostringstream& code, const SkeletonPlan& p, const std::vector<Item>& items) {
  const std::string& fw = p.framework.name;
  const std::string call = p.entry->qualified_name;
  std::string name =
      cxx_string(call + (p.focus != p.entry ? " (reaching " + p.focus->name + ")" : ""));
  const std::string check = p.address_check.empty()
                                ? ""
                                : "  (void)&" + p.address_check + ";  // the function under test\n";
  if (fw == "googletest") {
    std::string suite = camel(p.entry->name) + "Test";
    for (const Item& it : items) {
      code << "TEST(" << suite << ", " << it.id << ") {\n"
           << "  // " << comment(it.title) << "\n  // " << comment(it.todo) << "\n"
           << "  // Arrange the inputs, call " << comment(call) << ", assert on the result.\n"
           << check << "  GTEST_SKIP() << \"" << cxx_string(it.message) << "\";\n}\n\n";
    }
  } else if (fw == "boost-test") {
    code << "BOOST_AUTO_TEST_SUITE(" << snake(p.entry->name) << "_decisions)\n\n";
    for (const Item& it : items) {
      code << "BOOST_AUTO_TEST_CASE(" << snake(it.id) << ") {\n"
           << "  // " << comment(it.todo) << "\n"
           << "  // Arrange the inputs, call " << comment(call) << ", assert on the result.\n"
           << check << "  BOOST_TEST_MESSAGE(\"" << cxx_string(it.message) << "\");\n"
           << "  BOOST_FAIL(\"unwritten test\");\n}\n\n";
    }
    code << "BOOST_AUTO_TEST_SUITE_END()\n";
  } else {
    bool doctest = fw == "doctest";
    code << "TEST_CASE(\"" << name << "\""
         << (doctest ? "" : ", \"[" + snake(stem_of(p.entry_file->path)) + "]\"")
         << ") {\n  // Arrange the inputs, call " << comment(call)
         << ", assert on the result, in each section.\n"
         << check;
    for (const Item& it : items) {
      code << "  " << (doctest ? "SUBCASE" : "SECTION") << "(\"" << cxx_string(it.title)
           << "\") {\n"
           << "    // " << comment(it.todo) << "\n";
      if (fw == "catch2-v2") {
        code << "    WARN(\"" << cxx_string(it.message) << "\");\n    FAIL(\"unwritten test\");\n";
      } else if (doctest) {
        code << "    FAIL(\"" << cxx_string(it.message) << "\");\n";
      } else {
        code << "    SKIP(\"" << cxx_string(it.message) << "\");\n";
      }
      code << "  }\n";
    }
    code << "}\n";
  }
}

}  // namespace

std::string render_skeleton(const SkeletonPlan& p) {
  std::ostringstream code;
  const std::string fw = p.framework.name;
  if (!p.include.empty()) {
    code << "#include " << (p.include_angled ? "<" + p.include + ">" : "\"" + p.include + "\"")
         << "\n\n";
  }
  code << "#include "
       << (p.framework.header_angled ? "<" + p.framework.header + ">"
                                     : "\"" + p.framework.header + "\"")
       << "\n";
  if (p.include.empty()) {
    for (const std::string& inc : p.declaration_includes) code << "#include " << inc << "\n";
    code << "\n// " << comment(p.entry->qualified_name) << " is declared in no header";
    if (p.declaration.empty()) {
      code << ": declare it here before the tests can call it.\n";
    } else {
      code << "; this is its declaration as written at " << comment(p.entry_file->path) << ":"
           << p.entry->line << ".\n"
           << p.declaration << "\n";
    }
  }
  code << "\n";
  std::vector<Item> items = items_of(p);
  render_body(code, p, items);
  if (p.decisions.size() > items.size()) {
    code << "// ... and " << p.decisions.size() - items.size() << " more: lines";
    for (size_t i = items.size(); i < p.decisions.size(); ++i) code << " " << p.decisions[i].line;
    code << "\n";
  }
  std::string out = code.str();
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
    out.pop_back();
  return out;
}

}  // namespace stepup
