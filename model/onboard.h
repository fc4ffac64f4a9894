// `stepup onboard`'s plan for the next newcomer (docs/onboard.md): what to
// read, which tickets to take alone and which in a pair, and in what order.
#pragma once

#include <string>
#include <vector>

#include "model/report.h"

namespace stepup {

/// A file worth reading first: central (called and included from many other
/// files) and changing.
struct MustRead {
  std::string path;         ///< the header when a header and its source pair up
  std::string module;
  std::vector<std::string> paired;  ///< the rest of the pair: "db/db_impl.cc"
  int callers = 0;          ///< distinct functions in other files calling its functions
  int includers = 0;        ///< repository files including it
  int64_t commits = 0;      ///< commits in the history window (the pair's sum)
  double centrality = 0;    ///< ln(1 + callers) + ln(1 + includers) + ln(1 + commits) / 2
  std::string summary;      ///< its first comment that is not a licence, or its folder's README
  std::string summary_from; ///< "file comment", "README.md"... ; "" when neither says anything
  std::string main_author;  ///< who made most of its commits: the person to ask; "" unknown
};

/// A ticket of the plan: a candidate as `stepup next` prints it.
struct OnboardTicket {
  const Candidate* task = nullptr;
  std::string pair_with;  ///< pair tickets: the target file's main author ("" unknown)
  std::string why_pair;   ///< pair tickets: "knowledge silo", "central: called from 23 functions"
};

/// One step of the first week.
struct OnboardStep {
  int day = 1;              ///< 1..5
  std::string action;       ///< "read", "solo" or "pair"
  std::string what;         ///< a file, or a ticket's title
  std::string module;
  std::vector<std::string> concepts;  ///< the module's most used name words: "compaction", "memtable"
};

struct OnboardPlan {
  std::string team, module;  ///< the scope asked for; "" all
  std::vector<MustRead> must_read;
  std::vector<OnboardTicket> solo, pair;
  std::vector<OnboardStep> first_week;
  std::vector<std::string> notes;  ///< what the plan could not do: no history, no tasks...
};

}  // namespace stepup
