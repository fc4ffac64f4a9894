#include "tests/support/json_schema.h"

#include <catch2/catch.hpp>

#include "scanner/common/process.h"
#include "tests/support/temp_repo.h"

namespace stepup::test {
namespace {

const char* kValidate = R"PY(
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = sorted(cls(schema).iter_errors(doc), key=str)
for e in errors:
    print("/".join(map(str, e.absolute_path)), e.message)
sys.exit(1 if errors else 0)
)PY";

}  // namespace

std::string schema_errors(const std::string& fixture_schema, const std::string& document) {
  TempDir dir;
  std::string doc = dir.write("document.json", document);
  std::string script = dir.write("validate.py", kValidate);
  SystemProcessRunner runner;
  ProcessResult r =
      runner.run({"/usr/bin/python3", script,
                  std::string(STEPUP_SOURCE_DIR) + "/tests/fixtures/" + fixture_schema, doc},
                 dir.path());
  REQUIRE(r.started);
  if (r.exit_code == 0) return "";
  return r.out + r.err + " (exit " + std::to_string(r.exit_code) + ")";
}

}  // namespace stepup::test
