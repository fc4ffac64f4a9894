#include "scanner/parse/ctest_tests.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace stepup {
namespace {

namespace fs = std::filesystem;

/// Reads CMake's command invocations: `name(arg arg ...)`, one at a time.
class CommandReader {
 public:
  explicit CommandReader(std::string_view text) : text_(text) {}

  /// The next command's lower-case name and arguments; false at the end, or
  /// at a command cut off before its ')'.
  bool next(std::string* name, std::vector<std::string>* args) {
    args->clear();
    skip_space_and_comments();
    size_t start = pos_;
    while (pos_ < text_.size() && (std::isalnum(uc(text_[pos_])) || text_[pos_] == '_')) ++pos_;
    if (pos_ == start) return false;
    name->assign(text_.substr(start, pos_ - start));
    std::transform(name->begin(), name->end(), name->begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    skip_space_and_comments();
    if (pos_ >= text_.size() || text_[pos_] != '(') return false;
    ++pos_;
    return read_arguments(args);
  }

 private:
  static unsigned char uc(char c) { return static_cast<unsigned char>(c); }

  void skip_space_and_comments() {
    while (pos_ < text_.size()) {
      if (std::isspace(uc(text_[pos_]))) {
        ++pos_;
      } else if (text_[pos_] == '#') {
        size_t nl = text_.find('\n', pos_);
        pos_ = nl == std::string_view::npos ? text_.size() : nl + 1;
      } else {
        return;
      }
    }
  }

  bool read_arguments(std::vector<std::string>* args) {
    int depth = 0;  // unquoted parentheses inside the arguments
    while (true) {
      skip_space_and_comments();
      if (pos_ >= text_.size()) return false;
      char c = text_[pos_];
      if (c == ')') {
        ++pos_;
        if (depth-- == 0) return true;
      } else if (c == '(') {
        ++pos_;
        ++depth;
      } else if (c == '"') {
        if (!read_quoted(args)) return false;
      } else if (c == '[' && bracket_level() >= 0) {
        if (!read_bracket(args)) return false;
      } else {
        read_unquoted(args);
      }
    }
  }

  bool read_quoted(std::vector<std::string>* args) {
    std::string value;
    for (++pos_; pos_ < text_.size(); ++pos_) {
      char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        args->push_back(std::move(value));
        return true;
      }
      if (c == '\\' && pos_ + 1 < text_.size()) {
        char e = text_[++pos_];
        value += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e;
      } else {
        value += c;
      }
    }
    return false;
  }

  // The number of '=' of a bracket opening `[==[` at pos_, or -1.
  int bracket_level() const {
    size_t p = pos_ + 1;
    while (p < text_.size() && text_[p] == '=') ++p;
    return p < text_.size() && text_[p] == '[' ? static_cast<int>(p - pos_ - 1) : -1;
  }

  bool read_bracket(std::vector<std::string>* args) {
    int level = bracket_level();
    std::string close = "]" + std::string(static_cast<size_t>(level), '=') + "]";
    size_t begin = pos_ + static_cast<size_t>(level) + 2;
    size_t end = text_.find(close, begin);
    if (end == std::string_view::npos) return false;
    args->emplace_back(text_.substr(begin, end - begin));
    pos_ = end + close.size();
    return true;
  }

  void read_unquoted(std::vector<std::string>* args) {
    size_t start = pos_;
    while (pos_ < text_.size() && !std::isspace(uc(text_[pos_])) && text_[pos_] != '(' &&
           text_[pos_] != ')' && text_[pos_] != '"' && text_[pos_] != '#') {
      ++pos_;
    }
    args->emplace_back(text_.substr(start, pos_ - start));
  }

  std::string_view text_;
  size_t pos_ = 0;
};

std::string base_name(const std::string& path) {
  size_t slash = path.find_last_of("/\\");
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  if (base.size() > 4 && base.compare(base.size() - 4, 4, ".exe") == 0)
    base.resize(base.size() - 4);
  return base;
}

bool says_test(const std::string& target) {
  std::string lower = target;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("test") != std::string::npos;
}

// The target an object file belongs to: "x" in ".../CMakeFiles/x.dir/...".
std::string target_of(const std::string& output) {
  std::string o = output;
  std::replace(o.begin(), o.end(), '\\', '/');
  size_t at = o.rfind("CMakeFiles/");
  if (at == std::string::npos || (at > 0 && o[at - 1] != '/')) return "";
  size_t begin = at + 11;
  size_t dir = o.find(".dir/", begin);
  if (dir == std::string::npos || o.find('/', begin) < dir) return "";
  return o.substr(begin, dir - begin);
}

}  // namespace

CTestFile parse_ctest_file(std::string_view text) {
  CTestFile file;
  CommandReader reader(text);
  std::string name;
  std::vector<std::string> args;
  while (reader.next(&name, &args)) {
    if (name == "add_test" && args.size() >= 2 && args[1] != "NOT_AVAILABLE") {
      file.tests.push_back({args[0], args[1]});
    } else if (name == "subdirs") {
      file.subdirs.insert(file.subdirs.end(), args.begin(), args.end());
    }
  }
  return file;
}

std::vector<CTestTest> read_ctest_tests(const std::string& build_dir) {
  std::vector<CTestTest> tests;
  std::set<std::string> seen;
  std::vector<fs::path> todo = {fs::path(build_dir)};
  while (!todo.empty() && seen.size() < 10000) {
    fs::path dir = todo.back().lexically_normal();
    todo.pop_back();
    if (!seen.insert(dir.string()).second) continue;
    std::ifstream in(dir / "CTestTestfile.cmake", std::ios::binary);
    if (!in) continue;
    std::ostringstream text;
    text << in.rdbuf();
    CTestFile file = parse_ctest_file(text.str());
    tests.insert(tests.end(), file.tests.begin(), file.tests.end());
    for (const std::string& sub : file.subdirs) {
      fs::path p(sub);
      todo.push_back(p.is_absolute() ? p : dir / p);
    }
  }
  return tests;
}

std::map<std::string, std::string> files_of_test_programs(const CompileDatabase& db,
                                                          const std::vector<CTestTest>& tests,
                                                          const std::string& root) {
  std::set<std::string> programs;
  for (const CTestTest& t : tests) {
    std::string target = base_name(t.program);
    if (says_test(target)) programs.insert(target);
  }
  std::map<std::string, std::string> files;
  if (programs.empty()) return files;
  std::string prefix = root.empty() || root.back() == '/' ? root : root + "/";
  std::map<std::string, std::set<std::string>> targets;  // repo file -> its targets
  for (const CompileCommand& cmd : db.commands) {
    if (cmd.file.rfind(prefix, 0) == 0)
      targets[cmd.file.substr(prefix.size())].insert(target_of(cmd.output));
  }
  for (const auto& [path, of] : targets) {
    bool only_tests = std::all_of(of.begin(), of.end(),
                                  [&](const std::string& t) { return programs.count(t) > 0; });
    if (only_tests && says_test(base_name(path))) {
      files.emplace(path, "build: CTest runs " + *of.begin());
    }
  }
  return files;
}

}  // namespace stepup
