#include "reports/csv_writer.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace stepup;

TEST_CASE("csv_writer: fields are quoted per RFC 4180 and formulas are defused") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("-1") == "'-1");
}

TEST_CASE("csv_writer: one row per candidate with Jira-style columns") {
  Report r;
  Candidate c;
  c.id = "abc";
  c.rank = 1;
  c.rule = "complex-function";
  c.kind = "refactor";
  c.score = 80;
  c.target = {"src/net", std::string("src/net/a.cc"), std::string("f"), 7};
  c.title = "Refactor f, now";
  c.why = {"cognitive 40"};
  c.first_step = "split";
  c.effort = "M";
  r.candidates.push_back(c);
  c.id = "def";
  c.rank = 2;
  c.score = 20;
  c.effort = "S";
  c.newcomer_friendly = true;
  c.target = {"src", std::nullopt, std::nullopt, std::nullopt};
  r.candidates.push_back(c);
  std::ostringstream out;
  write_csv(r, out);
  std::string text = out.str();
  CHECK(text.find("Summary,Description,Issue Type,Priority,Labels,") == 0);
  CHECK(text.find(
            "\r\n\"Refactor f, now\",\"Why:\n- cognitive 40\n\nFirst step: split\",Task,Highest,"
            "stepup refactor effort-M,src/net,3,abc,1,80,refactor,complex-function,src/net,"
            "src/net/a.cc,7,f,M,false,\r\n") != std::string::npos);
  CHECK(text.find(",Task,Low,stepup refactor effort-S good-first-issue,src,1,def,2,20,refactor,"
                  "complex-function,src,,,,S,true,\r\n") != std::string::npos);
}
