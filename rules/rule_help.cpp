#include "rules/rule_help.h"

namespace stepup {

const std::vector<RuleHelp>& rule_help_table() {
  static const std::vector<RuleHelp> rows = {
      {"untested-hotspot",
       "Complex logic that no test runs",
       "Complex code without tests breaks silently when it is changed, and churn and bug fixes "
       "say this code is being changed.",
       "Write characterisation tests that pin the current behaviour of the function the task "
       "names, starting with the uncovered lines it lists; change the code only once they pass.",
       {"testing", "coverage", "maintainability"},
       false},
      {"untested-error-paths",
       "Error exits that no test reaches",
       "Failure handling that never runs under test is where crashes, leaks and wrong error "
       "codes hide, and it runs exactly when something has already gone wrong.",
       "Write one test per listed exit: set up the condition shown beside it and assert what "
       "the caller sees (the error value, the exception, the state left behind).",
       {"testing", "coverage", "error-handling"},
       false},
      {"error-prone",
       "Files that keep needing bug fixes",
       "Repeated fixes in one file mean its tests do not pin down what breaks; the next change "
       "is likely to need the next fix.",
       "Read the recent fix commits, write a regression test for each bug they fixed, then "
       "cover the untested part the task names.",
       {"testing", "reliability", "defects"},
       true},
      {"unbuilt-test",
       "Test files that no build compiles",
       "A test the build never compiles never runs: it gives false confidence and rots "
       "unnoticed.",
       "Add the file to a test target of the build (or delete it if it is obsolete), then build "
       "it and make it pass.",
       {"testing", "build"},
       false},
      {"complex-function",
       "Functions too complex to change safely",
       "High cognitive complexity makes code hard to read, review and test; defects gather "
       "there.",
       "If it is untested, cover it with tests first; then split it one step at a time, "
       "extracting nested blocks into named functions.",
       {"maintainability", "complexity"},
       false},
      {"change-coupling",
       "Files in different modules that change together",
       "A hidden dependency: a change to one file silently needs a change to the other, and "
       "reviewers of one module do not see it.",
       "Find what the two files share (a format, a constant, a protocol) and put it in one "
       "place behind one interface, or document the dependency where both sides see it.",
       {"maintainability", "architecture", "history"},
       false},
      {"uninstrumented-module",
       "Application modules with almost no logging",
       "When this code fails in production nobody can see why, and its bug fixes and error "
       "reports show that it does fail.",
       "Add log calls with the project's log API at the error exits and catch blocks first, "
       "with the values needed to reproduce the failure.",
       {"observability", "logging"},
       false},
      {"swallowed-errors",
       "Silent catches and unlogged error paths",
       "An error caught and dropped leaves no trace: the program goes on in a wrong state and "
       "the bug report arrives without a clue.",
       "Log or rethrow in each silent catch and at each listed error path; where dropping the "
       "error is intended, say why in a comment.",
       {"reliability", "error-handling", "observability"},
       true},
      {"io-in-loop",
       "I/O calls inside loops",
       "One database, network or file call per iteration (N+1) multiplies latency by the data "
       "size: fast in tests, slow in production.",
       "Move the calls out of the loop (one batched query, read or write) or cache their "
       "results; measure before and after.",
       {"performance"},
       true},
      {"hot-path",
       "Complex or untested code on the profile's hot path",
       "The functions that dominate the profile are where speed-ups pay off, and changing "
       "complex or untested code there is risky.",
       "Add tests that pin the current results, then optimise with the profile at hand and "
       "measure again.",
       {"performance", "testing"},
       true},
      {"knowledge-silo",
       "Modules that one author changes almost alone",
       "When that person is away nobody else can safely change the module: a bus factor of "
       "one.",
       "Pair with the main author on the next change to the module, or have them write down "
       "what only they know.",
       {"knowledge", "ownership", "history"},
       false},
  };
  return rows;
}

const RuleHelp* rule_help(const std::string& id) {
  for (const RuleHelp& row : rule_help_table()) {
    if (row.id == id) return &row;
  }
  return nullptr;
}

RuleSummary rule_summary(const RuleInfo& rule) {
  RuleSummary s{rule.id, rule.kind, rule.description};
  s.tags.push_back(rule.kind);
  if (const RuleHelp* help = rule_help(rule.id)) {
    s.short_description = help->short_description;
    s.why = help->why;
    s.how = help->how;
    s.tags.insert(s.tags.end(), help->tags.begin(), help->tags.end());
    s.risk = help->risk;
  }
  return s;
}

}  // namespace stepup
