#include "scanner/common/git_command.h"

#include <map>
#include <mutex>
#include <set>

#include "scanner/common/process.h"

namespace stepup {
namespace {

// Settings whose value in the repository's config could start a program or
// write into the repository.
constexpr const char* kSafeSettings[] = {
    "core.hooksPath=/dev/null",
    "core.fsmonitor=false",
    "core.pager=cat",
    "log.showSignature=false",
    "gc.auto=0",
    "maintenance.auto=false",
};

// Filter drivers are named by the repository (`filter.<name>.clean`), so they
// are read from its config once per root and emptied by name.
const std::vector<std::string>& filters_of(const std::string& root) {
  static std::mutex mu;
  static std::map<std::string, std::vector<std::string>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(root);
  if (it != cache.end()) return it->second;
  SystemProcessRunner runner;
  ProcessResult r = runner.run(
      {"git", "--no-pager", "-C", root, "config", "--null", "--get-regexp", "^filter\\."}, root);
  std::vector<std::string> pairs;
  if (r.started && r.exit_code == 0) pairs = filter_overrides(r.out);
  return cache.emplace(root, std::move(pairs)).first->second;
}

}  // namespace

std::vector<std::string> filter_overrides(const std::string& config_output) {
  std::set<std::string> names;
  size_t start = 0;
  while (start < config_output.size()) {
    size_t end = config_output.find('\0', start);
    if (end == std::string::npos) end = config_output.size();
    std::string key = config_output.substr(start, end - start);
    key = key.substr(0, key.find('\n'));
    start = end + 1;
    // filter.<name>.<key>: the name may itself hold dots.
    size_t first = key.find('.'), last = key.rfind('.');
    if (key.compare(0, 7, "filter.") != 0 || last <= first + 1) continue;
    std::string name = key.substr(first + 1, last - first - 1);
    if (name.find('=') == std::string::npos) names.insert(name);
  }
  std::vector<std::string> out;
  for (const std::string& name : names) {
    for (const char* setting : {".clean=", ".smudge=", ".process=", ".required=false"}) {
      out.push_back("-c");
      out.push_back("filter." + name + setting);
    }
  }
  return out;
}

std::vector<std::string> git_command(const std::string& root,
                                     std::initializer_list<std::string> args) {
  return git_command(root, std::vector<std::string>(args));
}

std::vector<std::string> git_command(const std::string& root,
                                     const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"git", "--no-pager", "--no-optional-locks", "-C", root};
  for (const char* setting : kSafeSettings) {
    argv.push_back("-c");
    argv.push_back(setting);
  }
  const std::vector<std::string>& filters = filters_of(root);
  argv.insert(argv.end(), filters.begin(), filters.end());
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

}  // namespace stepup
