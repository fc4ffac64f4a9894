// app/onboard: the head comment that summarises a file, and the plan's
// choices on a report built by hand.
#include "app/onboard.h"

#include <catch2/catch.hpp>

using namespace stepup;

TEST_CASE("head_comment: the first comment that says something, cut to its first sentence") {
  CHECK(head_comment("// Copyright 2011 The LevelDB Authors. All rights reserved.\n"
                     "// Use of this source code is governed by a BSD-style license.\n"
                     "//\n"
                     "// A Cache is an interface that maps keys to values.  It has internal\n"
                     "// synchronization and may be safely accessed concurrently.\n"
                     "\n#ifndef CACHE_H_\n") ==
        "A Cache is an interface that maps keys to values.");
  CHECK(head_comment("#pragma once\n\n/* The journal: every write goes here first, then the\n"
                     " * table. Replayed on open. */\nint x;\n") ==
        "The journal: every write goes here first, then the table.");
  CHECK(head_comment("// -*- mode: c++ -*-\n#include <x>\n// An arena allocator for nodes.\n") ==
        "An arena allocator for nodes.");
  // Code first: a later comment is a function's, not the file's.
  CHECK(head_comment("int f();\n// Returns the answer to everything asked.\n").empty());
  CHECK(head_comment("// TODO\n").empty());  // a few words say nothing
  CHECK(head_comment("/* never closed").empty());
  CHECK(head_comment("").empty());
}

TEST_CASE("plan_onboarding: solo and pair never share a task, silos pair first, scope holds") {
  Report r;
  r.signals.history = true;
  auto file = [](std::string path, std::string module, std::string author) {
    FileFacts f;
    f.path = std::move(path);
    f.module = std::move(module);
    History h;
    h.commits = 4;
    h.main_author = std::move(author);
    f.history = h;
    return f;
  };
  r.files = {file("core/a.cc", "core", "Ann"), file("core/a.h", "core", "Ann"),
             file("ui/b.cc", "ui", "Bob")};  // sorted by path, as a scan's
  r.files[2].includes.push_back({1, "core/a.h", false, "core/a.h"});
  auto task = [](std::string id, std::string rule, std::string kind, std::string module,
                 std::string file, std::string effort, bool newcomer) {
    Candidate c;
    c.id = std::move(id);
    c.rule = std::move(rule);
    c.kind = std::move(kind);
    c.target.module = std::move(module);
    c.target.file = std::move(file);
    c.effort = std::move(effort);
    c.newcomer_friendly = newcomer;
    c.title = c.id;
    return c;
  };
  r.candidates = {task("t1", "untested-hotspot", "add-tests", "core", "core/a.cc", "S", true),
                  task("t2", "complex-function", "refactor", "core", "core/a.cc", "M", false),
                  task("t3", "knowledge-silo", "pair", "ui", "ui/b.cc", "S", true),
                  task("t4", "io-in-loop", "investigate-performance", "ui", "ui/b.cc", "S", false),
                  task("t5", "untested-error-paths", "add-tests", "ui", "ui/b.cc", "S", true)};
  OnboardOptions o;
  o.count = 3;
  OnboardPlan plan = plan_onboarding(r, o);
  REQUIRE(plan.must_read.size() == 2);
  CHECK(plan.must_read[0].path == "core/a.h");  // included by ui/b.cc
  CHECK(plan.must_read[0].paired == std::vector<std::string>{"core/a.cc"});
  CHECK(plan.must_read[0].includers == 1);
  CHECK(plan.must_read[0].main_author == "Ann");
  o.count = 1;
  OnboardPlan one = plan_onboarding(r, o);
  REQUIRE(one.solo.size() == 1);  // t3 is a pairing task, t4 performance work
  CHECK(one.solo[0].task->id == "t1");
  // t5 fits no solo place left, and is still no pair's ticket: small enough alone.
  for (const OnboardTicket& t : one.pair) CHECK(t.task->id != "t5");
  o.count = 3;
  REQUIRE(plan.pair.size() == 3);
  CHECK(plan.pair[0].task->id == "t3");  // the silo first
  CHECK(plan.pair[0].pair_with == "Bob");
  CHECK(plan.pair[1].task->id == "t2");  // then central code by rank: a must-read file
  CHECK(plan.pair[1].why_pair == "central: in a must-read file");
  CHECK(plan.pair[1].pair_with == "Ann");
  CHECK(plan.pair[2].task->id == "t4");

  o.scope.module = "ui";
  OnboardPlan ui = plan_onboarding(r, o);
  REQUIRE(ui.must_read.size() == 1);
  CHECK(ui.must_read[0].path == "ui/b.cc");
  REQUIRE(ui.solo.size() == 1);
  CHECK(ui.solo[0].task->id == "t5");
  REQUIRE(ui.pair.size() == 2);
  CHECK(ui.pair[0].task->id == "t3");
  CHECK(ui.pair[1].task->id == "t4");
}
