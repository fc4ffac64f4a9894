// stepup merge shard-*.facts [REPO] [scan options]: joins the shards'
// facts (stepup scan --shard K/N --facts-out FILE) and runs coverage,
// history, rules and reports once, as one scan would (docs/cache.md).
#include <filesystem>
#include <iostream>

#include "app/commands/command.h"

namespace stepup {

int cmd_merge(const std::vector<std::string>& args) {
  // The leading arguments that are not options: facts files, and the
  // repository (a folder). The rest are scan's options.
  std::vector<std::string> facts, rest;
  size_t i = 0;
  for (; i < args.size() && !args[i].empty() && args[i][0] != '-'; ++i) {
    std::error_code ec;
    if (std::filesystem::is_directory(args[i], ec)) {
      rest.push_back(args[i]);
    } else {
      facts.push_back(args[i]);
    }
  }
  rest.insert(rest.end(), args.begin() + static_cast<long>(i), args.end());
  bool help = false;
  for (const auto& a : rest) help = help || a == "--help" || a == "-h";
  if (help) {
    std::cout << "stepup merge SHARD.facts... [REPO] [scan options]: join the facts of every "
                 "shard (stepup scan --shard K/N --facts-out FILE) and report once; the "
                 "options are scan's:\n";
    return run_scan_command({"--help"}, {});
  }
  if (facts.empty()) throw UsageError("stepup merge needs the shards' facts files");
  return run_scan_command(rest, facts);
}

}  // namespace stepup
