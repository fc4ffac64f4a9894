#include "scanner/common/file_head.h"

#include <catch2/catch.hpp>

using namespace stepup;

TEST_CASE("file head: copyright holders are normalised") {
  CHECK(read_head("// Copyright (c) 2011 The LevelDB Authors. All rights reserved.\n").holder ==
        "the leveldb authors");
  CHECK(read_head("// Copyright 2011 Google Inc. All Rights Reserved.\n").holder == "google");
  CHECK(read_head("// Copyright 2019 Google LLC\n").holder == "google");
  CHECK(read_head("/* Copyright (C) 1997, 2001-2004 Jane Doe <jane@example.org> */\n").holder ==
        "jane doe");
  CHECK(read_head("// Copyright © Some Folks\n").holder == "some folks");
  // Neither a year nor (c): not a notice.
  CHECK(read_head("// The above copyright notice shall be included.\n").holder.empty());
  CHECK(read_head("/* COPYRIGHT NOTICE AND DISCLAIMER: */\n").holder.empty());
}

TEST_CASE("file head: licenses by their words or SPDX identifier") {
  CHECK(read_head("// Licensed under the Apache License, Version 2.0\n").license == "apache");
  CHECK(read_head("// Use of this source code is governed by a BSD-style license\n").license ==
        "bsd");
  CHECK(read_head("/* Permission is hereby granted, free of charge, to any person */\n").license ==
        "mit");
  CHECK(read_head("// SPDX-License-Identifier: MIT\n").license == "mit");
  CHECK(read_head("// SPDX-License-Identifier: GPL-2.0-or-later\n").license == "gpl");
  CHECK(read_head("// SPDX-License-Identifier: BSL-1.0\n").license == "boost");
  CHECK(read_head("/* placed in the public\n   domain */\n").license == "public-domain");
  CHECK(read_head("// GNU Lesser General Public License\n").license == "lgpl");
  CHECK(read_head("int x; // Apache License\n").license.empty());  // not a leading comment
}

TEST_CASE("file head: only the leading comment block counts") {
  HeadFacts h = read_head(
      "#pragma once\n"
      "// Copyright 2020 Acme\n"
      "/* See https://www.apache.org/licenses/LICENSE-2.0 and\n"
      " * https://github.com/acme/lib for the source. */\n"
      "#include <x.h>\n"
      "namespace acme::detail {\n"
      "// Copyright 1999 Someone Else https://else.example.com\n");
  CHECK(h.holder == "acme");
  // A license's own page is not an upstream.
  CHECK(h.url == "https://github.com/acme/lib");
  CHECK(h.name_space == "acme");
  CHECK(h.banner.empty());
  CHECK(read_head("int a;\n// DO NOT EDIT\n").banner.empty());
  CHECK(read_head("\n\n// DO NOT EDIT\n").banner == "DO NOT EDIT (line 3)");
  std::string late(41, '\n');
  CHECK(read_head(late + "// DO NOT EDIT\n").banner.empty());  // below line 40
}

TEST_CASE("file head: namespaces, aliases and anonymous ones") {
  CHECK(read_head("namespace fs = std::filesystem;\nnamespace {\nnamespace real {\n").name_space ==
        "real");
  CHECK(read_head("inline namespace v1 {\n").name_space == "v1");
  CHECK(read_head("namespace\nouter\n{\n").name_space.empty());
  CHECK(read_head("using namespace std;\n").name_space.empty());
}

TEST_CASE("file head: a copy note") {
  CHECK(read_head("// Taken verbatim from zlib 1.2.11\n").copied_from ==
        "says it was copied (line 1)");
  CHECK(read_head("// Vendored from upstream\n").copied_from == "says it was copied (line 1)");
  CHECK(read_head("// Nothing was copied here.\n").copied_from.empty());
}

TEST_CASE("file head: a minified file's endless comment line is read without trouble") {
  std::string line = "// Copyright 2020 " + std::string(2000000, 'x') + " https://a.example/" +
                     std::string(1000000, 'y') + "\n";
  HeadFacts h = read_head(line);
  CHECK(h.holder.size() < 400);
  CHECK(h.url.empty());  // beyond the part that is read
}
