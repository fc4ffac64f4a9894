// End to end: the call graph fixture (tests/fixtures/callgraph/README.md)
// scanned through its compile database. The three-hop N+1's finding and
// chain are asserted exactly; the near miss, the run-once loop and the
// virtual call get none; callers and callees equal a hand count.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "tests/support/temp_repo.h"

using stepup::test::read_text;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Scanned {
  Json report, graph;
  std::string dot;
};

// Copies the fixture, writes its compile database and scans it with the
// given .stepup.json ("" none).
Scanned scan(const std::string& config) {
  static int n = 0;
  static stepup::test::TempDir dir;
  const std::string repo = dir.path() + "/repo" + std::to_string(++n);
  fs::copy(std::string(STEPUP_SOURCE_DIR) + "/tests/fixtures/callgraph", repo,
           fs::copy_options::recursive);
  Json db = Json::array();
  for (const char* src : {"src/store/store.cpp", "src/ledger/ledger.cpp", "src/report/report.cpp"}) {
    db.push_back({{"directory", repo},
                  {"file", repo + "/" + src},
                  {"arguments", {"c++", "-std=c++17", "-I" + repo + "/include", "-I" + repo + "/src",
                                 "-c", repo + "/" + src}}});
  }
  dir.write("repo" + std::to_string(n) + "/compile_commands.json", db.dump(2));
  if (!config.empty()) dir.write("repo" + std::to_string(n) + "/.stepup.json", config);
  const std::string out = repo + "-out";
  auto r = stepup::test::run_stepup(
      {"scan", repo, "-o", out, "--format", "json,callgraph,callgraph-json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return {Json::parse(read_text(out + "/report.json")), Json::parse(read_text(out + "/callgraph.json")),
          read_text(out + "/callgraph.dot")};
}

const Scanned& default_scan() {
  static const Scanned s = scan("");
  return s;
}

const Json& function(const Json& report, const std::string& qualified) {
  for (const auto& f : report["files"]) {
    for (const auto& fn : f["functions"]) {
      if (fn["qualified_name"] == qualified) return fn;
    }
  }
  FAIL("no function " << qualified);
  static Json none;
  return none;
}

int line_of(const std::string& rel, const std::string& text) {
  std::string src = read_text(std::string(STEPUP_SOURCE_DIR) + "/tests/fixtures/callgraph/" + rel);
  size_t at = src.find(text);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(src.begin(), src.begin() + at, '\n'));
}

std::vector<Json> io_findings(const Json& fn) {
  std::vector<Json> out;
  for (const auto& f : fn["findings"]) {
    if (f["kind"] == "io-in-loop") out.push_back(f);
  }
  return out;
}

}  // namespace

TEST_CASE("call graph fixture: the three-hop N+1 and its chain, exactly") {
  const Json& r = default_scan().report;
  auto found = io_findings(function(r, "totals"));
  REQUIRE(found.size() == 1);
  const int call = line_of("src/report/report.cpp", "out[id] = ledger.balance(id);");
  const int loop = line_of("src/report/report.cpp", "for (int id : ids) {\n    out[id]");
  CHECK(found[0]["line"] == call);
  CHECK(found[0]["detail"] == "Ledger::balance() inside the loop at line " + std::to_string(loop) +
                                  " reaches PQexec() through 2 calls (N+1: once per element)");
  Json chain = Json::array();
  chain.push_back({{"function", "Ledger::balance"}, {"file", "src/report/report.cpp"}, {"line", call}});
  chain.push_back({{"function", "Store::read_entries"},
                   {"file", "src/ledger/ledger.cpp"},
                   {"line", line_of("src/ledger/ledger.cpp", "store_.read_entries(id);\n  return")}});
  chain.push_back({{"function", "PQexec"},
                   {"file", "src/store/store.cpp"},
                   {"line", line_of("src/store/store.cpp", "PQexec(conn_, sql)")}});
  CHECK(found[0]["chain"] == chain);

  // The task names the function to batch and shows every hop.
  const Json* task = nullptr;
  for (const auto& c : r["candidates"]) {
    if (c["rule"] == "io-in-loop") task = &c;
  }
  REQUIRE(task != nullptr);
  CHECK(task->at("target")["function"] == "totals");
  CHECK(task->at("first_step").get<std::string>().find(
            "add a `balances(...)` beside `Ledger::balance(...)` that makes one PQexec()") !=
        std::string::npos);
  bool chain_why = false;
  for (const auto& w : task->at("why")) {
    chain_why = chain_why || w == "chain: Ledger::balance (src/report/report.cpp:" +
                                      std::to_string(call) + ") -> Store::read_entries "
                                      "(src/ledger/ledger.cpp:" +
                                      std::to_string(chain[1]["line"].get<int>()) +
                                      ") -> PQexec (src/store/store.cpp:" +
                                      std::to_string(chain[2]["line"].get<int>()) + ")";
  }
  CHECK(chain_why);
}

TEST_CASE("call graph fixture: no finding for the near miss, the run-once loop or a virtual call") {
  const Json& r = default_scan().report;
  CHECK(io_findings(function(r, "labels")).empty());         // Ledger::label does no I/O
  CHECK(io_findings(function(r, "first_balance")).empty());  // leaves on its first pass
  CHECK(io_findings(function(r, "sum_sources")).empty());    // virtual: not followed
  int tasks = 0;
  for (const auto& c : r["candidates"]) tasks += c["rule"] == "io-in-loop";
  CHECK(tasks == 1);
}

TEST_CASE("call graph fixture: io_virtual follows the virtual call, io_depth 1 stops at one hop") {
  Scanned virt = scan(R"({"signals": {"io_virtual": true}})");
  auto found = io_findings(function(virt.report, "sum_sources"));
  REQUIRE(found.size() == 1);
  REQUIRE(found[0]["chain"].size() == 3);
  CHECK(found[0]["chain"][0]["function"] == "Source::total_for");
  CHECK(found[0]["chain"][2]["function"] == "PQexec");

  Scanned shallow = scan(R"({"signals": {"io_depth": 1}})");
  CHECK(io_findings(function(shallow.report, "totals")).empty());  // needs 2 repo calls
}

TEST_CASE("call graph fixture: callers and callees equal a hand count") {
  const Scanned& s = default_scan();
  // Distinct functions, as clangd's call hierarchy lists them.
  const std::map<std::string, std::pair<int, int>> hand = {
      {"Store::read_entries", {2, 0}},  // Ledger::balance, Source::total_for
      {"Ledger::balance", {2, 1}},      // totals, first_balance; read_entries
      {"Ledger::label", {1, 0}},        // labels
      {"Source::total_for", {1, 1}},    // sum_sources (virtual); read_entries
      {"totals", {0, 1}},
      {"labels", {0, 1}},
      {"first_balance", {0, 1}},
      {"sum_sources", {0, 1}},
  };
  for (const auto& [name, counts] : hand) {
    INFO(name);
    const Json& fn = function(s.report, name);
    CHECK(fn["callers"] == counts.first);
    CHECK(fn["callees"] == counts.second);
  }
  // callgraph.json: the same counts, every call site, the two libpq calls unresolved.
  REQUIRE(s.graph["schema"] == "stepup-callgraph/1");
  CHECK(s.graph["available"] == true);
  CHECK(s.graph["unresolved"] == 2);
  std::map<std::string, int> id;
  for (const auto& n : s.graph["nodes"]) {
    id[n["function"]] = n["id"];
    if (hand.count(n["function"])) CHECK(n["callers"] == hand.at(n["function"]).first);
  }
  int virtual_edges = 0, loop_edges = 0;
  for (const auto& e : s.graph["edges"]) {
    virtual_edges += e["virtual"].get<bool>();
    loop_edges += e["loop_line"].get<int>() != 0;
    if (e["virtual"] == true) {
      CHECK(e["caller"] == id["sum_sources"]);
      CHECK(e["callee"] == id["Source::total_for"]);
    }
  }
  CHECK(virtual_edges == 1);
  CHECK(loop_edges == 3);  // totals, labels, sum_sources: not first_balance's run-once loop
  CHECK(s.dot.find("digraph callgraph {") == 0);
  CHECK(s.dot.find("style=dashed") != std::string::npos);
}
