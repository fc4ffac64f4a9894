#include "rules/io_in_loop.h"

#include <algorithm>

namespace stepup {
namespace {

const char kRule[] = "io-in-loop";

// "balance" -> "balances", "entry" -> "entries", "fetch" -> "fetches".
std::string plural(const std::string& name) {
  auto ends = [&](const char* s) {
    std::string t(s);
    return name.size() > t.size() && name.compare(name.size() - t.size(), t.size(), t) == 0;
  };
  if (ends("y") && !ends("ay") && !ends("ey") && !ends("oy")) {
    return name.substr(0, name.size() - 1) + "ies";
  }
  if (ends("s") || ends("x") || ends("ch") || ends("sh")) return name + "es";
  return name + "s";
}

std::string short_name(const std::string& qualified) {
  size_t colon = qualified.rfind("::");
  return colon == std::string::npos ? qualified : qualified.substr(colon + 2);
}

// "Ledger::balance (report.cpp:12) -> read_entries (ledger.cpp:22) -> PQexec (store.cpp:8)"
std::string chain_why(const Finding& f) {
  std::string s = "chain: ";
  for (size_t i = 0; i < f.chain.size(); ++i) {
    s += (i ? " -> " : "") + f.chain[i].function + " (" + at(f.chain[i].path, f.chain[i].line) +
         ")";
  }
  return s;
}

}  // namespace

RuleInfo io_in_loop_info() {
  return {kRule,
          "investigate-performance",
          "I/O calls (database, network, file, sleep) inside loops: the N+1 pattern, worse the "
          "more the code changes and the hotter the profile says it is.",
          {{"churn_weight", 0.1, 0, 10,
            "activity per commit: 0.5 + churn_weight * min(commits, churn_cap)"},
           {"churn_cap", 20, 0, 1000, "commits beyond this many add no activity"},
           {"profile_weight", 10, 0, 1000,
            "activity added per unit of the function's total profile share"},
           {"scale", 1.5, 0.1, 1000,
            "findings x activity that take the score 63% of the way from 30 to 100"}},
          &io_in_loop};
}

std::vector<Candidate> io_in_loop(const Report& signals, const RuleOptions& o) {
  std::vector<Candidate> out;
  for (const FileFacts& file : signals.files) {
    if (!is_target_file(signals, file)) continue;  // a test's or benchmark's loop is its point
    for (const FunctionFacts& fn : file.functions) {
      if (!is_target_function(fn)) continue;
      std::vector<const Finding*> found;
      for (const Finding& f : fn.findings) {
        if (f.kind == "io-in-loop") found.push_back(&f);
      }
      if (found.empty()) continue;
      Churn churn = churn_of(file, &fn);
      double activity = churn_activity(churn, o.at("churn_weight"), o.at("churn_cap"));
      if (fn.profile) activity += o.at("profile_weight") * fn.profile->total_share;
      Candidate c;
      c.rule = kRule;
      c.kind = "investigate-performance";
      c.id = candidate_id(kRule, file.path, fn.qualified_name);
      // Every finding is concrete evidence: worth a look (30) on its own.
      set_score(c, 30, found.size() * activity / o.at("scale"));
      c.target = {file.module, file.path, fn.qualified_name, found.front()->line};
      c.title = "Take the I/O out of the loop in " + fn.qualified_name + " (" +
                at(file.path, found.front()->line) + ")";
      for (const Finding* f : found) {
        c.why.push_back("line " + std::to_string(f->line) + ": " +
                        (f->detail.empty() ? "I/O call inside a loop" : f->detail));
        c.lines.push_back(f->line);
      }
      if (c.why.size() > 3) c.why.resize(3);  // the first three loops; lines marks them all
      const Finding* chained = nullptr;
      for (const Finding* f : found) {
        if (!f->chain.empty()) {
          chained = f;
          break;
        }
      }
      if (chained) c.why.push_back(chain_why(*chained));
      add_why(c.why, churn_why(churn, file, &fn));
      if (fn.profile) {
        c.why.push_back("profile: " + percent(fn.profile->total_share) + " of samples inside, " +
                        percent(fn.profile->self_share) + " in its own code");
      }
      const Finding& first = *found.front();
      if (first.chain.empty()) {
        c.first_step = "Measure " + fn.name +
                       " with a realistic input size, then batch the call at line " +
                       std::to_string(first.line) +
                       " into one request made before the loop (e.g. one query for all ids).";
      } else {
        // The repo function the loop calls is where the batch goes: its
        // callee chain ends in the round trip.
        std::string callee = short_name(first.chain.front().function);
        c.first_step = "Measure " + fn.name + " with a realistic input size, then add a `" +
                       plural(callee) + "(...)` beside `" + first.chain.front().function +
                       "(...)` that makes one " + first.chain.back().function +
                       "() for all the elements, and call it once before the loop instead "
                       "of calling " + callee + " at line " + std::to_string(first.line) + ".";
      }
      int lines = fn.end_line - fn.line + 1;
      c.focus = fn.qualified_name;
      c.effort = found.size() > 2 ? "L" : effort_from_lines(lines) == "S" && !chained ? "S" : "M";
      c.newcomer_friendly = false;  // changes behaviour under load: needs context
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace stepup
