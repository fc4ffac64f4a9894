#include "app/commands/command.h"

#include <charconv>
#include <thread>

#include "app/command_docs.h"
#include "scanner/cache/store.h"
#include "scanner/history/file_history.h"

namespace po = boost::program_options;

namespace stepup {
namespace {

int default_jobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace

po::variables_map parse_args(const po::options_description& visible,
                             const po::positional_options_description& pos,
                             const std::vector<std::string>& args) {
  record_options(visible);  // only while `stepup --man` or --completion reads the tables
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(visible).positional(pos).run(), vm);
  po::notify(vm);
  return vm;
}

int parse_days(const std::string& text) {
  if (text == "all") return kAllHistory;
  int days = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (ec != std::errc() || ptr != text.data() + text.size() || days < 1 || days > 10000000) {
    throw UsageError("--since takes a positive number of days (1 to 10000000) or 'all', not '" +
                     text + "'");
  }
  return days;
}

void add_scan_inputs(po::options_description& desc, ScanOptions& opt, std::string& since) {
  // clang-format off
  desc.add_options()
      ("compile-commands,p", po::value(&opt.compile_commands),
       "compile_commands.json, or the folder holding it (default: REPO/, then REPO/build*/)")
      ("coverage,c", po::value(&opt.coverage)->composing(),
       "coverage report (gcovr JSON, lcov, Cobertura XML, llvm-cov export JSON); "
       "repeatable, hits add up")
      ("coverage-build", po::value(&opt.coverage_build),
       "run gcovr over the .gcda/.gcno files under DIR (REPO as its root)")
      ("gcov-executable", po::value(&opt.gcov_executable),
       "the gcov that --coverage-build runs, e.g. 'llvm-cov gcov' (default: $GCOV, else gcov; "
       "never taken from the repository)")
      ("profile", po::value(&opt.profiles)->composing(),
       "collapsed stacks (\"frame;frame;leaf COUNT\", e.g. perf script | stackcollapse-perf.pl); "
       "repeatable")
      ("errors", po::value(&opt.errors)->composing(),
       "error or crash reports: JSON, JSON Lines, sanitizer/gdb backtraces or lines naming "
       "path:line; repeatable")
      ("findings", po::value(&opt.findings)->composing(),
       "static-analysis results: SARIF 2.1.0, cppcheck XML (--xml), clang-tidy output; "
       "repeatable")
      ("jobs,j", po::value(&opt.jobs)->default_value(default_jobs(), "cores"),
       "parallel workers")
      ("team", po::value(&opt.team),
       "keep only files a CODEOWNERS owner (@org/team, @user) owns, in candidates and summaries")
      ("since", po::value(&since)->default_value("365"),
       "history window in days, counted back from HEAD's commit date, or 'all' (a window "
       "reaching before 1970 is all history too); fewer than history.min_commits commits in "
       "it widen it to the newest that many")
      ("config", po::value(&opt.config), "config file (default: REPO/.stepup.json)")
      ("path", po::value(&opt.paths)->composing(),
       "scan only this folder of the repository (repeatable); paths and history stay the "
       "repository's, as when REPO is a folder below its top")
      ("quick",
       "quick mode: a structural parse (tree-sitter) that needs no build, even when a compile "
       "database exists; the default when none is found (docs/quick.md)")
      ("no-quick",
       "without a compile database, parse with libclang and guessed flags instead of the "
       "quick mode")
      ("repo", po::value(&opt.repo)->default_value("."),
       "the repository, or a folder in it (positional): the repository is git's top level")
      ("cache", po::value(&opt.cache_dir),
       "the facts cache folder (default: $XDG_CACHE_HOME/stepup, else ~/.cache/stepup): a TU "
       "whose files are all unchanged is not parsed again")
      ("no-cache", "neither read nor write the facts cache")
      ("cache-max-size", po::value<std::string>()->default_value("1G"),
       "bound on the cache's entries (K, M, G suffixes); the least recently used go first");
  // clang-format on
}

void check_scan_inputs(ScanOptions& opt, const std::string& since, const po::variables_map& vm) {
  if (opt.jobs < 1 || opt.jobs > 1024) throw UsageError("--jobs must be from 1 to 1024");
  opt.since_days = parse_days(since);
  if (vm.count("quick") && vm.count("no-quick")) {
    throw UsageError("--quick and --no-quick exclude each other");
  }
  opt.parse = vm.count("quick")      ? ParseMode::kQuick
              : vm.count("no-quick") ? ParseMode::kSemantic
                                     : ParseMode::kAuto;
  std::string size = vm["cache-max-size"].as<std::string>();
  std::optional<uint64_t> bytes = parse_size(size);
  if (!bytes)
    throw UsageError("--cache-max-size takes a size such as 500M or 2G, not '" + size + "'");
  opt.cache_max_size = *bytes;
  if (vm.count("no-cache")) {
    if (vm.count("cache")) throw UsageError("--cache and --no-cache contradict each other");
    opt.cache_dir.clear();
  } else if (opt.cache_dir.empty()) {
    opt.cache_dir = default_cache_dir();
  }
}

std::vector<std::string> comma_list(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

}  // namespace stepup
