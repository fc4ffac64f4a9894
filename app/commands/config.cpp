#include <iostream>

#include "app/commands/command.h"
#include "app/config_loader.h"

namespace po = boost::program_options;

namespace stepup {

int cmd_config(const std::vector<std::string>& args) {
  std::string repo = ".", config;
  po::options_description desc("stepup config --dump [REPO] [--config FILE]");
  desc.add_options()("help,h", "show this help")("dump",
                                                 "print the effective configuration as JSON")(
      "config", po::value(&config), "config file (default: REPO/.stepup.json)")(
      "repo", po::value(&repo), "the repository (positional)");
  po::positional_options_description pos;
  pos.add("repo", 1);
  po::variables_map vm = parse_args(desc, pos, args);
  if (vm.count("help") || !vm.count("dump")) {
    std::cout << desc;
    return vm.count("help") ? kExitOk : kExitUsage;
  }
  std::cout << config_to_json(load_config(repo, config, nullptr)).dump(2) << '\n';
  return kExitOk;
}

}  // namespace stepup
