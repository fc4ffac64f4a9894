// Test support: a JSON document checked against a JSON schema by Debian's
// python3-jsonschema (the validator the schema's "$schema" names).
#pragma once

#include <string>

namespace stepup::test {

/// The validator's complaints, one "path message" per line; "" when the
/// document is valid. schema: a path under tests/fixtures.
std::string schema_errors(const std::string& fixture_schema, const std::string& document);

}  // namespace stepup::test
