#include <iostream>

#include "app/commands/command.h"
#include "rules/registry.h"

namespace po = boost::program_options;

namespace stepup {

int cmd_rules(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] != "--help" && args[0] != "-h") {
    throw UsageError("stepup rules takes no arguments");
  }
  for (const RuleInfo& r : rule_registry()) {
    std::cout << r.id << "  (" << r.kind << ")\n  " << r.description << "\n";
    for (const RuleOption& o : r.options) {
      std::cout << "    " << o.name << " = " << o.default_value << "  [" << o.min << ", " << o.max
                << "]  " << o.help << "\n";
    }
  }
  return kExitOk;
}

}  // namespace stepup
