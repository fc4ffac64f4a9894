#include "scanner/parse/tu_schedule.h"

#include <clang-c/Index.h>

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <numeric>
#include <sstream>

#include "scanner/cache/tu_codec.h"
#include "scanner/parse/clang_scan.h"
#include "scanner/parse/clang_util.h"
#include "scanner/parse/includes.h"
#include "scanner/parse/tu_visitor.h"

namespace stepup {
namespace {

const std::string& clang_version() {
  static const std::string version = take_string(clang_getClangVersion());
  return version;
}

// The running stepup binary's size and mtime (ccache's compiler_check=mtime):
// a rebuilt scanner under an unchanged version number must not reuse facts
// an older build wrote. Empty where /proc/self/exe cannot be read.
const std::string& stepup_build() {
  static const std::string build = [] {
    struct stat st {};
    if (stat("/proc/self/exe", &st) != 0) return std::string();
    return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec);
  }();
  return build;
}

}  // namespace

std::string task_key(const ClangScanInput& in, const ParseTask& task, FileHashes& hashes) {
  Sha256 k;
  k.field("stepup tu facts");
  k.field(STEPUP_VERSION);
  k.field(stepup_build());
  k.field(std::to_string(kTuFactsFormat));
  k.field(clang_version());
  k.field(in.facts_config);
  k.field(in.risk_signals ? "signals" : "no signals");
  k.field(in.root);
  k.field(in.resource_dir);
  k.field(task.directory);
  k.field(task.main_file);
  k.field(task.standalone ? "standalone" : "listed");
  k.field(std::to_string(task.args.size()));
  for (const auto& a : task.args) k.field(a);
  k.field(hashes.of(task.main_file));
  return k.hex();
}

std::string task_identity(const ParseTask& task) {
  Sha256 k;
  k.field(task.main_file);
  for (const auto& a : task.args) k.field(a);
  return k.hex();
}

double estimated_cost(const ParseTask& task) {
  std::ifstream in(task.main_file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  return static_cast<double>(s.size()) + 4096.0 * scan_include_directives(s).size();
}

std::vector<int> split_shards(const std::vector<double>& group_costs, int shards) {
  std::vector<int> shard(group_costs.size(), 0);
  std::vector<double> load(std::max(1, shards), 0.0);
  for (size_t g : costliest_first(group_costs)) {
    int least = static_cast<int>(std::min_element(load.begin(), load.end()) - load.begin());
    shard[g] = least;
    load[least] += group_costs[g];
  }
  return shard;
}

std::vector<size_t> costliest_first(const std::vector<double>& costs) {
  std::vector<size_t> order(costs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return costs[a] > costs[b]; });
  return order;
}

}  // namespace stepup
