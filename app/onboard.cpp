#include "app/onboard.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "scanner/parse/signal_patterns.h"

namespace stepup {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool header_path(const std::string& path) {
  for (const char* ext : {".h", ".hh", ".hpp", ".hxx"}) {
    std::string e(ext);
    if (path.size() > e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0) {
      return true;
    }
  }
  return false;
}

// "db/db_impl.cc" -> "db/db_impl": a header and its source read as one.
std::string unit_of(const std::string& path) {
  size_t slash = path.rfind('/'), dot = path.rfind('.');
  return dot == std::string::npos || (slash != std::string::npos && dot < slash)
             ? path
             : path.substr(0, dot);
}

std::string first_sentence(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if ((out[i] == '.' || out[i] == ':') && out[i + 1] == ' ' && i > 20) {
      out.resize(i + 1);
      break;
    }
  }
  if (out.size() > 200) out = out.substr(0, 197) + "...";
  return out;
}

// A comment block says nothing about the file: a licence, a modeline, a
// separator, or a few words.
bool says_nothing(const std::string& block) {
  std::string l = lower(block);
  for (const char* w : {"copyright", "license", "licence", "spdx", "-*-", "all rights reserved"}) {
    if (l.find(w) != std::string::npos) return true;
  }
  int words = 0;
  bool in_word = false;
  for (char c : l) {
    bool letter = std::isalpha(static_cast<unsigned char>(c)) != 0;
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  return words < 4;
}

bool in_module(const std::string& module, const std::string& wanted) {
  return wanted.empty() || module == wanted || module.rfind(wanted + "/", 0) == 0;
}

bool owned_by(const FileFacts& f, const std::string& team) {
  return team.empty() || std::find(f.owners.begin(), f.owners.end(), team) != f.owners.end();
}

// The module's most used words in its function and class names.
std::vector<std::string> concepts_of(const Report& r, const std::string& module) {
  static const std::set<std::string> kStop = {
      "get",   "set",      "is",     "has",    "new",    "init",      "to",        "from",
      "the",   "of",       "impl",   "make",   "create", "do",        "run",       "add",
      "with",  "for",      "and",    "by",     "on",     "in",        "at",        "operator",
      "test",  "internal", "helper", "util",   "utils",  "value",     "data",      "size",
      "type",  "result",   "str",    "string", "name",   "free",      "delete",    "destroy",
      "reset", "clear",    "begin",  "end",    "main",   "anonymous", "namespace", "std",
      "const", "void",     "int",    "char",   "bool",   "len"};
  std::set<std::string> folder;  // "src/util" says util already
  for (size_t start = 0; start <= module.size();) {
    size_t end = std::min(module.find('/', start), module.size());
    for (const std::string& w : name_words(module.substr(start, end - start))) folder.insert(w);
    start = end + 1;
  }
  std::map<std::string, int> count;
  for (const FileFacts& f : r.files) {
    if (f.module != module || f.role != "production") continue;
    for (const FunctionFacts& fn : f.functions) {
      std::set<std::string> seen;
      const std::string& q = fn.qualified_name;
      size_t start = 0;
      while (start <= q.size()) {
        size_t end = q.find("::", start);
        if (end == std::string::npos) end = q.size();
        std::string part = q.substr(start, end - start);
        start = end + 2;
        // Namespaces (lower case, before the name) and anonymous scopes
        // say where, not what: the class and function names say what.
        bool last = end == q.size();
        if (part.empty() || part[0] == '(' ||
            (!last && std::islower(static_cast<unsigned char>(part[0])))) {
          continue;
        }
        for (const std::string& w : name_words(part)) {
          if (w.size() >= 3 && !kStop.count(w) && !folder.count(w)) seen.insert(w);
        }
      }
      for (const std::string& w : seen) ++count[w];
    }
  }
  std::vector<std::pair<std::string, int>> ranked(count.begin(), count.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> out;
  for (const auto& [w, n] : ranked) {
    if (n < 2 || out.size() == 4) break;
    out.push_back(w);
  }
  return out;
}

const FileFacts* file_named(const Report& r, const std::string& path) {
  auto it = std::lower_bound(r.files.begin(), r.files.end(), path,
                             [](const FileFacts& f, const std::string& p) { return f.path < p; });
  return it != r.files.end() && it->path == path ? &*it : nullptr;
}

const FunctionFacts* target_function(const Report& r, const Candidate& c) {
  if (!c.target.file || !c.target.function) return nullptr;
  const FileFacts* f = file_named(r, *c.target.file);
  if (!f) return nullptr;
  for (const FunctionFacts& fn : f->functions) {
    if (fn.qualified_name == *c.target.function) return &fn;
  }
  return nullptr;
}

// Production functions in other files calling into each file, and
// production files including it (a header thirty tests call is not central
// code); both keyed by path. Modules: call sites from other modules,
// production's first, tests' too to break ties.
struct Fans {
  std::map<std::string, std::set<int>> callers;
  std::map<std::string, std::set<std::string>> includers;
  std::map<std::string, std::pair<int, int>> module_calls;  ///< (production, all)
};

Fans fans_of(const Report& r) {
  Fans fans;
  if (r.call_graph) {
    const CallGraph& g = *r.call_graph;
    for (const CallEdge& e : g.edges) {
      const CallNode &from = g.nodes[e.caller], &to = g.nodes[e.callee];
      bool production = from.role == "production";
      if (from.path != to.path && production) fans.callers[to.path].insert(e.caller);
      if (from.module != to.module) {
        auto& [prod, all] = fans.module_calls[to.module];
        prod += production;
        ++all;
      }
    }
  }
  for (const FileFacts& f : r.files) {
    if (f.role != "production") continue;
    for (const IncludeRef& inc : f.includes) {
      if (!inc.path.empty() && inc.path != f.path) fans.includers[inc.path].insert(f.path);
    }
  }
  return fans;
}

// An automated account is nobody to ask: "leveldb Team <no-reply@google.com>",
// "dependabot[bot]".
bool person(const std::string& author) {
  std::string a = lower(author);
  return !a.empty() && a.find("noreply") == std::string::npos &&
         a.find("no-reply") == std::string::npos && a.find("[bot]") == std::string::npos &&
         a.find("bot@") == std::string::npos;
}

std::string module_author(const Report& r, const std::string& module) {
  for (const ModuleFacts& m : r.modules) {
    if (m.name == module && m.history && person(m.history->main_author))
      return m.history->main_author;
  }
  return "";
}

std::string main_author_of(const Report& r, const Candidate& c) {
  if (c.target.file) {
    const FileFacts* f = file_named(r, *c.target.file);
    if (f && f->history && f->history->commits > 0 && person(f->history->main_author)) {
      return f->history->main_author;
    }
  }
  return module_author(r, c.target.module);
}

std::string summary_of(const Report& r, const MustRead& m, const OnboardOptions& o,
                       std::string* from) {
  std::vector<std::string> files = {m.path};
  files.insert(files.end(), m.paired.begin(), m.paired.end());
  for (const std::string& p : files) {
    const FileFacts* f = file_named(r, p);
    std::string text = f && !f->source.empty() ? f->source : (o.read ? o.read(p) : "");
    std::string s = head_comment(text);
    if (!s.empty()) {
      *from = "file comment of " + p;
      return s;
    }
  }
  // The nearest README up the folders, below the repository's own (which
  // speaks of the whole project, not of this file).
  std::string dir = m.path;
  while (true) {
    size_t slash = dir.rfind('/');
    if (slash == std::string::npos) return "";
    dir = dir.substr(0, slash);
    for (const char* name : {"README.md", "README", "README.txt", "README.rst"}) {
      std::string p = dir + "/" + name;
      std::string text = o.read ? o.read(p) : "";
      std::string para;
      size_t start = 0;
      while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        bool skip = line.empty() || line[0] == '#' || line[0] == '[' || line[0] == '!' ||
                    line[0] == '=' || line[0] == '-' || line[0] == '<' || line[0] == '`';
        if (skip) {
          if (!para.empty()) break;
          continue;
        }
        para += line + " ";
      }
      if (!para.empty() && !says_nothing(para)) {
        *from = p;
        return first_sentence(para);
      }
    }
  }
}

std::vector<MustRead> must_read(const Report& r, const OnboardOptions& o, const Fans& fans) {
  std::map<std::string, MustRead> units;
  for (const FileFacts& f : r.files) {
    if (f.role != "production" || !in_module(f.module, o.scope.module) ||
        !owned_by(f, o.scope.team)) {
      continue;
    }
    MustRead& m = units[unit_of(f.path)];
    if (m.path.empty() || (header_path(f.path) && !header_path(m.path))) {
      if (!m.path.empty()) m.paired.push_back(m.path);
      m.path = f.path;
      m.module = f.module;
    } else {
      m.paired.push_back(f.path);
    }
    // The pair's most changed file names who to ask.
    if (f.history && f.history->commits > m.commits) {
      m.commits = f.history->commits;
      if (person(f.history->main_author)) m.main_author = f.history->main_author;
    }
  }
  std::vector<MustRead> out;
  for (auto& [unit, m] : units) {
    if (m.main_author.empty()) m.main_author = module_author(r, m.module);
    std::set<int> callers;
    std::set<std::string> includers, own = {m.path};
    own.insert(m.paired.begin(), m.paired.end());
    for (const std::string& p : own) {
      auto c = fans.callers.find(p);
      if (c != fans.callers.end()) callers.insert(c->second.begin(), c->second.end());
      auto i = fans.includers.find(p);
      if (i != fans.includers.end()) includers.insert(i->second.begin(), i->second.end());
    }
    if (r.call_graph) {
      for (auto it = callers.begin(); it != callers.end();) {
        it = own.count(r.call_graph->nodes[*it].path) ? callers.erase(it) : std::next(it);
      }
    }
    for (const std::string& p : own) includers.erase(p);
    m.callers = static_cast<int>(callers.size());
    m.includers = static_cast<int>(includers.size());
    m.centrality = std::log1p(m.callers) + std::log1p(m.includers) +
                   std::log1p(static_cast<double>(m.commits)) / 2;
    if (m.centrality > 0) out.push_back(std::move(m));
  }
  std::stable_sort(out.begin(), out.end(), [](const MustRead& a, const MustRead& b) {
    return a.centrality > b.centrality;
  });
  size_t keep = 0;
  while (keep < out.size() && keep < 10 &&
         (keep < 5 || out[keep].centrality >= out.front().centrality / 4)) {
    ++keep;
  }
  out.resize(keep);
  // Read module by module, the module the rest of the code calls most first.
  // module -> (production calls in, all calls in, best centrality)
  std::map<std::string, std::tuple<int, int, double>> order;
  for (const MustRead& m : out) {
    auto& [prod, all, best] = order[m.module];
    auto it = fans.module_calls.find(m.module);
    if (it != fans.module_calls.end()) std::tie(prod, all) = it->second;
    best = std::max(best, m.centrality);
  }
  std::stable_sort(out.begin(), out.end(), [&](const MustRead& a, const MustRead& b) {
    if (a.module == b.module) return false;
    const auto &x = order[a.module], &y = order[b.module];
    if (x != y) return x > y;
    return a.module < b.module;
  });
  for (MustRead& m : out) m.summary = summary_of(r, m, o, &m.summary_from);
  return out;
}

}  // namespace

std::string head_comment(const std::string& text) {
  size_t at = 0;
  int lines = 0;
  while (at < text.size() && lines < 80) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(at, end - at);
    size_t s = line.find_first_not_of(" \t\r");
    std::string t = s == std::string::npos ? "" : line.substr(s);
    if (t.rfind("//", 0) == 0) {
      std::string block;
      while (at < text.size()) {  // the run of // lines, to an empty one
        end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        line = text.substr(at, end - at);
        s = line.find_first_not_of(" \t\r");
        if (s == std::string::npos || line.compare(s, 2, "//") != 0) break;
        at = end + 1;
        ++lines;
        std::string body = line.substr(s + 2);
        if (body.find_first_not_of(" \t\r/!") == std::string::npos) {
          if (!block.empty()) break;  // a paragraph ends
          continue;
        }
        block += body + "\n";
      }
      for (char& c : block) {
        if (c == '/' || c == '!') c = ' ';
      }
      if (!says_nothing(block)) return first_sentence(block);
      continue;
    }
    if (t.rfind("/*", 0) == 0) {
      size_t close = text.find("*/", at);
      if (close == std::string::npos) return "";
      std::string block = text.substr(at + s + 2, close - at - s - 2);
      lines += static_cast<int>(std::count(block.begin(), block.end(), '\n')) + 1;
      at = close + 2;
      for (char& c : block) {
        if (c == '*' || c == '!') c = ' ';
      }
      if (!says_nothing(block)) return first_sentence(block);
      continue;
    }
    // Blank lines, include guards and pragmas come before a file's comment;
    // anything else is code, and a comment after it is not the file's.
    if (!t.empty() && t[0] != '#') return "";
    at = end + 1;
    ++lines;
  }
  return "";
}

OnboardPlan plan_onboarding(const Report& r, const OnboardOptions& o) {
  OnboardPlan plan;
  plan.team = o.scope.team;
  plan.module = o.scope.module;
  Fans fans = fans_of(r);
  plan.must_read = must_read(r, o, fans);
  if (!r.call_graph) {
    plan.notes.push_back(
        "no call graph (quick mode, or signals.call_graph off): must-read files "
        "are ranked by includes and history only");
  }
  if (!r.signals.history) {
    plan.notes.push_back(
        "no git history: no main authors to ask or pair with, and no recent "
        "change in the ranking");
  }
  std::set<std::string> must_paths;
  for (const MustRead& m : plan.must_read) {
    must_paths.insert(m.path);
    must_paths.insert(m.paired.begin(), m.paired.end());
  }
  std::set<std::string> taken;
  for (const Candidate& c : r.candidates) {
    if (static_cast<int>(plan.solo.size()) == o.count) break;
    if (!o.scope.in_scope(c, r) || !c.newcomer_friendly || c.effort != "S" ||
        c.kind == "investigate-performance" || c.kind == "pair") {
      continue;
    }
    const FunctionFacts* fn = target_function(r, c);
    if (fn && fn->callers && *fn->callers >= 10) continue;  // not local: a pair's ticket
    plan.solo.push_back({&c, "", ""});
    taken.insert(c.id);
  }
  // Knowledge silos first (spreading what one person knows is what
  // pairing is for), then tasks in central code; each by rank.
  for (bool silos : {true, false}) {
    for (const Candidate& c : r.candidates) {
      if (static_cast<int>(plan.pair.size()) == o.count) break;
      if (taken.count(c.id) || !o.scope.in_scope(c, r) || (c.rule == "knowledge-silo") != silos) {
        continue;
      }
      // Small enough to take alone is never a pair's ticket, solo list full or not.
      if (!silos && c.newcomer_friendly && c.effort == "S") continue;
      const FunctionFacts* fn = target_function(r, c);
      std::string why;
      if (silos) {
        why = "knowledge silo";
      } else if (fn && fn->callers && *fn->callers >= 10) {
        why = "central: called from " + std::to_string(*fn->callers) + " functions";
      } else if (c.target.file && must_paths.count(*c.target.file)) {
        why = "central: in a must-read file";
      } else {
        continue;
      }
      plan.pair.push_back({&c, main_author_of(r, c), why});
      taken.insert(c.id);
    }
  }
  // Five days: read, then solo, then pair.
  std::map<std::string, std::vector<std::string>> concepts;
  auto step = [&](int day, const char* action, const std::string& what, const std::string& module) {
    if (!concepts.count(module)) concepts[module] = concepts_of(r, module);
    plan.first_week.push_back({day, action, what, module, concepts[module]});
  };
  size_t half = (plan.must_read.size() + 1) / 2;
  for (size_t i = 0; i < plan.must_read.size(); ++i) {
    step(i < half ? 1 : 2, "read", plan.must_read[i].path, plan.must_read[i].module);
  }
  for (size_t i = 0; i < plan.solo.size(); ++i) {
    step(i == 0 ? 2 : 3, "solo", plan.solo[i].task->title, plan.solo[i].task->target.module);
  }
  for (size_t i = 0; i < plan.pair.size(); ++i) {
    step(i == 0 ? 4 : 5, "pair", plan.pair[i].task->title, plan.pair[i].task->target.module);
  }
  if (plan.solo.empty()) {
    plan.notes.push_back("no newcomer-friendly task of effort S in scope: no solo tickets");
  }
  if (plan.pair.empty()) {
    plan.notes.push_back(
        "no knowledge-silo task or task in central code in scope: no pair tickets");
  }
  return plan;
}

}  // namespace stepup
